package dev.stackinit.seeder;

import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.bson.BsonArray;
import org.bson.BsonBinary;
import org.bson.BsonBoolean;
import org.bson.BsonDateTime;
import org.bson.BsonDbPointer;
import org.bson.BsonDecimal128;
import org.bson.BsonDocument;
import org.bson.BsonDouble;
import org.bson.BsonInt32;
import org.bson.BsonInt64;
import org.bson.BsonJavaScript;
import org.bson.BsonJavaScriptWithScope;
import org.bson.BsonMaxKey;
import org.bson.BsonMinKey;
import org.bson.BsonNull;
import org.bson.BsonObjectId;
import org.bson.BsonRegularExpression;
import org.bson.BsonString;
import org.bson.BsonSymbol;
import org.bson.BsonTimestamp;
import org.bson.BsonUndefined;
import org.bson.Document;
import org.bson.types.Decimal128;
import org.bson.types.ObjectId;

/** Test data for the stand-in tier: every BSON type, ~15 MB documents, 100k+ documents, varied index specs. */
public final class StandInData {
    static final int BULK_COLLECTIONS = 10;
    static final int BULK_DOCS_EACH = 10_500;

    private StandInData() {}

    static void populate(MongoDatabase db) {
        var types = db.getCollection("types", BsonDocument.class);
        List<BsonDocument> typed = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            typed.add(everyType(i, false));
        }
        types.insertMany(typed);
        types.createIndex(Indexes.ascending("int32", "string"), new IndexOptions().name("compound"));
        types.createIndex(Indexes.text("string"));

        var large = db.getCollection("large", BsonDocument.class);
        for (int i = 0; i < 3; i++) {
            byte[] payload = new byte[15 * 1024 * 1024];
            new java.util.Random(i).nextBytes(payload);
            large.insertOne(
                    new BsonDocument("_id", new BsonString("large-" + i)).append("payload", new BsonBinary(payload)));
        }
        for (int c = 0; c < BULK_COLLECTIONS; c++) {
            var bulk = db.getCollection("bulk_" + c);
            List<Document> batch = new ArrayList<>();
            for (int i = 0; i < BULK_DOCS_EACH; i++) {
                batch.add(new Document("_id", new ObjectId())
                        .append("n", i)
                        .append("slug", "c" + c + "-" + i)
                        .append("owner", i % 3 == 0 ? null : "user-" + (i % 97))
                        .append("at", new java.util.Date(1_700_000_000_000L + i))
                        .append("loc", new Document("type", "Point").append("coordinates", List.of(i % 180, i % 90)))
                        .append("text", "lorem ipsum ".repeat(8)));
            }
            bulk.insertMany(batch);
            if (c >= 3) {
                continue; // varied index specs on a few collections keep the stand-in's setup time down
            }
            bulk.createIndex(Indexes.ascending("slug"), new IndexOptions().unique(true));
            bulk.createIndex(
                    Indexes.descending("n"), new IndexOptions().sparse(true).name("n_desc_sparse"));
            bulk.createIndex(Indexes.ascending("at"), new IndexOptions().expireAfter(3600L, TimeUnit.SECONDS));
            bulk.createIndex(
                    Indexes.ascending("owner"),
                    new IndexOptions().partialFilterExpression(new Document("owner", new Document("$exists", true))));
            bulk.createIndex(Indexes.hashed("owner"));
            bulk.createIndex(Indexes.geo2dsphere("loc"));
        }
    }

    /**
     * Every BSON type. mongo-java-server cannot decode DBPointer, Symbol, JavaScript-with-scope and binary subtype 5
     * (MD5), and stores Undefined as null, so those are left out on the stand-in ({@code deprecatedTypes = false}); they are
     * covered by the seed-file tests and the container tier.
     */
    public static BsonDocument everyType(int i, boolean deprecatedTypes) {
        byte[] bytes = {1, 2, 3, (byte) i};
        BsonDocument doc = new BsonDocument("_id", new BsonInt32(i))
                .append("double", new BsonDouble(1.5 + i))
                .append("negativeZero", new BsonDouble(-0.0))
                .append("string", new BsonString("héllo ✓ " + i))
                .append("document", new BsonDocument("z", new BsonInt32(1)).append("a", new BsonInt32(2)))
                .append("array", new BsonArray(List.of(new BsonInt32(1), new BsonInt64(1), new BsonDouble(1))))
                .append("binary", new BsonBinary(bytes))
                .append("uuid", new BsonBinary(new UUID(i, i)))
                .append("userBinary", new BsonBinary((byte) 0x80, bytes))
                .append("objectId", new BsonObjectId(new ObjectId(1_700_000_000 + i, 42)))
                .append("boolean", BsonBoolean.valueOf(i % 2 == 0))
                .append("date", new BsonDateTime(-1000L * i))
                .append("null", BsonNull.VALUE)
                .append("regex", new BsonRegularExpression("^a.*b$", "im"))
                .append("javascript", new BsonJavaScript("function() { return 1; }"))
                .append("int32", new BsonInt32(i))
                .append("int64", new BsonInt64(i))
                .append("timestamp", new BsonTimestamp(1_700_000_000, i))
                .append("decimal", new BsonDecimal128(Decimal128.parse("1.10")))
                .append("minKey", new BsonMinKey())
                .append("maxKey", new BsonMaxKey());
        if (deprecatedTypes) {
            doc.append("undefined", new BsonUndefined())
                    .append("md5", new BsonBinary((byte) 5, bytes))
                    .append("dbPointer", new BsonDbPointer("db.coll", new ObjectId(1_600_000_000, i)))
                    .append("symbol", new BsonSymbol("sym"))
                    .append(
                            "javascriptWithScope",
                            new BsonJavaScriptWithScope("x + 1", new BsonDocument("x", new BsonInt32(i))));
        }
        return doc;
    }

    static long totalDocuments() {
        return 20 + 3 + (long) BULK_COLLECTIONS * BULK_DOCS_EACH;
    }
}
