package dev.stackinit.bench.clone;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.InsertManyOptions;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.bson.RawBsonDocument;

/**
 * The clone rows' baselines, each run as a process of its own against the same two stand-in servers as the tool:
 *
 * <pre>
 * copy  SOURCE_URI TARGET_URI DB   the batched copy a script would do: one collection after the other, find → insertMany
 *                                  of 1,000 raw documents (the driver's defaults otherwise); timed from outside, like the
 *                                  tool, JVM start included
 * read  SOURCE_URI DB              every document read (raw BSON), 4 collections at a time as the tool does
 * write SOURCE_URI TARGET_URI DB   every document read into memory first (not timed), then written: unordered
 *                                  insertMany of 1,000, 4 collections at a time
 * </pre>
 *
 * {@code read} and {@code write} print {@code seconds=<s>}: their own timing of the servers' work, without the JVM.
 */
public final class CopyProbe {
    static final int BATCH = 1000;
    private static final int PARALLEL = 4;

    private CopyProbe() {}

    public static void main(String[] args) throws Exception {
        switch (args[0]) {
            case "copy" -> copy(args[1], args[2], args[3]);
            case "read" -> read(args[1], args[2]);
            case "write" -> write(args[1], args[2], args[3]);
            default -> throw new IllegalArgumentException("copy | read | write");
        }
        System.exit(0);
    }

    private static void copy(String sourceUri, String targetUri, String database) {
        long documents = 0;
        try (MongoClient source = MongoClients.create(sourceUri);
                MongoClient target = MongoClients.create(targetUri)) {
            MongoDatabase from = source.getDatabase(database);
            MongoDatabase into = target.getDatabase(database);
            for (String name : from.listCollectionNames()) {
                MongoCollection<RawBsonDocument> out = into.getCollection(name, RawBsonDocument.class);
                List<RawBsonDocument> batch = new ArrayList<>(BATCH);
                for (RawBsonDocument doc :
                        from.getCollection(name, RawBsonDocument.class).find()) {
                    batch.add(doc);
                    if (batch.size() == BATCH) {
                        out.insertMany(batch);
                        documents += batch.size();
                        batch = new ArrayList<>(BATCH);
                    }
                }
                if (!batch.isEmpty()) {
                    out.insertMany(batch);
                    documents += batch.size();
                }
            }
        }
        System.out.println("copied " + documents + " documents");
    }

    private static void read(String sourceUri, String database) throws Exception {
        try (MongoClient source = MongoClients.create(sourceUri)) {
            MongoDatabase db = source.getDatabase(database);
            List<String> names = db.listCollectionNames().into(new ArrayList<>());
            long start = System.nanoTime();
            long bytes = parallel(names, name -> {
                long sum = 0;
                for (RawBsonDocument doc :
                        db.getCollection(name, RawBsonDocument.class).find()) {
                    sum += doc.getByteLength();
                }
                return sum;
            });
            print(start, "read " + bytes + " bytes");
        }
    }

    private static void write(String sourceUri, String targetUri, String database) throws Exception {
        Map<String, List<RawBsonDocument>> data = new HashMap<>();
        try (MongoClient source = MongoClients.create(sourceUri)) {
            MongoDatabase db = source.getDatabase(database);
            for (String name : db.listCollectionNames()) {
                data.put(
                        name,
                        db.getCollection(name, RawBsonDocument.class).find().into(new ArrayList<>()));
            }
        }
        try (MongoClient target = MongoClients.create(targetUri)) {
            MongoDatabase db = target.getDatabase(database);
            long start = System.nanoTime();
            long written = parallel(new ArrayList<>(data.keySet()), name -> {
                MongoCollection<RawBsonDocument> collection = db.getCollection(name, RawBsonDocument.class);
                List<RawBsonDocument> all = data.get(name);
                for (int from = 0; from < all.size(); from += BATCH) {
                    collection.insertMany(
                            all.subList(from, Math.min(all.size(), from + BATCH)),
                            new InsertManyOptions().ordered(false));
                }
                return all.size();
            });
            print(start, "wrote " + written + " documents");
        }
    }

    private static void print(long start, String what) {
        System.out.println(String.format(Locale.ROOT, "seconds=%.4f %s", (System.nanoTime() - start) / 1e9, what));
    }

    private interface PerCollection {
        long run(String name) throws Exception;
    }

    private static long parallel(List<String> names, PerCollection task) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(PARALLEL);
        try {
            List<Future<Long>> futures = new ArrayList<>();
            for (String name : names) {
                futures.add(pool.submit(() -> task.run(name)));
            }
            long total = 0;
            for (Future<Long> future : futures) {
                total += future.get();
            }
            return total;
        } finally {
            pool.shutdownNow();
        }
    }
}
