package dev.stackinit.seeder;

import static dev.stackinit.seeder.CloneIT.cli;
import static dev.stackinit.seeder.CloneIT.uri;
import static dev.stackinit.seeder.DumpBuilder.bson;
import static dev.stackinit.seeder.DumpBuilder.concat;
import static dev.stackinit.seeder.DumpBuilder.metadata;
import static dev.stackinit.seeder.DumpBuilder.write;
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
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.bson.BsonBinary;
import org.bson.BsonDocument;
import org.bson.BsonString;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * mongodump's formats through the command line on two mongo-java-server instances: export in mongodump's layout and as
 * an archive (plain and gzip) and import back, byte-equal and index-spec-equal; dumps the tests build themselves
 * (escaped names, a shortened name, a dump root, a pre-3.0 dump); and every corrupt variant leaving the whole server
 * as it was. What the stand-in cannot show (time-series, views, options, system.js) is refused here without a write,
 * and restored for real in {@code DumpContainerIT}.
 */
class DumpIT {
    /** Names the stand-in accepts (it refuses $ and namespaces over 128 bytes). */
    static final List<String> AWKWARD = List.of(
            "a b",
            "a+b",
            "cafés",
            "a/b",
            "100%",
            "emoji😀",
            "q?&=#",
            "Foo",
            "foo",
            "back\\slash",
            "\"quoted\"",
            "x/../y");

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
        MongoDatabase shop = source.getDatabase("shop");
        var types = shop.getCollection("types", BsonDocument.class);
        for (int i = 0; i < 10; i++) {
            types.insertOne(StandInData.everyType(i, false));
        }
        var flows = shop.getCollection("flows");
        List<Document> docs = new ArrayList<>();
        for (int i = 0; i < 2000; i++) {
            docs.add(new Document("_id", "flow-" + i).append("step", i).append("text", "x".repeat(500)));
        }
        flows.insertMany(docs);
        flows.createIndex(Indexes.ascending("step"), new IndexOptions().unique(true));
        flows.createIndex(Indexes.compoundIndex(Indexes.ascending("text"), Indexes.descending("step")));
        shop.getCollection("blobs", BsonDocument.class)
                .insertOne(new BsonDocument("_id", new BsonString("big"))
                        .append("data", new BsonBinary(new byte[15_000_000])));
        for (String name : AWKWARD) {
            shop.getCollection(name).insertOne(new Document("_id", name).append("name", name));
        }
    }

    @AfterEach
    void stop() {
        source.close();
        target.close();
        sourceServer.shutdownNow();
        targetServer.shutdownNow();
    }

    @Test
    void mongodumpLayoutRoundTripsExactlyPlainAndGzip() {
        for (boolean gzip : List.of(false, true)) {
            Path out = dir.resolve(gzip ? "gz" : "plain");
            List<String> args = new ArrayList<>(
                    List.of("export", "--format", "mongodump", "--database", "shop", "--seed-dir", out.toString()));
            if (gzip) {
                args.add("--gzip");
            }
            Result exported = cli(env, args.toArray(String[]::new));
            assertThat(exported.code()).as(exported.err()).isZero();
            assertThat(out.resolve("shop/%46oo" + (gzip ? ".bson.gz" : ".bson")))
                    .isRegularFile();

            String database = gzip ? "copygz" : "copy";
            Result imported =
                    cli(env, "import", "--seed-dir", out.resolve("shop").toString(), "--database", database);
            assertThat(imported.code()).as(imported.err()).isZero();
            assertExactCopy(source.getDatabase("shop"), target.getDatabase(database));

            Result fromRoot = cli(env, "import", "--seed-dir", out.toString(), "--database", "shop", "--json");
            assertThat(fromRoot.code()).as(fromRoot.err()).isZero();
            assertThat(fromRoot.out()).contains("\"complete\" : true");
            assertExactCopy(source.getDatabase("shop"), target.getDatabase("shop"));
        }
    }

    @Test
    void archivesRoundTripExactlyPlainAndGzipAndAnIndependentReaderAgrees() throws Exception {
        for (boolean gzip : List.of(false, true)) {
            Path file = dir.resolve(gzip ? "shop.archive.gz" : "shop.archive");
            List<String> args = new ArrayList<>(List.of("export", "--database", "shop", "--archive", file.toString()));
            if (gzip) {
                args.add("--gzip");
            }
            assertThat(cli(env, args.toArray(String[]::new)).code()).isZero();
            IndependentArchiveReader archive = IndependentArchiveReader.read(Files.readAllBytes(file));
            assertThat(archive.documents.get("shop.flows")).hasSize(2000);

            String database = gzip ? "fromgz" : "fromplain";
            List<String> load =
                    new ArrayList<>(List.of("import", "--archive", file.toString(), "--database", database));
            if (gzip) {
                load.add("--gzip");
            }
            Result imported = cli(env, load.toArray(String[]::new));
            assertThat(imported.code()).as(imported.err()).isZero();
            assertThat(imported.err()).contains("importing it as " + database);
            assertExactCopy(source.getDatabase("shop"), target.getDatabase(database));
            assertThat(cli(env, load.toArray(String[]::new)).out()).contains("up to date");
        }
    }

    @Test
    void aBuiltDumpRootWithEscapedShortenedAndLegacyFilesIsRestored() {
        Path root = dir.resolve("dump");
        DumpBuilder.ESCAPED.forEach((stem, name) -> write(
                root.resolve("shop/" + stem + ".bson"),
                concat(List.of(bson(new BsonDocument("_id", new BsonString(name)))))));
        String longName = "é".repeat(40) + "-long"; // shortened file name, a namespace the stand-in accepts
        String stem = dev.stackinit.seeder.io.DumpNames.stem(longName);
        write(root.resolve("shop/" + stem + ".bson"), concat(List.of(bson("{_id: 1}"))));
        write(root.resolve("shop/" + stem + ".metadata.json"), metadata(longName, "collection", "{}", List.of()));
        write(
                root.resolve("legacy/users.bson"),
                concat(List.of(bson("{_id: 1, email: 'a'}"), bson("{_id: 2, email: 'b'}"))));
        write(
                root.resolve("legacy/system.indexes.bson"),
                concat(List.of(
                        bson("{v: 1, key: {_id: 1}, name: '_id_', ns: 'legacy.users'}"),
                        bson("{v: 1, key: {email: 1}, name: 'email_1', ns: 'legacy.users', unique: true}"))));
        write(root.resolve("prelude.json"), DumpBuilder.prelude("3.0.15"));

        Result result = cli(env, "import", "--seed-dir", root.toString());

        assertThat(result.code()).as(result.err()).isZero();
        List<String> names = target.getDatabase("shop").listCollectionNames().into(new ArrayList<>());
        assertThat(names).containsAll(DumpBuilder.ESCAPED.values()).contains(longName);
        assertThat(StandInAssertions.indexSpecs(target.getDatabase("legacy"), "users"))
                .extracting(spec -> spec.getString("name").getValue())
                .containsExactly("_id_", "email_1");
    }

    @Test
    void everyCorruptVariantLeavesTheWholeServerAsItWas() {
        assertThat(cli(
                                env,
                                "export",
                                "--format",
                                "mongodump",
                                "--database",
                                "shop",
                                "--seed-dir",
                                dir.resolve("good").toString())
                        .code())
                .isZero();
        assertThat(cli(env, "import", "--seed-dir", dir.resolve("good/shop").toString(), "--database", "copy")
                        .code())
                .isZero();
        Map<String, Object> before = snapshot(target);

        for (CorruptDumps variant : CorruptDumps.all(dir.resolve("corrupt"))) {
            Result result = variant.archive()
                    ? cli(
                            env,
                            "import",
                            "--archive",
                            variant.path().toString(),
                            "--database",
                            "copy",
                            "--mode",
                            "replace")
                    : cli(
                            env,
                            "import",
                            "--seed-dir",
                            variant.path().toString(),
                            "--database",
                            "copy",
                            "--mode",
                            "replace");

            assertThat(result.code()).as(variant.name() + ": " + result.err()).isEqualTo(3);
            assertThat(result.err()).as(variant.name()).contains(variant.expected());
            assertThat(snapshot(target)).as(variant.name()).isEqualTo(before);
        }
    }

    @Test
    void timeSeriesAndSystemJsTheStandInCannotHoldAreRefusedWithoutAWrite() {
        target.getDatabase("copy").getCollection("kept").insertOne(new Document("_id", 1));
        Map<String, Object> before = snapshot(target);
        Path ts = dir.resolve("ts");
        write(
                ts.resolve("metrics.metadata.json"),
                metadata("metrics", "timeseries", "{timeseries: {timeField: 't', metaField: 'm'}}", List.of()));
        write(
                ts.resolve("system.buckets.metrics.bson"),
                concat(List.of(bson("{_id: {$oid: '650000000000000000000001'}, control: {version: 1}}"))));
        write(ts.resolve("plain.bson"), concat(List.of(bson("{_id: 1}"))));
        Path js = dir.resolve("js");
        write(js.resolve("system.js.bson"), concat(List.of(bson("{_id: 'f', value: {$code: 'function () {}'}}"))));

        Result timeseries = cli(env, "import", "--seed-dir", ts.toString(), "--database", "copy");
        Result fresh = cli(env, "import", "--seed-dir", ts.toString(), "--database", "fresh");
        Result systemJs = cli(env, "import", "--seed-dir", js.toString(), "--database", "copy");

        assertThat(timeseries.code()).isEqualTo(3);
        assertThat(timeseries.err()).contains("time-series collection copy.metrics cannot be restored");
        assertThat(fresh.code()).isEqualTo(3);
        assertThat(systemJs.code()).isEqualTo(3);
        assertThat(systemJs.err()).contains("copy.system.js cannot be restored");
        assertThat(snapshot(target)).isEqualTo(before);
    }

    @Test
    void whatCannotBeRestoredIsNamedCountedAndFailsUnlessExcluded() {
        Path root = dir.resolve("dump");
        write(root.resolve("shop/items.bson"), concat(List.of(bson("{_id: 1}"))));
        write(root.resolve("shop/$admin.system.users.bson"), concat(List.of(bson("{_id: 'shop.bob'}"))));
        write(root.resolve("oplog.bson"), concat(List.of(bson("{op: 'n'}"))));

        Result incomplete = cli(env, "import", "--seed-dir", root.toString(), "--json");
        Result accepted =
                cli(env, "import", "--seed-dir", root.toString(), "--exclude", "oplog,$admin.*", "--mode", "replace");

        assertThat(incomplete.code()).isEqualTo(3);
        assertThat(incomplete.out())
                .contains("\"notRestoredCount\" : 2", "\"exit\" : 3", "oplog", "$admin.system.users");
        assertThat(incomplete.err()).contains("2 items of the source not restored");
        assertThat(target.getDatabase("shop").getCollection("items").countDocuments())
                .isEqualTo(1);
        assertThat(accepted.code()).as(accepted.err()).isZero();
        assertThat(accepted.out()).contains("skipped: oplog oplog (excluded");
    }

    /** Every database, collection, document (as bytes) and index spec of a server. */
    static Map<String, Object> snapshot(MongoClient client) {
        Map<String, Object> all = new TreeMap<>();
        for (String database : client.listDatabaseNames()) {
            MongoDatabase db = client.getDatabase(database);
            for (String collection : db.listCollectionNames()) {
                String key = database + "." + collection;
                all.put(
                        key + " docs",
                        StandInAssertions.rawDocuments(db, collection).stream()
                                .map(java.util.HexFormat.of()::formatHex)
                                .toList());
                all.put(key + " indexes", StandInAssertions.indexSpecs(db, collection));
            }
            all.putIfAbsent(database, "database");
        }
        return all;
    }
}
