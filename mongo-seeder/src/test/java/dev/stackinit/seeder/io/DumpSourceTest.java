package dev.stackinit.seeder.io;

import static dev.stackinit.seeder.DumpBuilder.bson;
import static dev.stackinit.seeder.DumpBuilder.concat;
import static dev.stackinit.seeder.DumpBuilder.metadata;
import static dev.stackinit.seeder.DumpBuilder.write;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.stackinit.seeder.CollectionSpec;
import dev.stackinit.seeder.DocumentStream;
import dev.stackinit.seeder.DumpBuilder;
import dev.stackinit.seeder.StandInData;
import dev.stackinit.seeder.Unrestored;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.bson.BsonDocument;
import org.bson.RawBsonDocument;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** mongodump's layouts read back exactly: names, options, indexes, time-series buckets, legacy dumps, archives. */
class DumpSourceTest {
    @TempDir
    Path dir;

    static List<byte[]> documents(String prefix, int count) {
        List<byte[]> documents = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            documents.add(bson("{_id: '" + prefix + i + "', n: " + i + "}"));
        }
        return documents;
    }

    static List<byte[]> read(DumpSource source, String database, String collection) {
        List<byte[]> all = new ArrayList<>();
        try (DocumentStream stream = source.documents(database, collection, 0, false)) {
            stream.forEachRemaining(doc -> all.add(bytes(doc)));
        }
        return all;
    }

    static byte[] bytes(RawBsonDocument doc) {
        return Arrays.copyOfRange(
                doc.getBackingArray(), doc.getByteOffset(), doc.getByteOffset() + doc.getByteLength());
    }

    static void assertSameBytes(List<byte[]> actual, List<byte[]> expected) {
        assertThat(actual).hasSameSizeAs(expected);
        for (int i = 0; i < expected.size(); i++) {
            assertThat(actual.get(i)).as("document %d", i).isEqualTo(expected.get(i));
        }
    }

    @Test
    void tenEscapedFileNamesAreUnescapedLikeGoQueryUnescape() {
        Path db = dir.resolve("dump/shop");
        DumpBuilder.ESCAPED.forEach((stem, name) -> write(db.resolve(stem + ".bson"), concat(documents(stem, 2))));

        DumpSource source = DumpSource.openDirectory(db);

        assertThat(source.collections("x"))
                .extracting(CollectionSpec::name)
                .containsExactlyInAnyOrderElementsOf(DumpBuilder.ESCAPED.values());
        DumpBuilder.ESCAPED.forEach((stem, name) -> assertSameBytes(read(source, "x", name), documents(stem, 2)));
    }

    @Test
    void metadataCollectionNameIsUsedVerbatimEvenWithPercentAndPlus() {
        Path db = dir.resolve("db");
        // mongorestore would unescape collectionName again and turn these into "100 " and "a b"
        write(db.resolve("100%25%2B.metadata.json"), metadata("100%+", "collection", "{}", List.of()));
        write(db.resolve("100%25%2B.bson"), concat(documents("p", 1)));
        write(db.resolve("a%2Bb.metadata.json"), metadata("a+b", "collection", "{}", List.of()));

        assertThat(DumpSource.openDirectory(db).collections("x"))
                .extracting(CollectionSpec::name)
                .containsExactly("100%+", "a+b");
    }

    @Test
    void aShortenedLongNameTakesItsNameFromTheMetadata() {
        String name = "é".repeat(40) + "-long";
        String stem = DumpNames.escape(name).substring(0, 208) + "%24" + "S".repeat(27);
        Path db = dir.resolve("db");
        write(db.resolve(stem + ".bson"), concat(documents("l", 3)));
        write(
                db.resolve(stem + ".metadata.json"),
                metadata(name, "collection", "{}", List.of("{v: 2, key: {n: 1}, name: 'n_1'}")));
        write(db.resolve("other.bson"), concat(documents("o", 1)));
        Path orphan = dir.resolve("orphan");
        write(orphan.resolve(stem + ".bson"), concat(documents("l", 1)));
        write(orphan.resolve("kept.bson"), concat(documents("k", 1)));

        DumpSource source = DumpSource.openDirectory(db);
        DumpSource withoutMetadata = DumpSource.openDirectory(orphan);

        assertThat(source.collections("x")).extracting(CollectionSpec::name).contains(name, "other");
        assertSameBytes(read(source, "x", name), documents("l", 3));
        assertThat(withoutMetadata.unrestorable())
                .singleElement()
                .satisfies(item -> assertThat(item.reason()).contains("shortened name and no metadata file"));
    }

    @Test
    void gzipDirectoryDumpsAreReadLikePlainOnes() {
        Path db = dir.resolve("db");
        write(db.resolve("flows.bson.gz"), concat(documents("f", 5)));
        write(
                db.resolve("flows.metadata.json.gz"),
                metadata(
                        "flows",
                        "collection",
                        "{collation: {locale: 'fr'}}",
                        List.of(
                                "{v: 2, key: {_id: 1}, name: '_id_'}",
                                "{v: 2, key: {n: 1}, name: 'n_1', unique: true}")));
        write(db.resolve("prelude.json.gz"), DumpBuilder.prelude("7.0.14"));

        DumpSource source = DumpSource.openDirectory(db);

        CollectionSpec flows = source.collections("x").get(0);
        assertThat(flows.options()).isEqualTo(BsonDocument.parse("{collation: {locale: 'fr'}}"));
        assertThat(flows.indexes()).hasSize(2);
        assertThat(flows.uuid()).isEqualTo("0a1b2c3d4e5f60718293a4b5c6d7e8f9");
        assertThat(source.serverVersion()).isEqualTo("7.0.14");
        assertSameBytes(read(source, "x", "flows"), documents("f", 5));
    }

    @Test
    void aDumpRootHoldsSeveralDatabasesAnOplogAndTheServersOwn() {
        Path root = dir.resolve("dump");
        write(root.resolve("shop/items.bson"), concat(documents("i", 2)));
        write(root.resolve("shop/items.metadata.json"), metadata("items", "collection", "{}", List.of()));
        write(root.resolve("blog/posts.bson"), concat(documents("p", 3)));
        write(root.resolve("admin/system.version.bson"), concat(List.of(bson("{_id: 'featureCompatibilityVersion'}"))));
        write(root.resolve("oplog.bson"), concat(documents("op", 4)));
        write(root.resolve("prelude.json"), DumpBuilder.prelude("8.0.3"));

        DumpSource source = DumpSource.openDirectory(root);

        assertThat(source.databases()).containsExactly("admin", "blog", "shop");
        assertThat(source.collections("blog")).extracting(CollectionSpec::name).containsExactly("posts");
        assertSameBytes(read(source, "shop", "items"), documents("i", 2));
        assertThat(source.unrestorable())
                .extracting(Unrestored::kind, Unrestored::name)
                .contains(tuple("oplog", "oplog"), tuple("collection", "system.version"));
        assertThat(source.serverVersion()).isEqualTo("8.0.3");
    }

    @Test
    void timeSeriesBucketsArePairedWithTheirMetadataBeforeAndFrom83() {
        String options = "{timeseries: {timeField: 't', metaField: 'm', granularity: 'seconds'}}";
        Path before = dir.resolve("before");
        write(before.resolve("metrics.metadata.json"), metadata("metrics", "timeseries", options, List.of()));
        write(before.resolve("system.buckets.metrics.bson"), concat(documents("b", 2)));
        write(before.resolve("prelude.json"), DumpBuilder.prelude("7.0.14"));
        Path after = dir.resolve("after");
        write(after.resolve("metrics.metadata.json"), metadata("metrics", "timeseries", options, List.of()));
        write(after.resolve("metrics.bson"), concat(documents("b", 3)));
        write(after.resolve("prelude.json"), DumpBuilder.prelude("8.3.0"));

        DumpSource pre83 = DumpSource.openDirectory(before);
        DumpSource from83 = DumpSource.openDirectory(after);

        assertThat(pre83.collections("x")).singleElement().satisfies(spec -> {
            assertThat(spec.isTimeseries()).isTrue();
            assertThat(spec.options()).isEqualTo(BsonDocument.parse(options));
        });
        assertThat(pre83.timeseriesAsBuckets("x", "metrics")).isTrue();
        assertSameBytes(read(pre83, "x", "metrics"), documents("b", 2));
        assertSameBytes(read(from83, "x", "metrics"), documents("b", 3));
        assertThat(pre83.unrestorable()).isEmpty();
    }

    @Test
    void bucketsWithoutTheirMetadataAreNamedNotDropped() {
        write(dir.resolve("db/system.buckets.metrics.bson"), concat(documents("b", 2)));
        write(dir.resolve("db/plain.bson"), concat(documents("p", 1)));

        assertThat(DumpSource.openDirectory(dir.resolve("db")).unrestorable())
                .singleElement()
                .satisfies(item -> {
                    assertThat(item.name()).isEqualTo("system.buckets.metrics");
                    assertThat(item.reason()).contains("time-series buckets without the collection's metadata");
                });
    }

    @Test
    void aPre30DumpTakesItsIndexesFromSystemIndexesMatchedByNamespace() {
        Path db = dir.resolve("dump/legacy");
        write(db.resolve("users.bson"), concat(documents("u", 2)));
        write(
                db.resolve("system.js.bson"),
                concat(List.of(bson("{_id: 'sum', value: {$code: 'function (a, b) { return a + b; }'}}"))));
        write(
                db.resolve("system.indexes.bson"),
                concat(List.of(
                        bson("{v: 1, key: {_id: 1}, name: '_id_', ns: 'legacy.users'}"),
                        bson("{v: 1, key: {email: 1}, name: 'email_1', ns: 'legacy.users', unique: true, safe: true}"),
                        bson("{v: 1, key: {loc: '2d'}, name: 'loc_2d', ns: 'legacy.users.with.dots'}"),
                        bson("{v: 1, key: {x: 1}, name: 'x_1', ns: 'legacy.gone'}"),
                        bson("{v: 1, key: {user: 1}, name: 'user_1', ns: 'legacy.system.users'}"))));
        write(db.resolve("system.profile.bson"), concat(List.of(bson("{op: 'query'}"))));
        write(db.resolve("system.users.bson"), concat(List.of(bson("{_id: 'legacy.bob', user: 'bob'}"))));
        write(db.resolve("users.with.dots.bson"), concat(documents("d", 1)));

        DumpSource source = DumpSource.openDirectory(db);

        assertThat(source.collections("legacy"))
                .extracting(CollectionSpec::name)
                .containsExactly("system.js", "users", "users.with.dots");
        CollectionSpec users = source.collections("legacy").get(1);
        assertThat(users.indexes())
                .extracting(spec -> spec.getString("name").getValue())
                .containsExactly("_id_", "email_1");
        assertThat(source.collections("legacy").get(2).indexes()).hasSize(1);
        assertThat(source.unrestorable())
                .extracting(Unrestored::kind, Unrestored::name)
                .containsExactlyInAnyOrder(
                        tuple("index", "gone.x_1"),
                        tuple("collection", "system.profile"),
                        tuple("collection", "system.users"));
    }

    @Test
    void viewsAndUsersFilesAreRecognised() {
        Path db = dir.resolve("db");
        write(
                db.resolve("active.metadata.json"),
                metadata("active", "view", "{viewOn: 'flows', pipeline: [{$match: {active: true}}]}", List.of()));
        write(db.resolve("flows.bson"), concat(documents("f", 1)));
        write(db.resolve("$admin.system.users.bson"), concat(List.of(bson("{_id: 'db.bob'}"))));
        write(db.resolve("notes.txt"), "not a dump file");

        DumpSource source = DumpSource.openDirectory(db);

        assertThat(source.collections("x"))
                .extracting(CollectionSpec::name, CollectionSpec::type)
                .containsExactly(tuple("active", "view"), tuple("flows", "collection"));
        assertThat(source.collections("x").get(0).viewOn()).isEqualTo("flows");
        assertThat(source.unrestorable()).extracting(Unrestored::kind).containsExactly("users");
        assertThat(source.notes()).singleElement().asString().contains("notes.txt");
    }

    @Test
    void ourSeedFolderIsReadWithEveryBsonTypeByteForByte() {
        List<byte[]> typed = new ArrayList<>();
        StringBuilder lines = new StringBuilder();
        for (int i = 0; i < 3; i++) {
            BsonDocument doc = StandInData.everyType(i, true);
            typed.add(bson(doc));
            lines.append(doc.toJson(SeedFiles.LINE)).append('\n');
        }
        write(dir.resolve("types.jsonl"), lines.toString());

        assertSameBytes(read(DumpSource.openDirectory(dir), "x", "types"), typed);
    }

    /** An archive as mongodump writes it with -j: segments of several collections interleaved. */
    static byte[] interleavedArchive(String serverVersion) {
        List<byte[]> items = documents("i", 6);
        List<byte[]> buckets = documents("b", 2);
        String bucketsNs = serverVersion.startsWith("8.3") ? "metrics" : "system.buckets.metrics";
        return DumpBuilder.archive(serverVersion)
                .collection(
                        "shop",
                        "items",
                        "collection",
                        metadata("items", "collection", "{}", List.of("{v: 2, key: {n: 1}, name: 'n_1'}")))
                .collection(
                        "shop",
                        "active",
                        "view",
                        metadata("active", "view", "{viewOn: 'items', pipeline: [{$match: {n: {$gt: 2}}}]}", List.of()))
                .collection(
                        "shop",
                        "metrics",
                        "timeseries",
                        metadata("metrics", "timeseries", "{timeseries: {timeField: 't', metaField: 'm'}}", List.of()))
                .collection("shop", "empty", "collection", metadata("empty", "collection", "{}", List.of()))
                .collection("blog", "posts", "collection", metadata("posts", "collection", "{}", List.of()))
                .collection("admin", "system.version", "collection", "")
                .collection("", "oplog", "", "")
                .start()
                .segment("shop", "items", items.get(0), items.get(1))
                .segment("shop", bucketsNs, buckets.get(0))
                .segment("blog", "posts", documents("p", 1).get(0))
                .segment("shop", "items", items.get(2), items.get(3))
                .segment("shop", "active")
                .eof("shop", "active")
                .segment("shop", "empty")
                .segment("shop", bucketsNs, buckets.get(1))
                .eof("shop", "empty")
                .segment("shop", "items", items.get(4), items.get(5))
                .eof("shop", bucketsNs)
                .eof("shop", "items")
                .eof("blog", "posts")
                .segment("admin", "system.version", bson("{_id: 'featureCompatibilityVersion', version: '7.0'}"))
                .eof("admin", "system.version")
                .segment("", "oplog")
                .eof("", "oplog")
                .bytes();
    }

    @Test
    void interleavedArchivesAreReadPerCollectionPlainAndGzipped() {
        for (boolean gzip : List.of(false, true)) {
            byte[] bytes = interleavedArchive("7.0.14");
            Path file = write(dir.resolve(gzip ? "dump.archive.gz" : "dump.archive"), bytes);

            DumpSource source = DumpSource.openArchive(file, gzip);

            assertThat(source.databases()).containsExactly("admin", "blog", "shop");
            assertThat(source.collections("shop"))
                    .extracting(CollectionSpec::name, CollectionSpec::type)
                    .containsExactly(
                            tuple("items", "collection"),
                            tuple("active", "view"),
                            tuple("metrics", "timeseries"),
                            tuple("empty", "collection"));
            assertSameBytes(read(source, "shop", "items"), documents("i", 6));
            assertSameBytes(read(source, "shop", "metrics"), documents("b", 2));
            assertThat(read(source, "shop", "empty")).isEmpty();
            assertThat(source.timeseriesAsBuckets("shop", "metrics")).isTrue();
            assertThat(source.unrestorable()).extracting(Unrestored::name).containsExactly("system.version");
            assertThat(source.serverVersion()).isEqualTo("7.0.14");
            source.close();
        }
    }

    @Test
    void from83TheArchiveKeepsBucketsUnderTheCollectionsOwnName() {
        Path file = write(dir.resolve("new.archive"), interleavedArchive("8.3.0"));

        try (DumpSource source = DumpSource.openArchive(file, false)) {
            assertSameBytes(read(source, "shop", "metrics"), documents("b", 2));
        }
    }

    @Test
    void aNonEmptyOplogAndUsersInAnArchiveAreNamed() {
        byte[] bytes = DumpBuilder.archive("7.0.14")
                .collection("shop", "items", "collection", metadata("items", "collection", "{}", List.of()))
                .collection("shop", "$admin.system.users", "", "")
                .collection("", "oplog", "", "")
                .start()
                .segment("shop", "items", documents("i", 1).get(0))
                .eof("shop", "items")
                .segment("shop", "$admin.system.users", bson("{_id: 'shop.bob'}"))
                .eof("shop", "$admin.system.users")
                .segment("", "oplog", bson("{ts: {$timestamp: {t: 1, i: 1}}, op: 'n'}"))
                .eof("", "oplog")
                .bytes();

        try (DumpSource source = DumpSource.openArchive(write(dir.resolve("a.archive"), bytes), false)) {
            assertThat(source.unrestorable())
                    .extracting(Unrestored::kind, Unrestored::name)
                    .containsExactly(tuple("users", "$admin.system.users"), tuple("oplog", "oplog"));
        }
    }

    @Test
    void gzipIsInsistedOnOnlyWhenAsked() {
        Path plain = write(dir.resolve("plain.archive"), interleavedArchive("7.0.14"));

        assertThat(org.assertj.core.api.Assertions.catchThrowable(() -> DumpSource.openArchive(plain, true)))
                .hasMessageContaining("is not gzip-compressed");
        assertThat(org.assertj.core.api.Assertions.catchThrowable(
                        () -> DumpSource.openArchive(dir.resolve("missing.archive"), false)))
                .hasMessageContaining("does not exist");
    }

    @Test
    void aMetadataFieldMongodumpDoesNotWriteIsRefusedNotDropped() {
        Path db = dir.resolve("dump/shop");
        write(db.resolve("items.bson"), concat(documents("i", 1)));
        write(
                db.resolve("items.metadata.json"),
                "{\"options\": {}, \"indexes\": [], \"collectionName\": \"items\", \"type\": \"collection\","
                        + " \"shardKey\": {\"n\": 1}}");
        byte[] archive = DumpBuilder.archive("7.0.14")
                .collection(
                        "shop", "items", "collection", "{\"indexes\": [], \"collectionName\": \"items\", \"extra\": 1}")
                .start()
                .eof("shop", "items")
                .bytes();

        assertThat(org.assertj.core.api.Assertions.catchThrowable(() -> DumpSource.openDirectory(db)))
                .isInstanceOf(dev.stackinit.errors.InvalidInputException.class)
                .hasMessageContaining("items.metadata.json")
                .hasMessageContaining("unknown field 'shardKey'");
        assertThat(org.assertj.core.api.Assertions.catchThrowable(
                        () -> DumpSource.openArchive(write(dir.resolve("a.archive"), archive), false)))
                .isInstanceOf(dev.stackinit.errors.InvalidInputException.class)
                .hasMessageContaining("unknown field 'extra'");
    }

    @Test
    void aFolderInsideADatabaseFolderIsNamedAsNotRestored() {
        // --seed-dir one level above a dump root: the dated folder reads as a database holding the real databases
        Path above = dir.resolve("backups");
        write(above.resolve("2026-12-01/shop/items.bson"), concat(documents("i", 1)));

        DumpSource source = DumpSource.openDirectory(above);

        assertThat(source.databases()).containsExactly("2026-12-01");
        assertThat(source.collections("2026-12-01")).isEmpty();
        assertThat(source.unrestorable())
                .extracting(Unrestored::database, Unrestored::name, Unrestored::kind)
                .containsExactly(tuple("2026-12-01", "shop/", "file"));
        assertThat(source.unrestorable().get(0).reason()).contains("one level too high");
    }
}
