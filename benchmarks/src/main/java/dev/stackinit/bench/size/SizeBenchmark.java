package dev.stackinit.bench.size;

import dev.stackinit.bench.Row;
import dev.stackinit.bench.Spawn;
import dev.stackinit.bench.Tool;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * Row 5: what an image carries per tool, built the Dockerfile's way without an engine: a Java 25 runtime jlinked with
 * the modules jdeps finds minus java.desktop, plus jdk.crypto.ec (TLS with EC ciphers) and jdk.naming.dns
 * (mongodb+srv://); the JAR; and the AOT cache that runtime makes with benchmarks/cds/startup-cache.sh and the tool's
 * training file, without stand-in servers, as in the image. The launcher must start the tool with the cache mapped
 * ({@code -XX:AOTMode=on}). Runtimes and caches stay in benchmarks/target/jlink and are reused while the inputs are
 * unchanged.
 */
public final class SizeBenchmark {
    static final List<String> EXTRA_MODULES = List.of("jdk.crypto.ec", "jdk.naming.dns");
    private static final double GOAL_MB = 90;

    private final Path repo;
    private final Path cache;
    private final Path jdk;

    /** @param jdk the JDK 25+ the image's runtime comes from */
    public SizeBenchmark(Path repo, Path jdk) {
        this.repo = repo;
        this.cache = repo.resolve("benchmarks/target/jlink");
        this.jdk = jdk;
    }

    /** The JDK 25+ of the tools' AOT caches (their launch settings name its java), or null. */
    public static Path jdk25(List<Tool> tools) throws IOException {
        for (Tool tool : tools) {
            String java = tool.launchSettings().get("aot_java");
            if (java != null) {
                return Path.of(java).getParent().getParent();
            }
        }
        return null;
    }

    public List<Row> measure(List<Tool> tools) throws Exception {
        List<Row> rows = new ArrayList<>();
        for (Tool tool : tools) {
            TreeSet<String> modules = new TreeSet<>(Arrays.asList(run(
                            jdk.resolve("bin/jdeps").toString(),
                            "--print-module-deps",
                            "--ignore-missing-deps",
                            "--multi-release",
                            "17",
                            tool.jar().toString())
                    .strip()
                    .split(",")));
            modules.remove("java.desktop");
            modules.addAll(EXTRA_MODULES);
            Path runtime = runtime(modules);
            Path image = image(tool, runtime);
            // --help, not a bare --version: the launcher runs that one without the cache
            Spawn.checked(
                    List.of(image.resolve("bin/tool").toString(), "--help"),
                    Map.of("JAVA_OPTS", "-XX:AOTMode=on"),
                    image,
                    "Usage: " + tool.name());
            double runtimeMb = mb(size(runtime));
            double jarMb = mb(Files.size(image.resolve("tool.jar")));
            double cacheMb = mb(Files.size(image.resolve("tool.aot")));
            double total = runtimeMb + jarMb + cacheMb;
            rows.add(new Row(
                    "5",
                    tool.name() + " image payload (Java " + feature(runtime) + ", " + modules.size() + " modules)",
                    String.format(
                            Locale.ROOT,
                            "%.1f MB = runtime %.1f + jar %.1f + AOT cache %.1f",
                            total,
                            runtimeMb,
                            jarMb,
                            cacheMb),
                    "",
                    "",
                    "≤ 90 MB",
                    total <= GOAL_MB));
        }
        return rows;
    }

    /** A runtime with exactly these modules, reused from an earlier run when its release file lists them. */
    private Path runtime(TreeSet<String> modules) throws IOException, InterruptedException {
        Path dir = cache.resolve("runtime-" + feature(jdk) + "-"
                + Integer.toHexString(String.join(",", modules).hashCode()));
        Path release = dir.resolve("release");
        if (Files.isRegularFile(release) && Files.readString(release).contains("MODULES=")) {
            return dir;
        }
        deleteTree(dir);
        Files.createDirectories(cache);
        run(
                jdk.resolve("bin/jlink").toString(),
                "--add-modules",
                String.join(",", modules),
                "--strip-debug",
                "--no-header-files",
                "--no-man-pages",
                "--compress=zip-9",
                "--output",
                dir.toString());
        return dir;
    }

    /**
     * The image's /app: the JAR as tool.jar, and what the Dockerfile's startup-cache.sh step makes there with the
     * runtime (the launcher bin/tool, tool.launch, tool.aot), reused while the JAR and the scripts are unchanged.
     */
    private Path image(Tool tool, Path runtime) throws IOException, InterruptedException {
        Path app = cache.resolve(tool.name() + "-app-" + runtime.getFileName());
        Path cds = repo.resolve("benchmarks/cds");
        Path training = cds.resolve("training/" + tool.name() + ".txt");
        Path aot = app.resolve("tool.aot");
        if (newerThanAll(aot, tool.jar(), cds.resolve("startup-cache.sh"), cds.resolve("launcher"), training)) {
            return app;
        }
        deleteTree(app);
        Files.createDirectories(app);
        Files.copy(tool.jar(), app.resolve("tool.jar"), StandardCopyOption.COPY_ATTRIBUTES);
        Path samples = Files.createDirectories(app.resolve("no-samples")); // the image's build context has none
        Spawn.Result result = Spawn.run(
                List.of(
                        "sh",
                        cds.resolve("startup-cache.sh").toString(),
                        "tool",
                        "-",
                        app.toString(),
                        "none",
                        training.toString(),
                        samples.toString(),
                        tool.launchSettings().getOrDefault("options", ""),
                        "false",
                        runtime.resolve("bin/java").toString(),
                        "none"),
                Map.of(),
                app);
        System.err.print(result.output());
        if (!Files.isRegularFile(aot)) {
            throw new IllegalStateException("no AOT cache for the image of " + tool.name() + ":\n" + result.output());
        }
        deleteTree(app.resolve("startup-cache"));
        deleteTree(samples);
        return app;
    }

    private static String feature(Path jdkHome) throws IOException {
        for (String line : Files.readAllLines(jdkHome.resolve("release"))) {
            if (line.startsWith("JAVA_VERSION=")) {
                return line.replaceAll("JAVA_VERSION=\"?([0-9]+).*", "$1");
            }
        }
        return "?";
    }

    private static boolean newerThanAll(Path file, Path... inputs) throws IOException {
        if (!Files.isRegularFile(file)) {
            return false;
        }
        for (Path input : inputs) {
            if (Files.getLastModifiedTime(file).compareTo(Files.getLastModifiedTime(input)) <= 0) {
                return false;
            }
        }
        return true;
    }

    /** A JDK command; fails with its output on a non-zero exit. */
    private static String run(String... command) throws IOException, InterruptedException {
        Spawn.Result result = Spawn.run(List.of(command), Map.of(), Path.of("."));
        if (result.exit() != 0) {
            throw new IllegalStateException(String.join(" ", command) + " failed: " + result.output());
        }
        return result.output();
    }

    private static long size(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile)
                    .mapToLong(f -> f.toFile().length())
                    .sum();
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
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
