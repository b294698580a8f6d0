package dev.stackinit.seeder;

import static dev.stackinit.seeder.CloneIT.assertBad;
import static dev.stackinit.seeder.CloneIT.cli;
import static dev.stackinit.seeder.CloneIT.uri;
import static dev.stackinit.seeder.StandInAssertions.assertExactCopy;
import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import dev.stackinit.seeder.CloneIT.Result;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.bson.BsonBinary;
import org.bson.BsonDocument;
import org.bson.BsonString;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * export, import (ours and mongodump's format) and init on two mongo-java-server instances. Collection options and
 * views written to metadata files are checked in {@link SeedDirectoryTest}; that they are recreated on a server belongs
 * to the container tier (the stand-in drops them).
 */
class SeedIT {
    @TempDir
    Path dir;

    MongoServer sourceServer;
    MongoServer targetServer;
    MongoClient source;
    MongoClient target;
    Map<String, String> env;

    @BeforeEach
    void start() {
        sourceServer = new MongoServer(new MemoryBackend());
        targetServer = new MongoServer(new MemoryBackend());
        String sourceUri = uri(sourceServer.bind());
        String targetUri = uri(targetServer.bind());
        source = MongoClients.create(sourceUri);
        target = MongoClients.create(targetUri);
        env = Map.of("MONGO_SEEDER_SOURCE_URI", sourceUri, "MONGO_SEEDER_TARGET_URI", targetUri);
        MongoDatabase models = source.getDatabase("__models__");
        var types = models.getCollection("types", BsonDocument.class);
        for (int i = 0; i < 20; i++) {
            types.insertOne(StandInData.everyType(i, false));
        }
        var flows = models.getCollection("flows");
        List<Document> docs = new ArrayList<>();
        for (int i = 0; i < 3000; i++) {
            docs.add(new Document("_id", "flow-" + i).append("step", i).append("owner", i % 2 == 0 ? "a" : null));
        }
        flows.insertMany(docs);
        flows.createIndex(Indexes.ascending("step"), new IndexOptions().unique(true));
        flows.createIndex(Indexes.compoundIndex(Indexes.ascending("owner"), Indexes.descending("step")));
        models.getCollection("blobs", BsonDocument.class)
                .insertOne(new BsonDocument("_id", new BsonString("big"))
                        .append("data", new BsonBinary(new byte[15_000_000])));
    }

    @AfterEach
    void stop() {
        source.close();
        target.close();
        sourceServer.shutdownNow();
        targetServer.shutdownNow();
    }

    @Test
    void exportImportRoundTripIsByteEqualAndASecondImportIsUpToDate() throws Exception {
        Path first = dir.resolve("first");
        Path second = dir.resolve("second");
        assertThat(cli(env, "export", "--seed-dir", first.toString()).code()).isZero();

        Result imported = cli(env, "import", "--seed-dir", first.toString(), "--database", "copy");
        assertThat(imported.code()).as(imported.err()).isZero();
        assertExactCopy(source.getDatabase("__models__"), target.getDatabase("copy"));

        Map<String, String> fromTarget = Map.of("MONGO_SEEDER_SOURCE_URI", env.get("MONGO_SEEDER_TARGET_URI"));
        assertThat(cli(fromTarget, "export", "--database", "copy", "--seed-dir", second.toString())
                        .code())
                .isZero();
        assertSameFiles(first, second);

        // --wait-timeout 0s is one attempt, not a failure before the first connection
        Result again = cli(env, "import", "--seed-dir", first.toString(), "--database", "copy", "--wait-timeout", "0s");
        assertThat(again.code()).as(again.err()).isZero();
        assertThat(again.out()).contains("up to date");
        Result exportAgain = cli(env, "export", "--seed-dir", first.toString());
        assertThat(exportAgain.out()).contains("up to date, 0 files changed");
    }

    @Test
    void importsMongodumpOutput() throws Exception {
        Path dump = Files.createDirectories(dir.resolve("dump/__models__"));
        for (String name : List.of("types", "flows")) {
            ByteArrayOutputStream bson = new ByteArrayOutputStream();
            for (byte[] doc : StandInAssertions.rawDocuments(source.getDatabase("__models__"), name)) {
                bson.write(doc);
            }
            Files.write(dump.resolve(name + ".bson"), bson.toByteArray());
            BsonDocument metadata = new BsonDocument(
                    "indexes",
                    new org.bson.BsonArray(StandInAssertions.indexSpecs(source.getDatabase("__models__"), name)));
            Files.writeString(dump.resolve(name + ".metadata.json"), metadata.toJson());
        }

        Result result =
                cli(env, "import", "--seed-dir", dump.toString(), "--database", "restored", "--mode", "replace");

        assertThat(result.code()).as(result.err()).isZero();
        for (String name : List.of("types", "flows")) {
            assertThat(StandInAssertions.rawDocuments(target.getDatabase("restored"), name))
                    .zipSatisfy(
                            StandInAssertions.rawDocuments(source.getDatabase("__models__"), name),
                            (a, b) -> assertThat(a).isEqualTo(b));
            assertThat(StandInAssertions.indexSpecs(target.getDatabase("restored"), name))
                    .isEqualTo(StandInAssertions.indexSpecs(source.getDatabase("__models__"), name));
        }
    }

    @Test
    void initImportsFromEnvOnlyAndASecondRunReportsNothingToDo() {
        assertThat(cli(env, "export", "--seed-dir", dir.toString()).code()).isZero();
        Map<String, String> initEnv = Map.of(
                "MONGO_SEEDER_TARGET_URI", env.get("MONGO_SEEDER_TARGET_URI"),
                "MONGO_SEEDER_SEED_DIR", dir.toString(),
                "MONGO_SEEDER_RS_INIT", "false"); // the stand-in has no replica set: see the container tier

        Result first = cli(initEnv, "init");
        Result second = cli(initEnv, "init");

        assertThat(first.code()).as(first.err()).isZero();
        assertThat(first.out()).contains("imported 3 collections");
        assertThat(second.out()).contains("up to date");
        assertExactCopy(source.getDatabase("__models__"), target.getDatabase("__models__"));
    }

    @Test
    void initNamesTheFailedStep() {
        // mongo-java-server answers replSetGetStatus with 76 NoReplicationEnabled, like a mongod without --replSet
        Result result = cli(Map.of("MONGO_SEEDER_TARGET_URI", env.get("MONGO_SEEDER_TARGET_URI")), "init");

        assertBad(result, 3, "rs-init step failed: ");
        assertThat(result.err()).contains("not running with --replSet");
    }

    @Test
    void badSeedInputsLeaveTheTargetAsItWas() throws Exception {
        target.getDatabase("copy").getCollection("flows").insertOne(new Document("_id", "keep-me"));
        Path corrupt = Files.createDirectories(dir.resolve("corrupt"));
        Files.write(corrupt.resolve("flows.bson"), new byte[] {40, 0, 0, 0, 2, 'a'});
        Path tooBig = Files.createDirectories(dir.resolve("big"));
        Files.writeString(
                tooBig.resolve("flows.jsonl"),
                new BsonDocument("_id", new BsonString("x"))
                                .append("data", new BsonBinary(new byte[17 * 1024 * 1024]))
                                .toJson()
                        + "\n");

        assertBad(cli(env, "import", "--seed-dir", corrupt.toString(), "--database", "copy"), 3, "corrupt dump file");
        assertBad(
                cli(env, "import", "--seed-dir", tooBig.toString(), "--database", "copy"),
                3,
                "over the target's limit");
        assertBad(
                cli(env, "import", "--seed-dir", dir.resolve("missing").toString(), "--database", "copy"),
                3,
                "does not exist");
        assertBad(cli(env, "export", "--database", "nope", "--seed-dir", dir.toString()), 3, "'nope' does not exist");

        assertThat(target.getDatabase("copy").getCollection("flows").find().into(new ArrayList<>()))
                .containsExactly(new Document("_id", "keep-me"));
    }

    private static void assertSameFiles(Path a, Path b) throws Exception {
        try (Stream<Path> files = Files.list(a)) {
            List<Path> names = files.map(Path::getFileName).sorted().toList();
            try (Stream<Path> other = Files.list(b)) {
                assertThat(other.map(Path::getFileName).sorted().toList()).isEqualTo(names);
            }
            for (Path name : names) {
                assertThat(Files.mismatch(a.resolve(name), b.resolve(name)))
                        .as("bytes of %s", name)
                        .isEqualTo(-1);
            }
        }
    }
}
