package dev.stackinit.bench;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import dev.stackinit.bench.clone.CloneBenchmark;
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
 * {@code --quick}: a smaller clone and migrate dataset and fewer runs (about a minute), for checking that it all works.
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
        String header = header(tools);
        System.out.println(header);
        int runs = quick ? 3 : 7;
        Report report = new Report();
        Path work = Files.createTempDirectory("stackinit-bench");
        MongoServer mongo = null;
        EmbeddedSupabase db = null;
        try {
            if (only.contains("clone")) {
                report.addAll(new CloneBenchmark(quick ? 1 : 3, quick ? 40_000 : 200_000, 20).measure());
            }
            if (only.contains("migrate") || only.contains("noop")) {
                db = EmbeddedSupabase.start();
            }
            Path migrations = work.resolve("migrations");
            List<String> texts = MigrateBenchmark.writeMigrations(migrations, 500);
            if (only.contains("migrate")) {
                Path dir = quick ? work.resolve("migrations-quick") : migrations;
                List<String> subset = quick ? MigrateBenchmark.writeMigrations(dir, 100) : texts;
                report.addAll(new MigrateBenchmark(db, Tool.find(repo, "supabase-migrator"))
                        .measure(dir, subset, quick ? 1 : 7));
            }
            if (only.contains("noop")) {
                mongo = new MongoServer(new MemoryBackend());
                mongo.bind("127.0.0.1", 0);
                InetSocketAddress address = mongo.getLocalAddress();
                String mongoUri = "mongodb://127.0.0.1:" + address.getPort() + "/?directConnection=true";
                NoopBenchmark noop = new NoopBenchmark(repo, work, db, mongoUri);
                noop.prepare(texts, migrations);
                report.addAll(noop.measure(runs));
            }
            if (only.contains("version")) {
                report.addAll(VersionBenchmark.measure(tools, work, runs));
            }
            if (only.contains("size")) {
                report.addAll(new SizeBenchmark(repo).measure(tools));
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
        String footer = String.format(
                Locale.ROOT, "suite took %.0f s%s", (System.nanoTime() - started) / 1e9, quick ? " (--quick)" : "");
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
    }

    /** When and where: the figures mean little without the machine and its load. */
    private static String header(List<Tool> tools) throws IOException, InterruptedException {
        List<String> lines = new ArrayList<>();
        lines.add("stack-init benchmark suite, "
                + ZonedDateTime.now().format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm z", Locale.ROOT)));
        lines.add("machine: " + Runtime.getRuntime().availableProcessors() + " cores, "
                + firstLine(List.of("sh", "-c", "free -h | awk '/^Mem:/ {print $2 \" memory, \" $7 \" available\"}'"))
                + ", load average " + firstLine(List.of("sh", "-c", "cut -d' ' -f1-3 /proc/loadavg")));
        lines.add("java: " + firstLine(List.of(Tool.java().toString(), "-version")) + " ("
                + System.getProperty("java.vm.version") + "); temporary files and PostgreSQL data in "
                + System.getProperty("java.io.tmpdir"));
        lines.add("launch command: java -XX:SharedArchiveFile=<tool>/target/<tool>.jsa "
                + String.join(" ", Tool.LAUNCH_FLAGS) + " -jar <tool>/target/<tool>.jar");
        for (Tool tool : tools) {
            lines.add("  " + tool.name() + ": " + tool.archiveState());
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
