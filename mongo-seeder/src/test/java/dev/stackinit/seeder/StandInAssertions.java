package dev.stackinit.seeder;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoDatabase;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import org.bson.BsonDocument;
import org.bson.BsonInt32;
import org.bson.RawBsonDocument;

/** Document-for-document byte equality and index-spec equality between two databases. */
final class StandInAssertions {
    private StandInAssertions() {}

    static List<String> userCollections(MongoDatabase db) {
        return db.listCollectionNames().into(new ArrayList<>()).stream()
                .filter(n -> !MongoCommands.isOwn(n))
                .sorted()
                .toList();
    }

    static void assertExactCopy(MongoDatabase source, MongoDatabase target) {
        assertThat(userCollections(target)).isEqualTo(userCollections(source));
        for (String name : userCollections(source)) {
            List<byte[]> expected = rawDocuments(source, name);
            List<byte[]> actual = rawDocuments(target, name);
            assertThat(actual).as("document count of %s", name).hasSameSizeAs(expected);
            for (int i = 0; i < expected.size(); i++) {
                assertThat(actual.get(i))
                        .as("bytes of document %d of %s", i, name)
                        .isEqualTo(expected.get(i));
            }
            assertThat(indexSpecs(target, name)).as("index specs of %s", name).isEqualTo(indexSpecs(source, name));
        }
    }

    static List<byte[]> rawDocuments(MongoDatabase db, String collection) {
        List<byte[]> documents = new ArrayList<>();
        for (RawBsonDocument doc : db.getCollection(collection, RawBsonDocument.class)
                .find()
                .sort(new BsonDocument("_id", new BsonInt32(1)))) {
            documents.add(Arrays.copyOfRange(
                    doc.getBackingArray(), doc.getByteOffset(), doc.getByteOffset() + doc.getByteLength()));
        }
        return documents;
    }

    static List<BsonDocument> indexSpecs(MongoDatabase db, String collection) {
        return db.getCollection(collection).listIndexes(BsonDocument.class).into(new ArrayList<>()).stream()
                .sorted(Comparator.comparing(spec -> spec.getString("name").getValue()))
                .toList();
    }
}
