package dev.stackinit.seeder.io;

import static dev.stackinit.seeder.DumpBuilder.bson;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import dev.stackinit.errors.InvalidInputException;
import dev.stackinit.seeder.CollectionSpec;
import dev.stackinit.seeder.DumpBuilder;
import dev.stackinit.seeder.ExportService;
import dev.stackinit.seeder.ExportService.ExportReport;
import dev.stackinit.seeder.FakeSource;
import dev.stackinit.seeder.IndependentArchiveReader;
import dev.stackinit.seeder.NameFilter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.bson.BsonDocument;
import org.bson.BsonString;
import org.bson.RawBsonDocument;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** export --format mongodump and --archive: mongodump's files, checked name by name and byte by byte. */
class ExportFormatsTest {
    @TempDir
    Path dir;

    private final FakeSource source = new FakeSource();

    static List<RawBsonDocument> docs(String prefix, int count, int padding) {
        List<RawBsonDocument> docs = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            docs.add(new RawBsonDocument(bson(new BsonDocument("_id", new BsonString(prefix + String.format("%05d", i)))
                    .append("pad", new BsonString("p".repeat(padding))))));
        }
        return docs;
    }

    static List<byte[]> bytes(List<RawBsonDocument> docs) {
        return docs.stream().map(DumpSourceTest::bytes).toList();
    }

    private ExportReport export(dev.stackinit.seeder.SeedSink sink) {
        return new ExportService().export(source, "shop", NameFilter.ALL, sink);
    }

    /** Awkward names, a case collision, a long name, a time-series collection and a view. */
    private void awkward() {
        DumpBuilder.ESCAPED.values().forEach(name -> source.collection(name, "collection", "{}", docs(name, 2, 10)));
        source.collection("Foo", "collection", "{}", docs("F", 1, 1));
        source.collection("foo", "collection", "{}", docs("f", 1, 1));
        source.collection("é".repeat(40) + "-long", "collection", "{}", docs("l", 1, 1));
        source.collection("metrics", "timeseries", "{timeseries: {timeField: 't'}}", docs("measurement", 3, 1));
        source.buckets.put("metrics", docs("bucket", 2, 1));
        source.view("recent", "metrics", "[{$limit: 5}]");
    }

    @Test
    void theDirectoryLayoutEscapesEveryNameAsMongodumpAndStaysInsideTheSeedDir() throws Exception {
        awkward();

        ExportReport report = export(new MongodumpDirectoryWriter(dir, false, "mongo-seeder test"));

        Path db = dir.resolve("shop");
        for (var entry : DumpBuilder.ESCAPED.entrySet()) {
            assertThat(db.resolve(entry.getKey() + ".bson"))
                    .as(entry.getValue())
                    .isRegularFile();
            assertThat(db.resolve(entry.getKey() + ".metadata.json")).isRegularFile();
        }
        assertThat(db.resolve("foo.bson")).isRegularFile();
        assertThat(db.resolve("%46oo.bson"))
                .as("Foo next to foo on a case-insensitive disk")
                .isRegularFile();
        // mongodump's rule, spelled out here rather than taken from DumpNames: over 238 characters escaped, the first
        // 208 (cut even inside an escape) + "%24" + the unpadded URL-safe base64 of the name's SHA-1
        String longName = "é".repeat(40) + "-long";
        String longStem = "%C3%A9".repeat(40).substring(0, 208) + "%24"
                + java.util.Base64.getUrlEncoder()
                        .withoutPadding()
                        .encodeToString(java.security.MessageDigest.getInstance("SHA-1")
                                .digest(longName.getBytes(StandardCharsets.UTF_8)));
        assertThat(longStem).hasSize(238);
        assertThat(db.resolve(longStem + ".bson")).isRegularFile();
        assertThat(BsonDocument.parse(Files.readString(db.resolve(longStem + ".metadata.json")))
                        .getString("collectionName")
                        .getValue())
                .isEqualTo(longName);
        assertThat(db.resolve("system.buckets.metrics.bson")).isRegularFile();
        assertThat(db.resolve("metrics.bson")).doesNotExist();
        assertThat(db.resolve("recent.metadata.json")).isRegularFile();
        assertThat(db.resolve("recent.bson")).doesNotExist();
        assertThat(Files.readString(db.resolve("prelude.json")))
                .isEqualTo("{\"ServerVersion\":\"7.0.14\",\"ToolVersion\":\"mongo-seeder test\"}");
        try (Stream<Path> all = Files.walk(dir)) {
            assertThat(all.filter(Files::isRegularFile))
                    .allSatisfy(file -> assertThat(file.getParent()).isEqualTo(db));
        }
        BsonDocument metadata = BsonDocument.parse(Files.readString(db.resolve("a%2Fb.metadata.json")));
        assertThat(metadata.keySet()).containsExactly("indexes", "uuid", "collectionName", "type");
        assertThat(metadata.getString("collectionName").getValue()).isEqualTo("a/b");
        assertThat(report.collections()).isEqualTo(14);
        assertThat(report.views()).isEqualTo(1);
    }

    @Test
    void theDirectoryLayoutReadsBackExactlyAndASecondExportChangesNothing() {
        awkward();
        export(new MongodumpDirectoryWriter(dir, false, "t"));

        DumpSource back = DumpSource.openDirectory(dir.resolve("shop"));

        for (String name : source.documents.keySet()) {
            List<RawBsonDocument> expected =
                    name.equals("metrics") ? source.buckets.get(name) : source.documents.get(name);
            DumpSourceTest.assertSameBytes(DumpSourceTest.read(back, "x", name), bytes(expected));
        }
        assertThat(back.collections("x"))
                .filteredOn(CollectionSpec::isView)
                .extracting(CollectionSpec::viewOn)
                .containsExactly("metrics");
        assertThat(back.timeseriesAsBuckets("x", "metrics")).isTrue();
        assertThat(export(new MongodumpDirectoryWriter(dir, false, "t")).upToDate())
                .isTrue();
    }

    @Test
    void gzipAddsGzToEveryFile() throws Exception {
        awkward();
        export(new MongodumpDirectoryWriter(dir, true, "t"));

        try (Stream<Path> files = Files.list(dir.resolve("shop"))) {
            assertThat(files)
                    .allSatisfy(
                            file -> assertThat(file.getFileName().toString()).endsWith(".gz"));
        }
        DumpSourceTest.assertSameBytes(
                DumpSourceTest.read(DumpSource.openDirectory(dir.resolve("shop")), "x", "a b"),
                bytes(source.documents.get("a b")));
    }

    @Test
    void from83TimeSeriesBucketsAreWrittenUnderTheCollectionsName() {
        source.version = "8.3.1";
        source.collection("metrics", "timeseries", "{timeseries: {timeField: 't'}}", docs("m", 1, 1));
        source.buckets.put("metrics", docs("bucket", 2, 1));

        export(new MongodumpDirectoryWriter(dir, false, "t"));

        assertThat(dir.resolve("shop/metrics.bson")).isRegularFile();
        DumpSourceTest.assertSameBytes(
                DumpSourceTest.read(DumpSource.openDirectory(dir.resolve("shop")), "x", "metrics"),
                bytes(source.buckets.get("metrics")));
    }

    @Test
    void theArchiveIsReadByAnIndependentReaderInterleavedWithCrcs() throws Exception {
        for (boolean gzip : List.of(false, true)) {
            FakeSource fresh = new FakeSource();
            fresh.collection("big", "collection", "{}", docs("b", 300, 10_000));
            fresh.collection("bigger", "collection", "{}", docs("c", 400, 10_000));
            fresh.collection("empty", "collection", "{}", List.of());
            fresh.collection("metrics", "timeseries", "{timeseries: {timeField: 't'}}", docs("m", 1, 1));
            fresh.buckets.put("metrics", docs("bucket", 2, 1));
            fresh.view("recent", "big", "[{$limit: 5}]");
            Path file = dir.resolve(gzip ? "shop.archive.gz" : "shop.archive");

            ExportReport report = new ExportService()
                    .export(fresh, "shop", NameFilter.ALL, new ArchiveWriter(file, gzip, "mongo-seeder test"));
            IndependentArchiveReader archive = IndependentArchiveReader.read(Files.readAllBytes(file));

            assertThat(report.changed()).isEqualTo(1);
            assertThat(archive.header.toJson())
                    .isEqualTo(BsonDocument.parse("{concurrent_collections: 4,"
                                    + " version: '0.1', server_version: '7.0.14', tool_version: 'mongo-seeder test'}")
                            .toJson());
            assertThat(archive.prelude)
                    .extracting(
                            p -> p.getString("collection").getValue(),
                            p -> p.getString("type").getValue())
                    .containsExactly(
                            tuple("big", "collection"),
                            tuple("bigger", "collection"),
                            tuple("empty", "collection"),
                            tuple("metrics", "timeseries"),
                            tuple("recent", "view"));
            assertThat(BsonDocument.parse(
                                    archive.prelude.get(0).getString("metadata").getValue())
                            .getString("collectionName")
                            .getValue())
                    .isEqualTo("big");
            int firstBig = archive.blocks.indexOf("shop.big");
            int lastBig = archive.blocks.lastIndexOf("shop.big");
            assertThat(archive.blocks.subList(firstBig, lastBig))
                    .as("segments interleave: %s", archive.blocks)
                    .contains("shop.bigger");
            assertThat(archive.blocks.stream().filter("shop.big"::equals)).hasSizeGreaterThan(2);
            assertThat(archive.blocks)
                    .contains(
                            "shop.recent",
                            "shop.recent EOF",
                            "shop.empty",
                            "shop.empty EOF",
                            "shop.system.buckets.metrics EOF");
            assertThat(archive.documents.get("shop.recent")).isEmpty();
            DumpSourceTest.assertSameBytes(archive.documents.get("shop.bigger"), bytes(fresh.documents.get("bigger")));
            DumpSourceTest.assertSameBytes(
                    archive.documents.get("shop.system.buckets.metrics"), bytes(fresh.buckets.get("metrics")));

            try (DumpSource back = DumpSource.openArchive(file, gzip)) {
                DumpSourceTest.assertSameBytes(
                        DumpSourceTest.read(back, "shop", "big"), bytes(fresh.documents.get("big")));
            }
            assertThat(new ExportService()
                            .export(fresh, "shop", NameFilter.ALL, new ArchiveWriter(file, gzip, "mongo-seeder test"))
                            .upToDate())
                    .isTrue();
        }
    }

    @Test
    void aFailedExportLeavesThePreviousOneAsItWasInEveryFormat() throws Exception {
        source.collection("a", "collection", "{}", docs("a", 3, 1));
        source.collection("b", "collection", "{}", docs("b", 3, 1));
        Path seeds = dir.resolve("seeds");
        Path archive = dir.resolve("a.archive");
        export(new SeedDirectoryWriter(seeds));
        export(new MongodumpDirectoryWriter(dir.resolve("dump"), false, "t"));
        export(new ArchiveWriter(archive, false, "t"));
        Map<Path, byte[]> before = snapshot(dir);

        source.documents.get("a").add(new RawBsonDocument(bson("{_id: 'new'}")));
        source.failingCollection = "b";
        for (dev.stackinit.seeder.SeedSink sink : List.of(
                new SeedDirectoryWriter(seeds),
                new MongodumpDirectoryWriter(dir.resolve("dump"), false, "t"),
                new ArchiveWriter(archive, false, "t"))) {
            assertThatThrownBy(() -> export(sink)).hasMessageContaining("source went away");
        }

        Map<Path, byte[]> after = snapshot(dir);
        assertThat(after.keySet()).isEqualTo(before.keySet());
        before.forEach(
                (file, bytes) -> assertThat(after.get(file)).as(file.toString()).isEqualTo(bytes));
    }

    @Test
    void anExportCutBetweenItsTwoRenamesIsUndoneByTheNextOne() throws Exception {
        source.collection("a", "collection", "{}", docs("a", 2, 1));
        Path seeds = dir.resolve("seeds");
        export(new SeedDirectoryWriter(seeds));
        byte[] old = Files.readAllBytes(seeds.resolve("a.jsonl"));
        Files.move(seeds, dir.resolve(".seeds.export-old")); // killed after the first rename
        Files.createDirectories(dir.resolve(".seeds.export-new"));
        source.failingCollection = "a";
        source.documents.get("a").add(new RawBsonDocument(bson("{_id: 'z'}")));

        assertThatThrownBy(() -> export(new SeedDirectoryWriter(seeds))).hasMessageContaining("source went away");

        assertThat(Files.readAllBytes(seeds.resolve("a.jsonl"))).isEqualTo(old);
        assertThat(dir.resolve(".seeds.export-old")).doesNotExist();
        assertThat(dir.resolve(".seeds.export-new")).doesNotExist();
    }

    @Test
    void foreignFilesAreCarriedOverAndUnchangedFilesStayTheSameFile() throws Exception {
        source.collection("a", "collection", "{}", docs("a", 2, 1));
        source.collection("b", "collection", "{}", docs("b", 2, 1));
        Path seeds = dir.resolve("seeds");
        export(new SeedDirectoryWriter(seeds));
        Files.writeString(seeds.resolve("README.md"), "kept");
        Files.writeString(seeds.resolve(".gitkeep"), "");
        Object unchanged =
                Files.readAttributes(seeds.resolve("b.jsonl"), "unix:ino").get("ino");
        source.documents.get("a").add(new RawBsonDocument(bson("{_id: 'new'}")));

        ExportReport report = export(new SeedDirectoryWriter(seeds));

        assertThat(report.changed()).isEqualTo(1);
        assertThat(Files.readString(seeds.resolve("README.md"))).isEqualTo("kept");
        assertThat(seeds.resolve(".gitkeep")).exists();
        assertThat(Files.readAttributes(seeds.resolve("b.jsonl"), "unix:ino").get("ino"))
                .isEqualTo(unchanged);
        assertThat(Files.readString(seeds.resolve("a.jsonl"))).contains("new");
    }

    @Test
    void aSymlinkedSeedDirIsReplacedWhereItPointsAndTheLinkStays() throws Exception {
        source.collection("a", "collection", "{}", docs("a", 1, 1));
        Path real = Files.createDirectories(dir.resolve("real"));
        Path link = Files.createSymbolicLink(dir.resolve("link"), real);

        export(new SeedDirectoryWriter(link));

        assertThat(Files.isSymbolicLink(link)).isTrue();
        assertThat(real.resolve("a.jsonl")).isRegularFile();
    }

    @Test
    void jsonLinesRefuseADocumentWithInvalidUtf8InsteadOfReplacingIt() {
        byte[] bad = bson("{_id: 1, s: 'abc'}");
        bad[bad.length - 5] = (byte) 0xff;
        source.collection("a", "collection", "{}", List.of(new RawBsonDocument(bad)));

        assertThatThrownBy(() -> export(new SeedDirectoryWriter(dir.resolve("seeds"))))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("invalid UTF-8")
                .hasMessageContaining("--format mongodump keeps its bytes");
        assertThat(dir.resolve("seeds")).doesNotExist();
    }

    static Map<Path, byte[]> snapshot(Path root) throws Exception {
        Map<Path, byte[]> files = new java.util.TreeMap<>();
        try (Stream<Path> all = Files.walk(root)) {
            for (Path file : all.filter(Files::isRegularFile).toList()) {
                files.put(root.relativize(file), Files.readAllBytes(file));
            }
        }
        return files;
    }

    static String text(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
