package dev.stackinit.seeder;

import static dev.stackinit.seeder.CloneIT.cli;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.dockerjava.api.model.Bind;
import com.github.dockerjava.api.model.Volume;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.CreateCollectionOptions;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.TimeSeriesOptions;
import com.mongodb.client.model.ValidationOptions;
import dev.stackinit.seeder.CloneIT.Result;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.bson.BsonDocument;
import org.bson.Document;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.wait.strategy.Wait;
import org.testcontainers.junit.jupiter.Testcontainers;

/**
 * The container tier: what mongo-java-server cannot show, on real mongod 7.0 and 8.0 started with --replSet. Replica
 * set initiation from scratch, an idempotent rerun, a node whose member host no longer maps to it (same data, new
 * hostname) repaired by --force-reconfig; a clone of validators, capped, collation, time-series, views, TTL and
 * partial indexes. Authentication with a keyFile: {@link RsInitAuthContainerIT}. Skipped where there is no Docker
 * engine.
 */
@Testcontainers(disabledWithoutDocker = true)
class MongoSeederContainerIT {

    static GenericContainer<?> replicaSetNode(String image, String hostname, String volume) {
        GenericContainer<?> node = new GenericContainer<>(image)
                .withCommand("--replSet", "rs0", "--bind_ip_all")
                .withExposedPorts(27017)
                .withCreateContainerCmdModifier(cmd -> {
                    cmd.withHostName(hostname);
                    if (volume != null) {
                        cmd.getHostConfig().withBinds(new Bind(volume, new Volume("/data/db")));
                    }
                })
                .waitingFor(Wait.forLogMessage("(?i).*waiting for connections.*", 1));
        node.start();
        return node;
    }

    static String uri(GenericContainer<?> node) {
        return "mongodb://" + node.getHost() + ":" + node.getMappedPort(27017) + "/?directConnection=true";
    }

    @ParameterizedTest
    @ValueSource(strings = {"mongo:7.0", "mongo:8.0"})
    void rsInitFromScratchIsIdempotentAndRepairsANewHostname(String image) {
        String volume = "mongo-seeder-it-" + UUID.randomUUID();
        try (GenericContainer<?> first = replicaSetNode(image, "mongo-a", volume)) {
            Map<String, String> env = Map.of("MONGO_SEEDER_TARGET_URI", uri(first));
            Result initiated = cli(env, "rs-init", "--member-host", "mongo-a:27017", "--json");
            assertThat(initiated.code()).as(initiated.err()).isZero();
            assertThat(initiated.out()).contains("\"action\" : \"initiated\"");
            try (MongoClient client = MongoClients.create(uri(first))) {
                assertThat(client.getDatabase("admin")
                                .runCommand(new Document("hello", 1))
                                .getBoolean("isWritablePrimary"))
                        .isTrue();
            }
            Result rerun = cli(env, "rs-init", "--member-host", "mongo-a:27017");
            assertThat(rerun.out()).contains("up to date, nothing to do");
            Result otherName = cli(env, "rs-init", "--member-host", "mongo-a:27017", "--set-name", "other");
            assertThat(otherName.code()).isEqualTo(3);
            assertThat(otherName.err()).contains("'rs0'").contains("'other'");
            first.stop();
        }
        // the same data under a new hostname, as when compose recreates the container without a fixed hostname
        try (GenericContainer<?> second = replicaSetNode(image, "mongo-b", volume)) {
            Map<String, String> env = Map.of("MONGO_SEEDER_TARGET_URI", uri(second));
            Result refused = cli(env, "rs-init", "--member-host", "mongo-b:27017", "--wait-timeout", "30s");
            assertThat(refused.code()).as(refused.err()).isEqualTo(3);
            assertThat(refused.err()).contains("--force-reconfig");

            Result repaired = cli(env, "rs-init", "--member-host", "mongo-b:27017", "--force-reconfig");
            assertThat(repaired.code()).as(repaired.err()).isZero();
            assertThat(repaired.out()).contains("member host repaired");
            assertThat(cli(env, "rs-init", "--member-host", "mongo-b:27017").out())
                    .contains("up to date");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"mongo:7.0", "mongo:8.0"})
    void cloneKeepsOptionsViewsAndIndexSemantics(String image) {
        try (GenericContainer<?> sourceNode = replicaSetNode(image, "source", null);
                GenericContainer<?> targetNode = replicaSetNode(image, "target", null)) {
            Map<String, String> env =
                    Map.of("MONGO_SEEDER_SOURCE_URI", uri(sourceNode), "MONGO_SEEDER_TARGET_URI", uri(targetNode));
            assertThat(cli(
                                    Map.of("MONGO_SEEDER_TARGET_URI", uri(sourceNode)),
                                    "rs-init",
                                    "--member-host",
                                    "source:27017")
                            .code())
                    .isZero();
            assertThat(cli(env, "rs-init", "--member-host", "target:27017").code())
                    .isZero();
            try (MongoClient source = MongoClients.create(uri(sourceNode));
                    MongoClient target = MongoClients.create(uri(targetNode))) {
                populateRealFeatures(source.getDatabase("__models__"));

                Result cloned = cli(env, "clone", "--mode", "if-complete");
                assertThat(cloned.code()).as(cloned.err()).isZero();
                assertThat(cli(env, "clone", "--mode", "if-complete").out()).contains("up to date");

                MongoDatabase from = source.getDatabase("__models__");
                MongoDatabase to = target.getDatabase("__models__");
                assertThat(collectionInfos(to)).isEqualTo(collectionInfos(from));
                for (String name : List.of("flows", "events")) {
                    assertThat(StandInAssertions.rawDocuments(to, name))
                            .zipSatisfy(
                                    StandInAssertions.rawDocuments(from, name),
                                    (a, b) -> assertThat(a).isEqualTo(b));
                    assertThat(withoutVersion(StandInAssertions.indexSpecs(to, name)))
                            .isEqualTo(withoutVersion(StandInAssertions.indexSpecs(from, name)));
                }
                // partial unique index: two documents without the field are fine on a real server
                to.getCollection("flows").insertMany(List.of(new Document("_id", "p1"), new Document("_id", "p2")));
                assertThat(to.getCollection("active_flows").countDocuments()).isEqualTo(5);
            }
        }
    }

    private static void populateRealFeatures(MongoDatabase db) {
        db.createCollection(
                "flows",
                new CreateCollectionOptions()
                        .validationOptions(new ValidationOptions()
                                .validator(Document.parse("{$jsonSchema: {bsonType: 'object', required: ['_id']}}")))
                        .collation(com.mongodb.client.model.Collation.builder()
                                .locale("fr")
                                .collationStrength(com.mongodb.client.model.CollationStrength.SECONDARY)
                                .build()));
        List<Document> flows = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            flows.add(new Document("_id", i)
                    .append("active", i % 2 == 0)
                    .append("slug", "flow-" + i)
                    .append("price", new org.bson.types.Decimal128(new java.math.BigDecimal("1.10")))
                    .append("at", new java.util.Date()));
        }
        db.getCollection("flows").insertMany(flows);
        db.getCollection("flows")
                .createIndex(
                        Indexes.ascending("slug"),
                        new IndexOptions()
                                .unique(true)
                                .partialFilterExpression(new Document("slug", new Document("$exists", true))));
        db.getCollection("flows")
                .createIndex(Indexes.ascending("at"), new IndexOptions().expireAfter(86_400L, TimeUnit.SECONDS));
        db.createCollection(
                "events",
                new CreateCollectionOptions().capped(true).sizeInBytes(1 << 20).maxDocuments(100));
        db.getCollection("events").insertOne(new Document("kind", "created"));
        db.createCollection(
                "metrics", new CreateCollectionOptions().timeSeriesOptions(new TimeSeriesOptions("t").metaField("m")));
        db.getCollection("metrics")
                .insertOne(new Document("t", new java.util.Date())
                        .append("m", "cpu")
                        .append("v", 1));
        db.createView("active_flows", "flows", List.of(Document.parse("{$match: {active: true}}")));
        db.createView("active_slugs", "active_flows", List.of(Document.parse("{$project: {slug: 1}}")));
    }

    private static List<BsonDocument> collectionInfos(MongoDatabase db) {
        return db.listCollections(BsonDocument.class).into(new ArrayList<>()).stream()
                .filter(info -> !MongoCommands.isOwn(info.getString("name").getValue())
                        && !info.getString("name").getValue().startsWith("system."))
                .map(info -> new BsonDocument("name", info.get("name"))
                        .append("type", info.get("type"))
                        .append("options", info.get("options")))
                .sorted(Comparator.comparing(info -> info.getString("name").getValue()))
                .toList();
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
