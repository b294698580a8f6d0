package dev.stackinit.bench.clone;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.InsertManyOptions;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
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
 * Clone benchmark between two in-process mongo-java-server instances. Prints docs/s, MB/s, the ratio to the floor
 * max(read everything, write everything) measured in the same run with the same parallelism, the speed-up over a naive
 * single-thread find → insertOne loop, and the peak heap of the tool run in its own JVM capped at -Xmx256m. Every figure
 * is the median of several runs, with min–max, after one untimed warm-up round.
 *
 * <p>Run: {@code mvn -q install -DskipTests} once, then
 * {@code mvn -B -q -pl benchmarks exec:java -Dexec.mainClass=dev.stackinit.bench.clone.CloneBenchmark}; system
 * properties {@code runs} (default 3), {@code docs} (200000), {@code collections} (20).
 */
public final class CloneBenchmark {
    private static final String DB = "bench";
    private static final int PARALLEL = 4;

    private final int runs = Integer.getInteger("runs", 3);
    private final int docs = Integer.getInteger("docs", 200_000);
    private final int collections = Integer.getInteger("collections", 20);

    public static void main(String[] args) throws Exception {
        new CloneBenchmark().run();
        System.exit(0);
    }

    private void run() throws Exception {
        MongoServer sourceServer = new MongoServer(new MemoryBackend());
        String sourceUri = uri(sourceServer);
        try (MongoClient source = MongoClients.create(sourceUri)) {
            long bytes = Dataset.generate(source.getDatabase(DB), collections, docs);
            long total = docs + Dataset.LARGE_DOCS;
            System.out.printf(
                    Locale.ROOT,
                    "dataset: %d documents, %.1f MB in %d collections (+1 with %d large docs)%n",
                    total,
                    bytes / 1e6,
                    collections,
                    Dataset.LARGE_DOCS);
            // one untimed round, so that no figure includes JIT warm-up of the first run
            timeClone(sourceUri);
            timeReadAll(source.getDatabase(DB));
            timeWriteAll(source.getDatabase(DB));
            List<Double> clone = new ArrayList<>();
            List<Double> floor = new ArrayList<>();
            List<Double> naive = new ArrayList<>();
            for (int i = 0; i < runs; i++) {
                clone.add(timeClone(sourceUri));
                double read = timeReadAll(source.getDatabase(DB));
                double write = timeWriteAll(source.getDatabase(DB));
                floor.add(Math.max(read, write));
                naive.add(timeNaive(source.getDatabase(DB)));
                System.out.printf(
                        Locale.ROOT,
                        "run %d: clone %.2f s, read-all %.2f s, write-all %.2f s, naive %.2f s%n",
                        i + 1,
                        clone.get(i),
                        read,
                        write,
                        naive.get(i));
            }
            List<Double> ratioFloor = new ArrayList<>();
            List<Double> speedUp = new ArrayList<>();
            for (int i = 0; i < runs; i++) {
                ratioFloor.add(clone.get(i) / floor.get(i));
                speedUp.add(naive.get(i) / clone.get(i));
            }
            double peakMb = peakHeapOfToolMb(sourceUri);
            System.out.println();
            System.out.println("figure                         median [min-max]");
            print("clone wall s", clone);
            print("docs/s", clone.stream().map(s -> total / s).toList());
            print("MB/s", clone.stream().map(s -> bytes / 1e6 / s).toList());
            print("floor max(read,write) s", floor);
            print("clone / floor (goal <= 1.25)", ratioFloor);
            print("naive insertOne loop s", naive);
            print("naive / clone (goal >= 3)", speedUp);
            System.out.printf(
                    Locale.ROOT, "%-30s %.0f MB (tool in its own JVM, -Xmx256m; goal <= 256)%n", "peak heap", peakMb);
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

    /** The naive loop: one thread, find → insertOne per document. */
    private double timeNaive(MongoDatabase source) {
        MongoServer target = new MongoServer(new MemoryBackend());
        try (MongoClient client = MongoClients.create(uri(target))) {
            MongoDatabase db = client.getDatabase(DB);
            long start = System.nanoTime();
            for (String name : source.listCollectionNames()) {
                MongoCollection<RawBsonDocument> into = db.getCollection(name, RawBsonDocument.class);
                for (RawBsonDocument doc :
                        source.getCollection(name, RawBsonDocument.class).find()) {
                    into.insertOne(doc);
                }
            }
            return (System.nanoTime() - start) / 1e9;
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
        Path log = Files.createTempFile("clone-gc", ".log");
        try {
            Process process = new ProcessBuilder(
                            Path.of(System.getProperty("java.home"), "bin", "java")
                                    .toString(),
                            "-Xmx256m",
                            "-Xlog:gc:file=" + log,
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

    private static void print(String figure, List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        double median = sorted.size() % 2 == 1
                ? sorted.get(sorted.size() / 2)
                : (sorted.get(sorted.size() / 2 - 1) + sorted.get(sorted.size() / 2)) / 2;
        System.out.printf(
                Locale.ROOT, "%-30s %.2f [%.2f-%.2f]%n", figure, median, sorted.get(0), sorted.get(sorted.size() - 1));
    }
}
