package dev.stackinit.bench;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import dev.stackinit.bench.clone.CloneBenchmark;
import dev.stackinit.bench.migrate.GeneratedMigrations;
import dev.stackinit.bench.migrate.MigrateBenchmark;
import dev.stackinit.bench.noop.NoopBenchmark;
import dev.stackinit.bench.size.SizeBenchmark;
import dev.stackinit.bench.startup.VersionBenchmark;
import dev.stackinit.embedded.EmbeddedSupabase;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The benchmark suite: every row of the performance issue in one table, each figure a median [min–max] of several runs,
 * each subject measured interleaved with its baseline in the same run.
 *
 * <pre>
 * benchmarks/run [--quick] [--only clone,migrate,noop,version,size] [--markdown FILE]
 * </pre>
 *
 * {@code --quick}: one small clone and migrate size and fewer runs, for checking that it all works.
 */
public final class Suite {
    private static final Set<String> SECTIONS = Set.of("clone", "migrate", "noop", "version", "size");

    private final boolean quick;
    private final Set<String> only;
    private final Path markdown;

    private Suite(boolean quick, Set<String> only, Path markdown) {
        this.quick = quick;
        this.only = only;
        this.markdown = markdown;
    }

    public static void main(String[] args) throws Exception {
        boolean quick = false;
        Set<String> only = SECTIONS;
        Path markdown = null;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--quick" -> quick = true;
                case "--only" -> only = Set.of(args[++i].split(","));
                case "--markdown" -> markdown = Path.of(args[++i]).toAbsolutePath();
                default -> {
                    System.err.println("usage: benchmarks/run [--quick] [--only " + String.join(",", SECTIONS)
                            + "] [--markdown FILE]");
                    System.exit(2);
                }
            }
        }
        if (!SECTIONS.containsAll(only)) {
            System.err.println("unknown section in --only " + only + "; sections: " + SECTIONS);
            System.exit(2);
        }
        new Suite(quick, only, markdown).run();
        System.exit(0);
    }

    private void run() throws Exception {
        long started = System.nanoTime();
        Path repo = repository();
        List<Tool> tools = new ArrayList<>();
        for (String name : Tool.NAMES) {
            tools.add(Tool.find(repo, name));
        }
        Path work = Files.createTempDirectory("stackinit-bench");
        Report report = new Report();
        List<Row> memory = new ArrayList<>();
        int runs = quick ? 3 : 7;
        MongoServer mongo = null;
        EmbeddedSupabase db = null;
        try {
            if (only.contains("migrate") || only.contains("noop")) {
                db = EmbeddedSupabase.start();
                db.requirePasswords(); // SCRAM logins, as on Supabase
            }
            MigrateBenchmark migrate =
                    db == null ? null : new MigrateBenchmark(db, Tool.find(repo, "supabase-migrator"), work);
            String header = header(tools, migrate);
            System.out.println(header);
            if (only.contains("clone")) {
                section(report, "clone", () -> {
                    CloneBenchmark.Measured clone = new CloneBenchmark(
                                    Tool.find(repo, "mongo-seeder"),
                                    work,
                                    quick ? 1 : 3,
                                    quick ? List.of(10_000) : List.of(10_000, 100_000, 400_000))
                            .measure();
                    memory.addAll(clone.memory());
                    return clone.rows();
                });
            }
            if (only.contains("migrate")) {
                for (int files : quick ? List.of(100) : List.of(100, 500, 2000)) {
                    section(report, "migrate " + files + " files", () -> {
                        GeneratedMigrations generated =
                                GeneratedMigrations.write(work.resolve("migrate-" + files), files);
                        MigrateBenchmark.Measured measured = migrate.measure(generated, quick ? 1 : 5);
                        memory.add(migrate.memoryRow(files, measured.peakRssMb()));
                        return measured.rows();
                    });
                }
            }
            if (only.contains("noop")) {
                mongo = new MongoServer(new MemoryBackend());
                mongo.bind("127.0.0.1", 0);
                InetSocketAddress address = mongo.getLocalAddress();
                String mongoUri = "mongodb://127.0.0.1:" + address.getPort() + "/?directConnection=true";
                EmbeddedSupabase database = db;
                section(report, "noop", () -> {
                    GeneratedMigrations applied = GeneratedMigrations.write(work.resolve("noop-migrations"), 500);
                    NoopBenchmark noop = new NoopBenchmark(repo, work, database, mongoUri);
                    noop.prepare(applied.texts(), applied.dir());
                    return noop.measure(runs);
                });
            }
            if (only.contains("version")) {
                section(report, "version", () -> VersionBenchmark.measure(tools, work, runs));
            }
            if (only.contains("size")) {
                Path jdk25 = SizeBenchmark.jdk25(tools);
                if (jdk25 == null) {
                    System.err.println("size: no JDK 25+ made the tools' AOT caches: no image rows");
                } else {
                    section(report, "size", () -> new SizeBenchmark(repo, jdk25).measure(tools));
                }
            }
            report.addAll(memory);
            String footer = String.format(
                    Locale.ROOT,
                    "suite took %.0f s%s; load average at the end %s",
                    (System.nanoTime() - started) / 1e9,
                    quick ? " (--quick)" : "",
                    firstLine(List.of("sh", "-c", "cut -d' ' -f1-3 /proc/loadavg")));
            System.out.println();
            System.out.print(report.text());
            System.out.println(footer);
            if (markdown != null) {
                Files.writeString(
                        markdown,
                        "```\n" + header + "\n```\n\n" + report.markdown() + "\n" + footer + "\n",
                        StandardCharsets.UTF_8);
                System.out.println("markdown table written to " + markdown);
            }
        } finally {
            if (mongo != null) {
                mongo.shutdownNow();
            }
            if (db != null) {
                db.close();
            }
            deleteTree(work);
        }
    }

    @FunctionalInterface
    private interface Section {
        List<Row> measure() throws Exception;
    }

    /** Runs one section; a failure is a row of the table (and a stack trace on stderr), the other sections still run. */
    private static void section(Report report, String name, Section section) {
        try {
            report.addAll(section.measure());
        } catch (Exception e) {
            e.printStackTrace();
            String message = String.valueOf(e.getMessage()).lines().findFirst().orElse("");
            report.add(new Row("!", name + " FAILED", message, "", "", "", false));
        }
    }

    /** When and where: the figures mean little without the machine and its load. */
    private static String header(List<Tool> tools, MigrateBenchmark migrate) throws IOException, InterruptedException {
        List<String> lines = new ArrayList<>();
        lines.add("stack-init benchmark suite, "
                + ZonedDateTime.now().format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm z", Locale.ROOT)));
        lines.add("machine: " + Runtime.getRuntime().availableProcessors() + " cores ("
                + firstLine(List.of("sh", "-c", "grep -m1 'model name' /proc/cpuinfo | cut -d: -f2")) + "), "
                + firstLine(List.of("sh", "-c", "free -h | awk '/^Mem:/ {print $2 \" memory, \" $7 \" available\"}'"))
                + ", load average " + firstLine(List.of("sh", "-c", "cut -d' ' -f1-3 /proc/loadavg")));
        lines.add(
                "java (java -jar, baselines): " + firstLine(List.of(Tool.java().toString(), "-version")) + " ("
                        + System.getProperty("java.vm.version") + "); temporary files and PostgreSQL data in "
                        + System.getProperty("java.io.tmpdir"));
        lines.add("launchers (<tool>/target/bin/<tool>), JVM options: "
                + tools.get(0).launchSettings().getOrDefault("options", "?"));
        for (Tool tool : tools) {
            lines.add("  " + tool.name() + ": " + tool.startPath());
        }
        if (migrate != null) {
            lines.add(migrate.describe());
        }
        return String.join("\n", lines);
    }

    private static String firstLine(List<String> command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        try (BufferedReader reader =
                new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            String line = reader.readLine();
            process.waitFor();
            return line == null ? "?" : line.strip();
        }
    }

    /** The repository root: -Drepo, else the first folder up from here that holds benchmarks/ and a pom.xml. */
    public static Path repository() {
        String configured = System.getProperty("repo");
        if (configured != null) {
            return Path.of(configured).toAbsolutePath();
        }
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isDirectory(dir.resolve("benchmarks")) && Files.isRegularFile(dir.resolve("pom.xml"))) {
                return dir;
            }
        }
        throw new IllegalStateException("run from the repository (or pass -Drepo=path)");
    }

    public static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
