package dev.stackinit.bench.clone;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.InsertManyOptions;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import dev.stackinit.bench.Row;
import dev.stackinit.bench.Samples;
import dev.stackinit.seeder.cli.MongoSeederCommand;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.bson.RawBsonDocument;

/**
 * Row 1, clone, between two in-process mongo-java-server instances: docs/s, MB/s, the ratio to the floor max(read
 * everything, write everything) measured in the same run with the same parallelism, the speed-up over a naive
 * single-thread find → insertOne loop (timed on a quarter of the data, scaled), and the peak heap of the tool run in its own JVM capped at -Xmx256m. Every figure
 * is the median of several runs, with min–max, after one untimed warm-up round.
 *
 * <p>Part of the suite ({@code benchmarks/run}); alone: {@code mvn -B -q -pl benchmarks exec:java
 * -Dexec.mainClass=dev.stackinit.bench.clone.CloneBenchmark}; system properties {@code runs} (default 3), {@code docs}
 * (200000), {@code collections} (20).
 */
public final class CloneBenchmark {
    private static final String DB = "bench";
    private static final int PARALLEL = 4;
    private static final int NAIVE_FRACTION = 4;

    private final int runs;
    private final int docs;
    private final int collections;

    public CloneBenchmark(int runs, int docs, int collections) {
        this.runs = runs;
        this.docs = docs;
        this.collections = collections;
    }

    public static void main(String[] args) throws Exception {
        CloneBenchmark benchmark = new CloneBenchmark(
                Integer.getInteger("runs", 3),
                Integer.getInteger("docs", 200_000),
                Integer.getInteger("collections", 20));
        dev.stackinit.bench.Report report = new dev.stackinit.bench.Report();
        report.addAll(benchmark.measure());
        System.out.print(report.text());
        System.exit(0);
    }

    public List<Row> measure() throws Exception {
        MongoServer sourceServer = new MongoServer(new MemoryBackend());
        String sourceUri = uri(sourceServer);
        try (MongoClient source = MongoClients.create(sourceUri)) {
            long bytes = Dataset.generate(source.getDatabase(DB), collections, docs);
            long total = docs + Dataset.LARGE_DOCS;
            System.err.printf(
                    Locale.ROOT,
                    "clone: dataset of %d documents, %.1f MB in %d collections (+1 with %d large docs)%n",
                    total,
                    bytes / 1e6,
                    collections,
                    Dataset.LARGE_DOCS);
            // one untimed round, so that no figure includes JIT warm-up of the first run
            timeClone(sourceUri);
            timeReadAll(source.getDatabase(DB));
            timeWriteAll(source.getDatabase(DB));
            Samples clone = new Samples("clone");
            Samples floor = new Samples("floor");
            Samples sum = new Samples("read + write");
            Samples naive = new Samples("naive");
            for (int i = 0; i < runs; i++) {
                clone.add(timeClone(sourceUri));
                double read = timeReadAll(source.getDatabase(DB));
                double write = timeWriteAll(source.getDatabase(DB));
                floor.add(Math.max(read, write));
                sum.add(read + write);
                naive.add(timeNaive(source.getDatabase(DB)));
                System.err.printf(
                        Locale.ROOT,
                        "clone run %d/%d: clone %.2f s, read-all %.2f s, write-all %.2f s, naive %.2f s%n",
                        i + 1,
                        runs,
                        clone.values().get(i),
                        read,
                        write,
                        naive.values().get(i));
            }
            double peakMb = peakHeapOfToolMb(sourceUri);
            String data = String.format(Locale.ROOT, "%dk docs, %.0f MB", total / 1000, bytes / 1e6);
            Samples docsPerSecond = Samples.of(
                    "docs/s", clone.values().stream().map(s -> total / s).toList());
            Samples mbPerSecond = Samples.of(
                    "MB/s", clone.values().stream().map(s -> bytes / 1e6 / s).toList());
            Samples overFloor = clone.over(floor, "clone / floor");
            Samples speedUp = naive.over(clone, "naive / clone");
            return List.of(
                    Row.info("1", "clone " + data + ": wall time", clone.format(2, " s")),
                    Row.info("1", "clone docs/s", docsPerSecond.format(0)),
                    Row.info("1", "clone MB/s", mbPerSecond.format(1)),
                    new Row(
                            "1",
                            "clone vs floor max(read-all, write-all)",
                            clone.format(2, " s"),
                            "floor " + floor.format(2, " s"),
                            overFloor.format(2, "×"),
                            "≤ 1.25×",
                            overFloor.median() <= 1.25),
                    new Row(
                            "1",
                            "clone vs read-all + write-all (no overlap)",
                            clone.format(2, " s"),
                            "read+write " + sum.format(2, " s"),
                            clone.over(sum, "clone / (read + write)").format(2, "×"),
                            "(context)",
                            null),
                    new Row(
                            "1",
                            "clone vs naive find → insertOne loop (¼ timed, ×4)",
                            clone.format(2, " s"),
                            "naive " + naive.format(2, " s"),
                            speedUp.format(1, "× faster"),
                            "≥ 3× faster",
                            speedUp.median() >= 3),
                    new Row(
                            "1",
                            "clone peak heap (own JVM, -Xmx256m)",
                            String.format(Locale.ROOT, "%.0f MB", peakMb),
                            "",
                            "",
                            "≤ 256 MB",
                            peakMb <= 256));
        } finally {
            sourceServer.shutdownNow();
        }
    }

    private static String uri(MongoServer server) {
        return "mongodb://127.0.0.1:" + server.bind().getPort() + "/?directConnection=true";
    }

    private double timeClone(String sourceUri) {
        MongoServer target = new MongoServer(new MemoryBackend());
        String targetUri = uri(target);
        try {
            StringWriter err = new StringWriter();
            long start = System.nanoTime();
            int code = MongoSeederCommand.run(
                    Map.of(),
                    new PrintWriter(new StringWriter()),
                    new PrintWriter(err),
                    "clone",
                    "--source-uri",
                    sourceUri,
                    "--target-uri",
                    targetUri,
                    "--database",
                    DB);
            double seconds = (System.nanoTime() - start) / 1e9;
            if (code != 0) {
                throw new IllegalStateException("clone failed: " + err);
            }
            return seconds;
        } finally {
            target.shutdownNow();
            System.gc();
        }
    }

    /** Everything read as raw BSON, collections in parallel as the clone does. */
    private double timeReadAll(MongoDatabase db) throws Exception {
        long start = System.nanoTime();
        parallel(db, name -> {
            long sum = 0;
            for (RawBsonDocument doc :
                    db.getCollection(name, RawBsonDocument.class).find()) {
                sum += doc.getByteLength();
            }
            return sum;
        });
        return (System.nanoTime() - start) / 1e9;
    }

    /** Everything written with unordered insertMany from memory (read before the clock starts). */
    private double timeWriteAll(MongoDatabase source) throws Exception {
        Map<String, List<RawBsonDocument>> data = new java.util.HashMap<>();
        for (String name : source.listCollectionNames()) {
            data.put(
                    name,
                    source.getCollection(name, RawBsonDocument.class).find().into(new ArrayList<>()));
        }
        MongoServer target = new MongoServer(new MemoryBackend());
        try (MongoClient client = MongoClients.create(uri(target))) {
            MongoDatabase db = client.getDatabase(DB);
            long start = System.nanoTime();
            parallel(source, name -> {
                MongoCollection<RawBsonDocument> collection = db.getCollection(name, RawBsonDocument.class);
                List<RawBsonDocument> all = data.get(name);
                for (int from = 0; from < all.size(); from += 8000) {
                    collection.insertMany(
                            all.subList(from, Math.min(all.size(), from + 8000)),
                            new InsertManyOptions().ordered(false));
                }
                return 0L;
            });
            return (System.nanoTime() - start) / 1e9;
        } finally {
            target.shutdownNow();
            data.clear();
            System.gc();
        }
    }

    /**
     * The naive loop: one thread, find → insertOne per document, timed on the first quarter of every collection (the
     * same mix of small and large documents) and scaled ×4: it is linear in the documents, and the whole dataset would
     * take 30–100 s a run on this machine, most of the suite's time budget.
     */
    private double timeNaive(MongoDatabase source) {
        MongoServer target = new MongoServer(new MemoryBackend());
        try (MongoClient client = MongoClients.create(uri(target))) {
            MongoDatabase db = client.getDatabase(DB);
            Map<String, Long> counts = new java.util.LinkedHashMap<>();
            for (String name : source.listCollectionNames()) {
                counts.put(name, source.getCollection(name).countDocuments());
            }
            long sampled = 0;
            long start = System.nanoTime();
            for (Map.Entry<String, Long> collection : counts.entrySet()) {
                int quarter = (int) Math.max(1, (collection.getValue() + NAIVE_FRACTION - 1) / NAIVE_FRACTION);
                MongoCollection<RawBsonDocument> into = db.getCollection(collection.getKey(), RawBsonDocument.class);
                for (RawBsonDocument doc : source.getCollection(collection.getKey(), RawBsonDocument.class)
                        .find()
                        .limit(quarter)) {
                    into.insertOne(doc);
                    sampled++;
                }
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            long all = counts.values().stream().mapToLong(Long::longValue).sum();
            return seconds * all / sampled;
        } finally {
            target.shutdownNow();
            System.gc();
        }
    }

    private interface PerCollection {
        long run(String name) throws Exception;
    }

    private static void parallel(MongoDatabase db, PerCollection task) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(PARALLEL);
        try {
            List<Future<Long>> futures = new ArrayList<>();
            for (String name : db.listCollectionNames()) {
                futures.add(pool.submit(() -> task.run(name)));
            }
            for (Future<Long> future : futures) {
                future.get();
            }
        } finally {
            pool.shutdownNow();
        }
    }

    /** Runs the tool in its own JVM with -Xmx256m and reads the largest pre-GC heap from its GC log. */
    private static double peakHeapOfToolMb(String sourceUri) throws IOException, InterruptedException {
        MongoServer target = new MongoServer(new MemoryBackend());
        Path dir = Files.createTempDirectory("clone-gc");
        Path log = dir.resolve("gc.log");
        try {
            Process process = new ProcessBuilder(
                            Path.of(System.getProperty("java.home"), "bin", "java")
                                    .toString(),
                            "-Xmx256m",
                            "-Xlog:gc:file=" + log + "::filecount=0",
                            "-cp",
                            classPath(),
                            MongoSeederCommand.class.getName(),
                            "clone",
                            "--source-uri",
                            sourceUri,
                            "--target-uri",
                            uri(target),
                            "--database",
                            DB)
                    .redirectErrorStream(true)
                    .start();
            String output =
                    new String(process.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            if (process.waitFor() != 0) {
                throw new IllegalStateException("the tool failed under -Xmx256m: " + output);
            }
            Matcher heap = Pattern.compile("(\\d+)M->\\d+M").matcher(Files.readString(log));
            long peak = 0;
            while (heap.find()) {
                peak = Math.max(peak, Long.parseLong(heap.group(1)));
            }
            return peak;
        } finally {
            target.shutdownNow();
            Files.deleteIfExists(log);
            Files.deleteIfExists(dir);
        }
    }

    /** exec:java runs us in Maven's JVM: the project classpath is that of our class loader, not java.class.path. */
    private static String classPath() {
        if (CloneBenchmark.class.getClassLoader() instanceof java.net.URLClassLoader loader) {
            List<String> entries = new ArrayList<>();
            for (java.net.URL url : loader.getURLs()) {
                try {
                    entries.add(Path.of(url.toURI()).toString());
                } catch (java.net.URISyntaxException e) {
                    throw new IllegalStateException(e);
                }
            }
            return String.join(java.io.File.pathSeparator, entries);
        }
        return System.getProperty("java.class.path");
    }
}
