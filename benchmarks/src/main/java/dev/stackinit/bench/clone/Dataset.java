package dev.stackinit.bench.clone;

import com.mongodb.client.MongoDatabase;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Random;
import org.bson.Document;
import org.bson.types.Binary;
import org.bson.types.ObjectId;

/** Generated flow-template-like documents of about 1 KB, spread over collections, plus a few large documents. */
final class Dataset {
    static final int LARGE_DOCS = 4;
    private static final int LARGE_BYTES = 4 * 1024 * 1024;

    private Dataset() {}

    /** Returns the total BSON size in bytes. */
    static long generate(MongoDatabase db, int collections, int docs) {
        Random random = new Random(42);
        int perCollection = docs / collections;
        for (int c = 0; c < collections; c++) {
            List<Document> batch = new ArrayList<>(perCollection);
            for (int i = 0; i < perCollection; i++) {
                batch.add(new Document("_id", new ObjectId())
                        .append("name", "template-" + c + "-" + i)
                        .append("version", i % 7)
                        .append("updatedAt", new Date(1_700_000_000_000L + random.nextInt(1_000_000)))
                        .append("tags", List.of("t" + (i % 13), "t" + (i % 17)))
                        .append(
                                "steps",
                                List.of(
                                        new Document("kind", "http").append("timeoutMs", 3000),
                                        new Document("kind", "transform").append("expr", "$.a")))
                        .append("description", randomText(random, 800)));
            }
            db.getCollection("flows_" + c).insertMany(batch);
        }
        for (int i = 0; i < LARGE_DOCS; i++) {
            byte[] blob = new byte[LARGE_BYTES];
            random.nextBytes(blob);
            db.getCollection("assets").insertOne(new Document("_id", "asset-" + i).append("blob", new Binary(blob)));
        }
        return db.runCommand(new Document("dbStats", 1))
                .get("dataSize", Number.class)
                .longValue();
    }

    private static String randomText(Random random, int length) {
        StringBuilder text = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            text.append((char) ('a' + random.nextInt(26)));
        }
        return text.toString();
    }
}
