package dev.stackinit.compose;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarFile;
import java.util.spi.ToolProvider;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * What the Dockerfile's jlink stage does, done here without an engine: jdeps finds each tool JAR's modules, jlink builds
 * a trimmed runtime (plus jdk.crypto.ec for TLS with EC ciphers and jdk.naming.dns for mongodb+srv://), and the JAR
 * must start on it. Tools with the same module set share one runtime; runtimes stay in target/jlink between builds.
 */
class JlinkRuntimeIT {
    static final List<String> EXTRA_MODULES = List.of("jdk.crypto.ec", "jdk.naming.dns");
    private static final Path RUNTIMES = StackFiles.MODULE.resolve("target/jlink");
    private static final Map<String, Path> BUILT = new ConcurrentHashMap<>();

    static Stream<String> tools() {
        return StackFiles.TOOLS.stream();
    }

    @ParameterizedTest
    @MethodSource("tools")
    void theToolRunsOnItsTrimmedRuntime(String tool) throws Exception {
        Path jar = StackFiles.REPO.resolve(tool).resolve("target").resolve(tool + ".jar");
        assumeTrue(
                Files.isRegularFile(jar), jar + " is not built (mvn -B -q package -pl " + tool + " -am -DskipTests)");
        Optional<String> missingMain = missingMainClass(jar);
        assumeTrue(missingMain.isEmpty(), tool + ".jar cannot start yet: " + missingMain.orElse(""));

        String jdepsModules = run(
                        "jdeps",
                        "--print-module-deps",
                        "--ignore-missing-deps",
                        "--multi-release",
                        "17",
                        jar.toString())
                .strip();
        assertThat(jdepsModules)
                .as("jdeps on " + jar)
                .matches("[a-z.]+(,[a-z.]+)*")
                .contains("java.base");
        TreeSet<String> modules = new TreeSet<>(List.of(jdepsModules.split(",")));
        modules.addAll(EXTRA_MODULES);

        long started = System.nanoTime();
        String[] how = {"shared with an earlier tool"};
        Path runtime = BUILT.computeIfAbsent(String.join(",", modules), set -> {
            if (reusable(runtimeDir(set), set)) {
                how[0] = "reused from target/jlink";
                return runtimeDir(set);
            }
            Path built = jlink(set);
            how[0] = String.format("built in %.1f s", (System.nanoTime() - started) / 1e9);
            return built;
        });
        Path java = runtime.resolve("bin/java");

        String version = runJar(java, jar, "--version");
        String help = runJar(java, jar, "--help");
        assertThat(version).as(tool + " --version").isNotBlank();
        assertThat(help).as(tool + " --help").contains(tool);
        assertThat(Files.readString(runtime.resolve("release"))).contains(EXTRA_MODULES);

        System.out.printf(
                "[jlink] %s: modules %s; runtime %.1f MB (%s), jar %.1f MB, runtime + jar %.1f MB%n",
                tool,
                String.join(",", modules),
                mb(size(runtime)),
                how[0],
                mb(Files.size(jar)),
                mb(size(runtime) + Files.size(jar)));
    }

    private static Path runtimeDir(String modules) {
        return RUNTIMES.resolve(Integer.toHexString(modules.hashCode()));
    }

    /** A runtime left in target/jlink by an earlier build serves again when it holds the same modules. */
    private static boolean reusable(Path runtime, String modules) {
        Path release = runtime.resolve("release");
        if (!Files.isRegularFile(release) || !Files.isExecutable(runtime.resolve("bin/java"))) {
            return false;
        }
        try {
            String listed = Files.readAllLines(release).stream()
                    .filter(l -> l.startsWith("MODULES="))
                    .findFirst()
                    .orElse("");
            return new TreeSet<>(
                            List.of(listed.replaceAll("^MODULES=\"|\"$", "").split(" ")))
                    // the release file also lists what the added modules require
                    .containsAll(List.of(modules.split(",")));
        } catch (IOException e) {
            return false;
        }
    }

    private static Path jlink(String modules) {
        Path output = runtimeDir(modules);
        try {
            deleteTree(output);
            Files.createDirectories(RUNTIMES);
            run(
                    "jlink",
                    "--add-modules",
                    modules,
                    "--strip-debug",
                    "--no-header-files",
                    "--no-man-pages",
                    "--compress=2",
                    "--output",
                    output.toString());
            return output;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A JDK tool run in-process (no extra JVM start); fails with its output on a non-zero exit. */
    private static String run(String tool, String... args) {
        ToolProvider provider = ToolProvider.findFirst(tool)
                .orElseThrow(() -> new IllegalStateException(tool + " is not in this JDK (a JRE runs the tests?)"));
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = provider.run(new PrintWriter(out), new PrintWriter(err), args);
        assertThat(exit)
                .as(tool + " " + String.join(" ", args) + "\n" + out + err)
                .isZero();
        return out.toString();
    }

    private static String runJar(Path java, Path jar, String arg) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(java.toString(), "-jar", jar.toString(), arg)
                .redirectErrorStream(true)
                .start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).as(arg + " finished").isTrue();
        assertThat(process.exitValue())
                .as(jar.getFileName() + " " + arg + " on the trimmed runtime:\n" + output)
                .isZero();
        return output;
    }

    /** Why the JAR cannot start (no Main-Class, or the class is absent), or empty when it can. */
    private static Optional<String> missingMainClass(Path jar) throws IOException {
        try (JarFile file = new JarFile(jar.toFile())) {
            String main = file.getManifest() == null
                    ? null
                    : file.getManifest().getMainAttributes().getValue("Main-Class");
            if (main == null || main.isBlank()) {
                return Optional.of("no Main-Class in its manifest");
            }
            if (file.getEntry(main.replace('.', '/') + ".class") == null) {
                return Optional.of("main class " + main + " is not in the JAR (the tool has not landed)");
            }
            return Optional.empty();
        }
    }

    private static long size(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile)
                    .mapToLong(f -> f.toFile().length())
                    .sum();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static double mb(long bytes) {
        return bytes / 1024.0 / 1024.0;
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            List<Path> all = new ArrayList<>(files.toList());
            all.sort(Comparator.reverseOrder());
            for (Path p : all) {
                Files.delete(p);
            }
        }
    }
}
