package dev.stackinit.bench.size;

import dev.stackinit.bench.Row;
import dev.stackinit.bench.Spawn;
import dev.stackinit.bench.Tool;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import java.util.spi.ToolProvider;
import java.util.stream.Stream;

/**
 * Row 5: what an image carries per tool, built the Dockerfile's way without an engine: a jlink runtime of the modules
 * jdeps finds plus jdk.crypto.ec (TLS with EC ciphers) and jdk.naming.dns (mongodb+srv://), the JAR, and the AppCDS
 * archive made with that runtime by benchmarks/cds/cds-archive.sh. The JAR must start on the runtime with the archive.
 * Runtimes and archives stay in benchmarks/target/jlink and are reused while the JAR is unchanged.
 */
public final class SizeBenchmark {
    static final List<String> EXTRA_MODULES = List.of("jdk.crypto.ec", "jdk.naming.dns");
    private static final double GOAL_MB = 90;

    private final Path repo;
    private final Path cache;

    public SizeBenchmark(Path repo) {
        this.repo = repo;
        this.cache = repo.resolve("benchmarks/target/jlink");
    }

    public List<Row> measure(List<Tool> tools) throws Exception {
        List<Row> rows = new ArrayList<>();
        for (Tool tool : tools) {
            TreeSet<String> modules = new TreeSet<>(List.of(run(
                            "jdeps",
                            "--print-module-deps",
                            "--ignore-missing-deps",
                            "--multi-release",
                            "17",
                            tool.jar().toString())
                    .strip()
                    .split(",")));
            modules.addAll(EXTRA_MODULES);
            Path runtime = runtime(modules);
            Path archive = imageArchive(tool, runtime);
            List<String> command =
                    new ArrayList<>(List.of(runtime.resolve("bin/java").toString()));
            if (Files.isRegularFile(archive)) {
                command.add("-XX:SharedArchiveFile=" + archive);
                command.add("-Xshare:on"); // fails the check if the runtime refuses its own archive
            }
            command.addAll(List.of("-jar", tool.jar().toString(), "--version"));
            Spawn.timed(command, Map.of(), cache, tool.name());

            double runtimeMb = mb(size(runtime));
            double jarMb = mb(Files.size(tool.jar()));
            double archiveMb = Files.isRegularFile(archive) ? mb(Files.size(archive)) : 0;
            double total = runtimeMb + jarMb + archiveMb;
            rows.add(new Row(
                    "5",
                    tool.name() + " image payload (" + modules.size() + " modules)",
                    String.format(
                            Locale.ROOT,
                            "%.1f MB = runtime %.1f + jar %.1f + CDS %.1f",
                            total,
                            runtimeMb,
                            jarMb,
                            archiveMb),
                    "",
                    "",
                    "≤ 90 MB",
                    total <= GOAL_MB));
        }
        return rows;
    }

    /** A runtime with exactly these modules, reused from an earlier run when its release file lists them. */
    private Path runtime(TreeSet<String> modules) throws IOException {
        Path dir = cache.resolve(
                "runtime-" + Integer.toHexString(String.join(",", modules).hashCode()));
        Path release = dir.resolve("release");
        if (Files.isRegularFile(release) && Files.readString(release).contains("MODULES=")) {
            return dir;
        }
        deleteTree(dir);
        Files.createDirectories(cache);
        run(
                "jlink",
                "--add-modules",
                String.join(",", modules),
                "--strip-debug",
                "--no-header-files",
                "--no-man-pages",
                "--compress=2",
                "--output",
                dir.toString());
        return dir;
    }

    /** The archive the image makes for itself: same script, same training, the trimmed runtime's own JVM. */
    private Path imageArchive(Tool tool, Path runtime) throws IOException, InterruptedException {
        Path archive = cache.resolve(tool.name() + "-" + runtime.getFileName() + ".jsa");
        Path cds = repo.resolve("benchmarks/cds");
        Path script = cds.resolve("cds-archive.sh");
        Path training = cds.resolve("training/" + tool.name() + ".txt");
        if (newerThanAll(archive, tool.jar(), script, training)) {
            return archive;
        }
        Spawn.Result result = Spawn.run(
                List.of(
                        "sh",
                        script.toString(),
                        runtime.resolve("bin/java").toString(),
                        tool.jar().toString(),
                        archive.toString(),
                        training.toString()),
                Map.of(),
                cache);
        System.err.print(result.output());
        return archive;
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

    /** A JDK tool run in-process; fails with its output on a non-zero exit. */
    private static String run(String name, String... args) {
        ToolProvider tool = ToolProvider.findFirst(name)
                .orElseThrow(
                        () -> new IllegalStateException(name + " is not in this JDK (the suite needs a full JDK)"));
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = tool.run(new PrintWriter(out), new PrintWriter(err), args);
        if (exit != 0) {
            throw new IllegalStateException(name + " " + String.join(" ", args) + " failed: " + out + err);
        }
        return out.toString();
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
