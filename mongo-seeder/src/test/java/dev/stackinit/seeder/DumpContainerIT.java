package dev.stackinit.seeder;

import static dev.stackinit.seeder.CloneIT.cli;
import static dev.stackinit.seeder.DumpBuilder.bson;
import static dev.stackinit.seeder.DumpBuilder.concat;
import static dev.stackinit.seeder.DumpBuilder.metadata;
import static dev.stackinit.seeder.DumpBuilder.write;
import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.CreateCollectionOptions;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.TimeSeriesGranularity;
import com.mongodb.client.model.TimeSeriesOptions;
import com.mongodb.client.model.ValidationOptions;
import dev.stackinit.seeder.CloneIT.Result;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.bson.BsonDocument;
import org.bson.BsonInt32;
import org.bson.Document;
import org.bson.RawBsonDocument;
import org.bson.types.Code;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.wait.strategy.Wait;
import org.testcontainers.junit.jupiter.Testcontainers;

/**
 * mongodump's formats on real mongod 7.0 and 8.0, what the stand-in cannot show: a time-series collection exported
 * as its raw buckets (mongodump layout and gzip archive) and restored with its options and every bucket, a validator
 * with collation, a view, system.js and a 2dsphere index; a dump the test builds itself; and the archive real mongodump
 * writes in the same container, imported by mongo-seeder. Skipped where there is no Docker engine.
 */
@Testcontainers(disabledWithoutDocker = true)
class DumpContainerIT {
    @TempDir
    Path dir;

    static GenericContainer<?> mongod(String image) {
        GenericContainer<?> node = new GenericContainer<>(image)
                .withExposedPorts(27017)
                .waitingFor(Wait.forLogMessage("(?i).*waiting for connections.*", 1));
        node.start();
        return node;
    }

    static String uri(GenericContainer<?> node) {
        return "mongodb://" + node.getHost() + ":" + node.getMappedPort(27017) + "/?directConnection=true";
    }

    @ParameterizedTest
    @ValueSource(strings = {"mongo:7.0", "mongo:8.0"})
    void dumpsWithTimeSeriesViewsAndSystemJsRestoreExactly(String image) throws Exception {
        try (GenericContainer<?> sourceNode = mongod(image);
                GenericContainer<?> targetNode = mongod(image);
                MongoClient source = MongoClients.create(uri(sourceNode));
                MongoClient target = MongoClients.create(uri(targetNode))) {
            Map<String, String> env =
                    Map.of("MONGO_SEEDER_SOURCE_URI", uri(sourceNode), "MONGO_SEEDER_TARGET_URI", uri(targetNode));
            MongoDatabase shop = source.getDatabase("shop");
            populate(shop);

            Path layout = dir.resolve("layout");
            Result exported =
                    cli(env, "export", "--format", "mongodump", "--database", "shop", "--seed-dir", layout.toString());
            assertThat(exported.code()).as(exported.err()).isZero();
            Path archive = dir.resolve("shop.archive.gz");
            assertThat(cli(env, "export", "--database", "shop", "--archive", archive.toString(), "--gzip")
                            .code())
                    .isZero();

            Result fromLayout =
                    cli(env, "import", "--seed-dir", layout.resolve("shop").toString(), "--database", "fromlayout");
            assertThat(fromLayout.code()).as(fromLayout.err()).isZero();
            assertRestored(shop, target.getDatabase("fromlayout"));

            Result fromArchive =
                    cli(env, "import", "--archive", archive.toString(), "--gzip", "--database", "fromarchive");
            assertThat(fromArchive.code()).as(fromArchive.err()).isZero();
            assertRestored(shop, target.getDatabase("fromarchive"));

            // the archive real mongodump writes, when the image ships the database tools
            var dump = sourceNode.execInContainer(
                    "mongodump", "--db", "shop", "--archive=/tmp/real.archive.gz", "--gzip", "--quiet");
            Assumptions.assumeTrue(dump.getExitCode() == 0, "no mongodump in " + image + ": " + dump.getStderr());
            Path real = dir.resolve("real.archive.gz");
            sourceNode.copyFileFromContainer("/tmp/real.archive.gz", real.toString());
            Result fromMongodump = cli(env, "import", "--archive", real.toString(), "--database", "frommongodump");
            assertThat(fromMongodump.code()).as(fromMongodump.err()).isZero();
            assertRestored(shop, target.getDatabase("frommongodump"));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"mongo:7.0", "mongo:8.0"})
    void aBuiltDumpRestoresAndTheServerRefusesNothingChecked(String image) {
        Path db = dir.resolve("dump/built");
        write(
                db.resolve("caf%C3%A9s.bson"),
                concat(List.of(bson("{_id: 1, n: {$numberLong: '9223372036854775807'}}"))));
        write(
                db.resolve("caf%C3%A9s.metadata.json"),
                metadata(
                        "cafés",
                        "collection",
                        "{validator: {n: {$exists: true}}, collation: {locale: 'fr', strength: 2}}",
                        List.of(
                                "{v: 2, key: {_id: 1}, name: '_id_', collation: {locale: 'fr', strength: 2}}",
                                "{v: 2, key: {n: 1}, name: 'n_1', unique: true, safe: true}")));
        write(
                db.resolve("system.js.bson"),
                concat(List.of(bson("{_id: 'sum', value: {$code: 'function (a, b) { return a + b; }'}}"))));
        try (GenericContainer<?> node = mongod(image);
                MongoClient client = MongoClients.create(uri(node))) {
            Result result = cli(
                    Map.of("MONGO_SEEDER_TARGET_URI", uri(node)),
                    "import",
                    "--seed-dir",
                    dir.resolve("dump").toString());

            assertThat(result.code()).as(result.err()).isZero();
            MongoDatabase built = client.getDatabase("built");
            assertThat(built.getCollection("cafés").countDocuments()).isEqualTo(1);
            assertThat(built.getCollection("system.js").countDocuments()).isEqualTo(1);
            assertThat(StandInAssertions.indexSpecs(built, "cafés"))
                    .extracting(spec -> spec.getString("name").getValue())
                    .contains("n_1");
        }
    }

    private static void populate(MongoDatabase shop) {
        shop.createCollection(
                "flows",
                new CreateCollectionOptions()
                        .validationOptions(
                                new ValidationOptions().validator(Document.parse("{slug: {$type: 'string'}}")))
                        .collation(com.mongodb.client.model.Collation.builder()
                                .locale("de")
                                .build()));
        List<Document> flows = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            flows.add(new Document("_id", i)
                    .append("slug", "flow-" + i)
                    .append("at", new Date(-86_400_000L * i))
                    .append("loc", new Document("type", "Point").append("coordinates", List.of(i % 90, i % 45))));
        }
        shop.getCollection("flows").insertMany(flows);
        shop.getCollection("flows").createIndex(Indexes.geo2dsphere("loc"));
        shop.getCollection("flows").createIndex(Indexes.ascending("slug"), new IndexOptions().unique(true));
        shop.createCollection(
                "metrics",
                new CreateCollectionOptions()
                        .timeSeriesOptions(
                                new TimeSeriesOptions("t").metaField("m").granularity(TimeSeriesGranularity.MINUTES))
                        .expireAfter(365L * 86_400, TimeUnit.SECONDS));
        List<Document> measurements = new ArrayList<>();
        for (int i = 0; i < 3000; i++) {
            measurements.add(new Document("t", new Date(1_700_000_000_000L + 60_000L * i))
                    .append("m", new Document("host", "h" + (i % 7)))
                    .append("v", i % 2 == 0 ? (Object) i : (Object) ("text " + i)));
        }
        shop.getCollection("metrics").insertMany(measurements);
        shop.createView("recent_flows", "flows", List.of(Document.parse("{$sort: {_id: -1}}")));
        shop.getCollection("system.js")
                .insertOne(new Document("_id", "sum").append("value", new Code("function (a, b) { return a + b; }")));
    }

    private static void assertRestored(MongoDatabase from, MongoDatabase to) {
        assertThat(infos(to)).isEqualTo(infos(from));
        for (String name : List.of("flows", "metrics", "system.js")) {
            assertThat(sorted(to, name)).as(name).isEqualTo(sorted(from, name));
        }
        assertThat(to.getCollection("system.buckets.metrics").countDocuments())
                .isEqualTo(from.getCollection("system.buckets.metrics").countDocuments());
        assertThat(withoutVersion(StandInAssertions.indexSpecs(to, "flows")))
                .isEqualTo(withoutVersion(StandInAssertions.indexSpecs(from, "flows")));
        assertThat(to.getCollection("recent_flows").countDocuments()).isEqualTo(50);
    }

    /** Name, type and options of each collection and view (uuid and info differ by nature). */
    private static List<BsonDocument> infos(MongoDatabase db) {
        return db.listCollections(BsonDocument.class).into(new ArrayList<>()).stream()
                .filter(info -> !MongoCommands.isOwn(info.getString("name").getValue()))
                .map(info -> new BsonDocument("name", info.get("name"))
                        .append("type", info.get("type"))
                        .append("options", info.get("options")))
                .sorted(Comparator.comparing(info -> info.getString("name").getValue()))
                .toList();
    }

    private static List<RawBsonDocument> sorted(MongoDatabase db, String collection) {
        return db.getCollection(collection, RawBsonDocument.class)
                .find()
                .sort(new BsonDocument("t", new BsonInt32(1)).append("_id", new BsonInt32(1)))
                .into(new ArrayList<>());
    }

    private static List<BsonDocument> withoutVersion(List<BsonDocument> specs) {
        return specs.stream()
                .map(spec -> {
                    BsonDocument copy = spec.clone();
                    copy.remove("v");
                    return copy;
                })
                .toList();
    }
}
