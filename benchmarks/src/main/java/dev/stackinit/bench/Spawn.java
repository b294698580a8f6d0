package dev.stackinit.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** Runs a process in a clean environment and measures its wall time, JVM start included. */
public final class Spawn {
    private Spawn() {}

    public record Result(int exit, String output, long nanos) {}

    /** Only PATH, HOME, LANG and TMPDIR are inherited, so that no variable of the caller becomes a tool default. */
    public static Result run(List<String> command, Map<String, String> env, Path dir)
            throws IOException, InterruptedException {
        ProcessBuilder builder =
                new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true);
        Map<String, String> environment = builder.environment();
        Map<String, String> inherited = Map.copyOf(environment);
        environment.clear();
        for (String name : List.of("PATH", "HOME", "TMPDIR")) {
            if (inherited.containsKey(name)) {
                environment.put(name, inherited.get(name));
            }
        }
        environment.put("LANG", "C.UTF-8");
        environment.putAll(env);
        long start = System.nanoTime();
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        int exit = process.waitFor();
        return new Result(exit, output, System.nanoTime() - start);
    }

    /** A run that must exit 0 and print {@code expected}; returns its wall time in nanoseconds. */
    public static long timed(List<String> command, Map<String, String> env, Path dir, String expected)
            throws IOException, InterruptedException {
        Result result = run(command, env, dir);
        if (result.exit() != 0 || !result.output().contains(expected)) {
            throw new IllegalStateException("expected exit 0 and '" + expected + "' from " + String.join(" ", command)
                    + "\nbut got exit " + result.exit() + ":\n" + result.output());
        }
        return result.nanos();
    }
}
