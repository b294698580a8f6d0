package dev.stackinit.bench.clone;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.InsertManyOptions;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Random;
import org.bson.Document;
import org.bson.types.ObjectId;

/** Generated flow-template-like documents of about 1 KB, spread evenly over collections. */
final class Dataset {
    private static final int BATCH = 5000;

    private Dataset() {}

    /** Returns the total BSON size in bytes. */
    static long generate(MongoDatabase db, int collections, int docs) {
        Random random = new Random(42);
        for (int c = 0; c < collections; c++) {
            int count = docs / collections + (c < docs % collections ? 1 : 0);
            MongoCollection<Document> collection = db.getCollection("flows_" + c);
            List<Document> batch = new ArrayList<>(BATCH);
            for (int i = 0; i < count; i++) {
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
                if (batch.size() == BATCH) {
                    collection.insertMany(batch, new InsertManyOptions().ordered(false));
                    batch = new ArrayList<>(BATCH);
                }
            }
            if (!batch.isEmpty()) {
                collection.insertMany(batch, new InsertManyOptions().ordered(false));
            }
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
