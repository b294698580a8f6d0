package dev.stackinit.bench.clone;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import dev.stackinit.bench.Report;
import dev.stackinit.bench.Row;
import dev.stackinit.bench.Samples;
import dev.stackinit.bench.Spawn;
import dev.stackinit.bench.StandIns;
import dev.stackinit.bench.Suite;
import dev.stackinit.bench.Tool;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Row 1, clone, as users run it: two mongo-java-server stand-ins in processes of their own, mongo-seeder {@code clone}
 * started by its launcher and timed as a process, against a batched copy (find → insertMany of 1,000 raw documents, one
 * collection after the other, a process too: what a script does) between the same servers, a different one first in
 * each round, at several sizes of ~1 KB documents in 20 collections. The tool's own overhead: clone / (read everything +
 * write everything), both measured by processes that time only the servers' work. Row 6 gets the peak resident memory
 * of clone, export and import at each size.
 *
 * <p>Part of the suite ({@code benchmarks/run}); alone: {@code mvn -B -q -pl benchmarks exec:java
 * -Dexec.mainClass=dev.stackinit.bench.clone.CloneBenchmark -Dsizes=10000,100000 -Druns=3}.
 */
public final class CloneBenchmark {
    private static final String DB = "bench";
    private static final int COLLECTIONS = 20;
    private static final Pattern SECONDS = Pattern.compile("seconds=([0-9.]+)");

    private final Tool seeder;
    private final Path work;
    private final int runs;
    private final List<Integer> sizes;

    /** The clone rows, and the memory rows for row 6. */
    public record Measured(List<Row> rows, List<Row> memory) {}

    public CloneBenchmark(Tool seeder, Path work, int runs, List<Integer> sizes) {
        this.seeder = seeder;
        this.work = work;
        this.runs = runs;
        this.sizes = List.copyOf(sizes);
    }

    public static void main(String[] args) throws Exception {
        Path work = Files.createTempDirectory("clone-bench");
        try {
            List<Integer> sizes = Arrays.stream(
                            System.getProperty("sizes", "10000,100000,400000").split(","))
                    .map(Integer::parseInt)
                    .toList();
            CloneBenchmark benchmark = new CloneBenchmark(
                    Tool.find(Suite.repository(), "mongo-seeder"), work, Integer.getInteger("runs", 3), sizes);
            Measured measured = benchmark.measure();
            Report report = new Report();
            report.addAll(measured.rows());
            report.addAll(measured.memory());
            System.out.print(report.text());
        } finally {
            Suite.deleteTree(work);
        }
        System.exit(0);
    }

    public Measured measure() throws Exception {
        List<Row> rows = new ArrayList<>();
        List<Row> memory = new ArrayList<>();
        try (StandIns source = StandIns.mongo(work, "8g");
                StandIns target = StandIns.mongo(work, "8g");
                MongoClient sourceClient = MongoClients.create(source.mongoUri());
                MongoClient targetClient = MongoClients.create(target.mongoUri())) {
            boolean warm = false;
            for (int size : sizes) {
                sourceClient.getDatabase(DB).drop();
                long bytes = Dataset.generate(sourceClient.getDatabase(DB), COLLECTIONS, size);
                System.err.printf(
                        Locale.ROOT,
                        "clone: %d documents, %.1f MB in %d collections%n",
                        size,
                        bytes / 1e6,
                        COLLECTIONS);
                Subjects subjects = new Subjects(source.mongoUri(), target.mongoUri(), targetClient);
                if (!warm) { // one untimed round: the servers' JIT warm, the JARs in the page cache
                    subjects.all().forEach(Subjects.Subject::runUnchecked);
                    subjects.clear();
                    warm = true;
                }
                for (int run = 0; run < runs; run++) {
                    List<Subjects.Subject> order = subjects.all();
                    for (int i = 0; i < order.size(); i++) {
                        order.get((i + run) % order.size()).run();
                    }
                    System.err.printf(
                            Locale.ROOT,
                            "clone %d docs, run %d/%d: clone %.2f s, batched copy %.2f s, read-all %.2f s,"
                                    + " write-all %.2f s%n",
                            size,
                            run + 1,
                            runs,
                            last(subjects.clone),
                            last(subjects.copy),
                            last(subjects.read),
                            last(subjects.write));
                }
                rows.addAll(rows(size, bytes, subjects));
                memory.add(memoryRow("clone", size, subjects.cloneRss, true));
                memory.addAll(exportImport(size, source.mongoUri(), target.mongoUri(), targetClient));
            }
        }
        return new Measured(rows, memory);
    }

    /** The four timed subjects of one size; each starts from an empty target database. */
    private final class Subjects {
        final Samples clone = new Samples("clone");
        final Samples cloneRss = new Samples("clone peak RSS");
        final Samples copy = new Samples("batched copy");
        final Samples read = new Samples("read-all");
        final Samples write = new Samples("write-all");
        private final String sourceUri;
        private final String targetUri;
        private final MongoClient targetClient;

        Subjects(String sourceUri, String targetUri, MongoClient targetClient) {
            this.sourceUri = sourceUri;
            this.targetUri = targetUri;
            this.targetClient = targetClient;
        }

        @FunctionalInterface
        interface Subject {
            void run() throws Exception;

            default void runUnchecked() {
                try {
                    run();
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }
        }

        List<Subject> all() {
            return List.of(this::runClone, this::runCopy, this::runRead, this::runWrite);
        }

        void clear() {
            for (Samples samples : List.of(clone, cloneRss, copy, read, write)) {
                samples.clear();
            }
        }

        private void runClone() throws Exception {
            targetClient.getDatabase(DB).drop();
            Spawn.Result result = Spawn.checked(
                    seeder.launch("clone", "--source-uri", sourceUri, "--target-uri", targetUri, "--database", DB),
                    Map.of(),
                    work,
                    "cloned ");
            clone.addNanos(result.nanos());
            cloneRss.add(result.peakRssMb());
        }

        private void runCopy() throws Exception {
            targetClient.getDatabase(DB).drop();
            copy.addNanos(Spawn.timed(probe("copy", sourceUri, targetUri, DB), Map.of(), work, "copied "));
        }

        private void runRead() throws Exception {
            read.add(seconds(Spawn.checked(probe("read", sourceUri, DB), Map.of(), work, "seconds=")));
        }

        private void runWrite() throws Exception {
            targetClient.getDatabase(DB).drop();
            write.add(seconds(Spawn.checked(probe("write", sourceUri, targetUri, DB), Map.of(), work, "seconds=")));
        }
    }

    private List<Row> rows(int size, long bytes, Subjects s) {
        String what = String.format(Locale.ROOT, "clone %dk docs (%.0f MB)", size / 1000, bytes / 1e6);
        double goal = size < 100_000 ? 1.5 : 2.0;
        Samples faster = s.copy.over(s.clone, "copy / clone");
        Samples sum = new Samples("read-all + write-all");
        for (int i = 0; i < s.read.size(); i++) {
            sum.add(s.read.values().get(i) + s.write.values().get(i));
        }
        Samples overhead = s.clone.over(sum, "clone / (read + write)");
        Samples docsPerSecond = Samples.of(
                "docs/s", s.clone.values().stream().map(t -> size / t).toList());
        return List.of(
                new Row(
                        "1",
                        what + ": mongo-seeder clone (launcher) vs batched copy",
                        s.clone.format(2, " s") + ", " + docsPerSecond.format(0) + " docs/s",
                        "batched copy " + s.copy.format(2, " s"),
                        faster.format(2, "× faster"),
                        String.format(Locale.ROOT, "≥ %.1f× faster", goal),
                        faster.median() >= goal),
                new Row(
                        "1",
                        what + ": clone vs read-all + write-all (the tool's overhead)",
                        s.clone.format(2, " s"),
                        "read-all " + s.read.format(2, " s") + " + write-all " + s.write.format(2, " s"),
                        overhead.format(2, "×"),
                        "≤ 1.10×",
                        overhead.median() <= 1.10));
    }

    /** One export and one import of the same data, by the launcher: their peak resident memory at this size. */
    private List<Row> exportImport(int size, String sourceUri, String targetUri, MongoClient targetClient)
            throws Exception {
        Path seed = work.resolve("export-" + size);
        try {
            Spawn.Result exported = Spawn.checked(
                    seeder.launch("export", "--source-uri", sourceUri, "--database", DB, "--seed-dir", seed.toString()),
                    Map.of(),
                    work,
                    "exported ");
            targetClient.getDatabase(DB).drop();
            Spawn.Result imported = Spawn.checked(
                    seeder.launch("import", "--target-uri", targetUri, "--database", DB, "--seed-dir", seed.toString()),
                    Map.of(),
                    work,
                    "imported ");
            targetClient.getDatabase(DB).drop();
            return List.of(
                    memoryRow("export", size, Samples.of("export", List.of(exported.peakRssMb())), false),
                    memoryRow("import", size, Samples.of("import", List.of(imported.peakRssMb())), false));
        } finally {
            Suite.deleteTree(seed);
        }
    }

    private static Row memoryRow(String command, int size, Samples rss, boolean judged) {
        boolean goal = judged && size >= 400_000;
        return new Row(
                "6",
                "peak RSS, mongo-seeder " + command + " " + size / 1000 + "k docs (launcher)",
                rss.format(0, " MB"),
                "",
                "",
                goal ? "≤ 300 MB" : "(flat with size?)",
                goal ? rss.max() <= 300 : null);
    }

    /** A CopyProbe process with only what it needs on its classpath: the driver and this module's classes. */
    private static List<String> probe(String... args) {
        List<String> entries = new ArrayList<>();
        for (String entry : StandIns.classPath().split(File.pathSeparator)) {
            String name = Path.of(entry).getFileName().toString();
            if (name.startsWith("mongodb-driver") || name.startsWith("bson") || entry.endsWith("classes")) {
                entries.add(entry);
            }
        }
        List<String> command = new ArrayList<>(List.of(
                Tool.java().toString(),
                "-Xmx3g",
                "-cp",
                String.join(File.pathSeparator, entries),
                CopyProbe.class.getName()));
        command.addAll(List.of(args));
        return command;
    }

    private static double seconds(Spawn.Result result) {
        Matcher m = SECONDS.matcher(result.output());
        if (!m.find()) {
            throw new IllegalStateException("no seconds= in: " + result.output());
        }
        return Double.parseDouble(m.group(1));
    }

    private static double last(Samples samples) {
        return samples.values().get(samples.size() - 1);
    }
}
