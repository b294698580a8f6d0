package dev.stackinit.bench;

import java.io.File;
import java.io.IOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Stand-in servers in a process of their own ({@code dev.stackinit.embedded.StandInServers}), so that their CPU time is
 * not the suite's and a tool timed against them competes with them as it would with real servers on the same machine.
 * The process ends when this object is closed, or with the suite (it stops when its standard input closes).
 */
public final class StandIns implements AutoCloseable {
    private final Process process;
    private final Map<String, String> variables;

    private StandIns(Process process, Map<String, String> variables) {
        this.process = process;
        this.variables = variables;
    }

    /** One mongo-java-server (memory backend) with this much heap, e.g. "6g". */
    public static StandIns mongo(Path work, String maxHeap) throws IOException, InterruptedException {
        return start(work, maxHeap, List.of("--mongo", "1"));
    }

    private static StandIns start(Path work, String maxHeap, List<String> what)
            throws IOException, InterruptedException {
        Path envFile = Files.createTempFile(work, "stand-ins", ".env");
        Files.delete(envFile);
        List<String> command = new ArrayList<>(List.of(
                Tool.java().toString(), "-Xmx" + maxHeap, "-cp", classPath(), "dev.stackinit.embedded.StandInServers"));
        command.addAll(what);
        command.addAll(List.of("--env-file", envFile.toString(), "--until-eof"));
        Process process = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(
                        work.resolve("stand-ins-" + System.nanoTime() + ".log").toFile())
                .start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (!Files.exists(envFile)) {
            if (!process.isAlive() || System.nanoTime() > deadline) {
                process.destroyForcibly();
                throw new IllegalStateException("the stand-in servers did not start: " + String.join(" ", command));
            }
            Thread.sleep(50);
        }
        Map<String, String> variables = new LinkedHashMap<>();
        for (String line : Files.readAllLines(envFile)) {
            int equals = line.indexOf('=');
            variables.put(line.substring(0, equals), line.substring(equals + 2, line.length() - 1));
        }
        Files.delete(envFile);
        return new StandIns(process, variables);
    }

    public String mongoUri() {
        return variables.get("MONGO_URI");
    }

    public long pid() {
        return process.pid();
    }

    @Override
    public void close() throws IOException, InterruptedException {
        process.getOutputStream().close();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
        }
    }

    /** exec:java runs the suite in Maven's JVM: the project classpath is that of our class loader, not java.class.path. */
    public static String classPath() {
        if (StandIns.class.getClassLoader() instanceof URLClassLoader loader) {
            List<String> entries = new ArrayList<>();
            for (URL url : loader.getURLs()) {
                try {
                    entries.add(Path.of(url.toURI()).toString());
                } catch (URISyntaxException e) {
                    throw new IllegalStateException(e);
                }
            }
            return String.join(File.pathSeparator, entries);
        }
        return System.getProperty("java.class.path");
    }
}
