package dev.stackinit.seeder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stackinit.errors.InvalidInputException;
import dev.stackinit.seeder.io.DumpSource;
import dev.stackinit.seeder.io.SeedDirectoryWriter;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.bson.BsonDocument;
import org.bson.RawBsonDocument;
import org.bson.codecs.BsonDocumentCodec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Seed files without a server: every BSON type (also those the stand-in cannot store) survives byte for byte. */
class SeedDirectoryTest {
    @TempDir
    Path dir;

    private final FakeSource source = new FakeSource();

    private static byte[] bytes(RawBsonDocument doc) {
        return Arrays.copyOfRange(
                doc.getBackingArray(), doc.getByteOffset(), doc.getByteOffset() + doc.getByteLength());
    }

    private static List<byte[]> read(SourceStore store, String collection) {
        List<byte[]> all = new ArrayList<>();
        try (DocumentStream stream = store.documents("db", collection, 0, false)) {
            stream.forEachRemaining(doc -> all.add(bytes(doc)));
        }
        return all;
    }

    @Test
    void everyBsonTypeRoundTripsThroughSeedFilesByteForByte() {
        List<RawBsonDocument> docs = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            docs.add(new RawBsonDocument(StandInData.everyType(i, true), new BsonDocumentCodec()));
        }
        source.add("types", "{collation: {locale: 'de'}}", List.of("{v: 2, key: {int32: 1}, name: 'int32_1'}"), 0);
        source.documents.put("types", docs);
        source.view("v", "types", "[{$project: {int32: 1}}]");

        ExportService.ExportReport first =
                new ExportService().export(source, "db", NameFilter.ALL, new SeedDirectoryWriter(dir));
        DumpSource loaded = DumpSource.openDirectory(dir);

        assertThat(first.changed()).as("files written").isEqualTo(3);
        assertThat(read(loaded, "types"))
                .zipSatisfy(
                        docs.stream().map(SeedDirectoryTest::bytes).toList(),
                        (actual, expected) -> assertThat(actual).isEqualTo(expected));
        assertThat(loaded.collections("db"))
                .extracting(CollectionSpec::name, CollectionSpec::type)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("types", "collection"),
                        org.assertj.core.groups.Tuple.tuple("v", "view"));
        assertThat(loaded.collections("db").get(0).options())
                .isEqualTo(BsonDocument.parse("{collation: {locale: 'de'}}"));
        assertThat(loaded.collections("db").get(1).viewOn()).isEqualTo("types");

        ExportService.ExportReport second =
                new ExportService().export(source, "db", NameFilter.ALL, new SeedDirectoryWriter(dir));
        assertThat(second.upToDate()).isTrue();
        assertThat(DumpSource.openDirectory(dir).contentHash()).isEqualTo(loaded.contentHash());
    }

    @Test
    void readsMongodumpBsonAndMetadata() throws Exception {
        ByteArrayOutputStream dump = new ByteArrayOutputStream();
        for (int i = 0; i < 3; i++) {
            dump.write(bytes(new RawBsonDocument(StandInData.everyType(i, true), new BsonDocumentCodec())));
        }
        Files.write(dir.resolve("flows.bson"), dump.toByteArray());
        Files.writeString(
                dir.resolve("flows.metadata.json"),
                "{\"indexes\":[{\"v\":{\"$numberInt\":\"2\"},"
                        + "\"key\":{\"_id\":{\"$numberInt\":\"1\"}},\"name\":\"_id_\"}],\"uuid\":\"ab\",\"collectionName\":\"flows\","
                        + "\"type\":\"collection\"}");
        Files.writeString(dir.resolve("prelude.json"), "{}");

        DumpSource loaded = DumpSource.openDirectory(dir);

        assertThat(loaded.collections("x")).extracting(CollectionSpec::name).containsExactly("flows");
        assertThat(loaded.estimatedCount("x", "flows")).isEqualTo(3);
        assertThat(read(loaded, "flows")).hasSize(3);
    }

    @Test
    void aTruncatedDumpIsRejectedWhenOpened() throws Exception {
        byte[] doc = bytes(RawBsonDocument.parse("{_id: 1, name: 'x'}"));
        Files.write(dir.resolve("flows.bson"), Arrays.copyOf(doc, doc.length - 3));

        assertThatThrownBy(() -> DumpSource.openDirectory(dir))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("corrupt dump file")
                .hasMessageContaining("flows.bson");
    }

    @Test
    void aBadJsonLineNamesFileAndLine() throws Exception {
        Files.writeString(dir.resolve("flows.jsonl"), "{\"_id\": 1}\n{\"_id\": \n", StandardCharsets.UTF_8);

        assertThatThrownBy(() -> DumpSource.openDirectory(dir))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("flows.jsonl:2");
    }

    @Test
    void aMissingDirectoryIsInvalidInput() {
        assertThatThrownBy(() -> DumpSource.openDirectory(dir.resolve("nope")))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("does not exist");
    }

    @Test
    void exportRemovesFilesOfCollectionsThatAreGone() throws Exception {
        Files.writeString(dir.resolve("old.jsonl"), "{}\n");
        Files.writeString(dir.resolve("README.md"), "kept");
        source.add("flows", "{}", List.of(), 2);

        ExportService.ExportReport report =
                new ExportService().export(source, "db", NameFilter.ALL, new SeedDirectoryWriter(dir));

        assertThat(report.removed()).isEqualTo(1);
        assertThat(dir.resolve("old.jsonl")).doesNotExist();
        assertThat(dir.resolve("README.md")).exists();
        assertThat(Files.readAllLines(dir.resolve("flows.jsonl")))
                .hasSize(2)
                .first()
                .asString()
                .startsWith("{\"_id\": {\"$numberInt\": \"0\"}");
    }

    @Test
    void aConfigMapMountedSeedFolderReadsLikeThePlainFolder() throws Exception {
        Path plain = Files.createDirectories(dir.resolve("plain"));
        Files.writeString(plain.resolve("things.jsonl"), "{\"_id\": 1}\n{\"_id\": 2}\n");
        Files.writeString(plain.resolve("things.metadata.json"), "{\"indexes\": []}");
        // kubelet's layout: the files live in ..<timestamp>/, ..data links to it, each file links through ..data
        Path mounted = Files.createDirectories(dir.resolve("mounted"));
        Path stamped = Files.createDirectories(mounted.resolve("..2025_01_01_00_00_00.1"));
        for (String name : List.of("things.jsonl", "things.metadata.json")) {
            Files.copy(plain.resolve(name), stamped.resolve(name));
            Files.createSymbolicLink(mounted.resolve(name), Path.of("..data", name));
        }
        Files.createSymbolicLink(mounted.resolve("..data"), stamped.getFileName());

        try (DumpSource fromPlain = DumpSource.openDirectory(plain);
                DumpSource fromMount = DumpSource.openDirectory(mounted)) {
            assertThat(fromMount.location()).isEqualTo(fromPlain.location());
            String database = fromMount.databases().isEmpty()
                    ? "db"
                    : fromMount.databases().get(0);
            assertThat(fromMount.collections(database))
                    .extracting(CollectionSpec::name)
                    .containsExactly("things");
            assertThat(fromMount.estimatedCount(database, "things")).isEqualTo(2);
            // silently: the mount's bookkeeping is not a note, a warning or something left behind
            assertThat(fromMount.notes()).isEqualTo(fromPlain.notes());
            assertThat(fromMount.unrestorable()).isEmpty();
        }
    }
}
