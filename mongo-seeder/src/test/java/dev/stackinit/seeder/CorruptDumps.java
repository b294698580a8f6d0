package dev.stackinit.seeder;

import static dev.stackinit.seeder.DumpBuilder.bson;
import static dev.stackinit.seeder.DumpBuilder.concat;
import static dev.stackinit.seeder.DumpBuilder.metadata;
import static dev.stackinit.seeder.DumpBuilder.write;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;
import org.bson.BsonDocument;

/**
 * Damaged dumps, one defect each, every one next to a good collection that an importer without a first pass would
 * write before meeting the damage. Each names the file and the byte (or line) the error must point at.
 *
 * @param name what is wrong
 * @param archive true when {@code path} is an archive file, false for a directory
 * @param expected parts the error message must contain (file name, offset, reason)
 */
public record CorruptDumps(String name, Path path, boolean archive, List<String> expected) {

    @Override
    public String toString() {
        return name;
    }

    private static byte[] good() {
        List<byte[]> docs = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            docs.add(bson("{_id: " + i + ", name: 'good " + i + "'}"));
        }
        return concat(docs);
    }

    /** A database folder with a good collection and {@code flows.bson} holding the given documents. */
    private static CorruptDumps folder(Path base, String name, byte[] flows, String... expected) {
        Path db = base.resolve(name);
        write(db.resolve("good.bson"), good());
        write(db.resolve("good.metadata.json"), metadata("good", "collection", "{}", List.of()));
        write(db.resolve("flows.bson"), flows);
        return new CorruptDumps(name, db, false, List.of(expected));
    }

    private static byte[] withByte(byte[] bytes, int at, int value) {
        byte[] copy = bytes.clone();
        copy[at] = (byte) value;
        return copy;
    }

    private static int indexOf(byte[] bytes, String ascii) {
        byte[] needle = ascii.getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i + needle.length <= bytes.length; i++) {
            if (Arrays.equals(bytes, i, i + needle.length, needle, 0, needle.length)) {
                return i;
            }
        }
        throw new AssertionError(ascii);
    }

    /** Every variant, written under {@code base}. */
    public static List<CorruptDumps> all(Path base) {
        byte[] first = bson("{_id: 'a', title: 'first'}");
        byte[] second = bson("{_id: 'b', title: 'second one'}");
        byte[] two = concat(List.of(first, second));
        int secondAt = first.length;
        List<CorruptDumps> variants = new ArrayList<>();
        variants.add(folder(
                base,
                "truncated",
                Arrays.copyOf(two, two.length - 5),
                "flows.bson",
                "at byte " + secondAt,
                "truncated document"));
        int typeAt = secondAt + indexOf(second, "title") - 1;
        variants.add(folder(
                base,
                "bad-type-byte",
                withByte(two, typeAt, 0x42),
                "flows.bson",
                "at byte " + typeAt,
                "unknown element type byte 0x42"));
        byte[] flag = bson("{_id: 'c', abc: true}");
        int nulAt = indexOf(flag, "abc") + 3;
        variants.add(folder(
                base,
                "cstring-without-nul",
                withByte(flag, nulAt, 'd'),
                "flows.bson",
                "at byte " + indexOf(flag, "abc"),
                "field name has no terminating 0 byte"));
        int textAt = secondAt + indexOf(second, "second one");
        variants.add(folder(
                base,
                "invalid-utf8-string",
                withByte(two, textAt, 0xff),
                "flows.bson",
                "at byte " + textAt,
                "invalid UTF-8 in a string"));
        int keyAt = secondAt + indexOf(second, "title");
        variants.add(folder(
                base,
                "invalid-utf8-field-name",
                withByte(two, keyAt, 0xc3),
                "flows.bson",
                "at byte " + keyAt,
                "invalid UTF-8 in a field name"));
        byte[] int7 = bson("{_id: {$numberInt: '7'}}");
        variants.add(folder(
                base,
                "duplicate-id-int-long",
                concat(List.of(int7, bson("{_id: 1}"), bson("{_id: {$numberLong: '7'}}"))),
                "duplicate _id",
                "flows.bson at byte " + (int7.length + bson("{_id: 1}").length)));
        variants.add(folder(
                base,
                "bad-length-prefix",
                concat(List.of(first, withByte(second, 0, 2))),
                "flows.bson",
                "at byte " + secondAt,
                "bad document length"));

        Path jsonl = base.resolve("duplicate-id-jsonl");
        write(jsonl.resolve("good.jsonl"), "{\"_id\": 1}\n");
        write(jsonl.resolve("flows.jsonl"), "{\"_id\": {\"$numberInt\": \"7\"}}\n{\"_id\": 8}\n{\"_id\": 7.0}\n");
        variants.add(new CorruptDumps("duplicate-id-jsonl", jsonl, false, List.of("duplicate _id", "flows.jsonl:3")));

        Path utf8 = base.resolve("invalid-utf8-jsonl");
        write(utf8.resolve("good.jsonl"), "{\"_id\": 1}\n");
        byte[] line = "{\"_id\": 1, \"name\": \"caf\u00e9\"}\n{\"_id\": 2, \"name\": \"bad \u00e9\"}\n"
                .getBytes(StandardCharsets.UTF_8);
        int badAt = indexOf(line, "bad ") + 4;
        write(utf8.resolve("flows.jsonl"), withByte(line, badAt, 0xe9));
        variants.add(new CorruptDumps(
                "invalid-utf8-jsonl", utf8, false, List.of("flows.jsonl", "line 2", "byte offset " + badAt)));

        Path meta = base.resolve("invalid-utf8-metadata");
        write(meta.resolve("good.jsonl"), "{\"_id\": 1}\n");
        byte[] metadata = metadata("flows", "collection", "{}", List.of()).getBytes(StandardCharsets.UTF_8);
        int nameAt = indexOf(metadata, "\"flows\"") + 1;
        write(meta.resolve("flows.metadata.json"), withByte(metadata, nameAt, 0xfe));
        variants.add(new CorruptDumps(
                "invalid-utf8-metadata",
                meta,
                false,
                List.of("flows.metadata.json", "invalid UTF-8", "byte offset " + nameAt)));

        Path extra = base.resolve("unknown-metadata-field");
        write(extra.resolve("good.jsonl"), "{\"_id\": 1}\n");
        write(extra.resolve("flows.jsonl"), "{\"_id\": 1}\n");
        write(
                extra.resolve("flows.metadata.json"),
                "{\"indexes\":[],\"collectionName\":\"flows\",\"type\":\"collection\",\"shardKey\":{\"n\":1}}");
        variants.add(new CorruptDumps(
                "unknown-metadata-field", extra, false, List.of("flows.metadata.json", "unknown field 'shardKey'")));

        Path lines = base.resolve("bad-json-line");
        write(lines.resolve("good.jsonl"), "{\"_id\": 1}\n");
        write(lines.resolve("flows.jsonl"), "{\"_id\": 1}\n{\"_id\": \n");
        variants.add(new CorruptDumps("bad-json-line", lines, false, List.of("flows.jsonl:2", "Extended JSON")));

        Path gzip = base.resolve("bad-gzip");
        write(gzip.resolve("good.bson"), good());
        byte[] compressed = DumpBuilder.gzip(two);
        compressed[compressed.length - 6] ^= 0x55; // the gzip trailer's CRC-32
        write(gzip.resolve("flows.bson.gz.tmp"), compressed);
        try {
            java.nio.file.Files.move(gzip.resolve("flows.bson.gz.tmp"), gzip.resolve("flows.bson.gz"));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        variants.add(new CorruptDumps("bad-gzip", gzip, false, List.of("flows.bson.gz")));

        variants.addAll(archives(base, first, second));
        return variants;
    }

    /** A good archive with one defect each: CRC, framing, header fields, namespaces, magic, truncation. */
    private static List<CorruptDumps> archives(Path base, byte[] first, byte[] second) {
        String meta = metadata("flows", "collection", "{}", List.of());
        String goodMeta = metadata("good", "collection", "{}", List.of());
        Function<DumpBuilder.Archive, DumpBuilder.Archive> start =
                archive -> archive.collection("shop", "good", "collection", goodMeta)
                        .collection("shop", "flows", "collection", meta)
                        .start()
                        .segment("shop", "good", bson("{_id: 1}"), bson("{_id: 2}"));
        List<CorruptDumps> variants = new ArrayList<>();
        variants.add(archive(
                base,
                "archive-crc-mismatch",
                start.apply(DumpBuilder.archive("7.0.14"))
                        .segment("shop", "flows", first, second)
                        .eof("shop", "good")
                        .eof("shop", "flows", 12345L)
                        .bytes(),
                "CRC mismatch for namespace shop.flows"));
        variants.add(archive(
                base,
                "archive-unknown-header-field",
                DumpBuilder.archive("7.0.14")
                        .header(BsonDocument.parse(
                                "{concurrent_collections: 4, version: '0.1', server_version: '7.0.14',"
                                        + " tool_version: '100.10.0', compression: 'zstd'}"))
                        .collection("shop", "flows", "collection", meta)
                        .start()
                        .segment("shop", "flows", first)
                        .eof("shop", "flows")
                        .bytes(),
                "unknown field 'compression'",
                "at byte 4"));
        variants.add(archive(
                base,
                "archive-missing-eof",
                start.apply(DumpBuilder.archive("7.0.14"))
                        .segment("shop", "flows", first)
                        .eof("shop", "good")
                        .bytes(),
                "before namespace shop.flows is complete"));
        byte[] whole = start.apply(DumpBuilder.archive("7.0.14"))
                .segment("shop", "flows", first, second)
                .eof("shop", "good")
                .eof("shop", "flows")
                .bytes();
        variants.add(archive(base, "archive-truncated", Arrays.copyOf(whole, whole.length - 60), "corrupt archive"));
        variants.add(archive(
                base,
                "archive-unknown-namespace",
                start.apply(DumpBuilder.archive("7.0.14"))
                        .segment("shop", "ghost", first)
                        .bytes(),
                "namespace shop.ghost, which the prelude does not list"));
        byte[] badMagic = whole.clone();
        badMagic[0] = 0;
        variants.add(archive(base, "archive-bad-magic", badMagic, "not a mongodump archive", "at byte 0"));
        variants.add(archive(
                base,
                "archive-invalid-utf8-in-segment",
                start.apply(DumpBuilder.archive("7.0.14"))
                        .segment("shop", "flows", first, withByte(second, indexOf(second, "second"), 0xff))
                        .eof("shop", "good")
                        .eof("shop", "flows")
                        .bytes(),
                "invalid UTF-8 in a string"));
        variants.add(archive(
                base,
                "archive-duplicate-id-across-segments",
                start.apply(DumpBuilder.archive("7.0.14"))
                        .segment("shop", "flows", first)
                        .segment("shop", "good", bson("{_id: 3}"))
                        .segment("shop", "flows", bson("{_id: 'a', again: true}"))
                        .eof("shop", "good")
                        .eof("shop", "flows")
                        .bytes(),
                "duplicate _id {\"_id\": \"a\"}"));
        variants.add(archive(
                base,
                "archive-unknown-namespace-header-field",
                start.apply(DumpBuilder.archive("7.0.14"))
                        .raw(bson("{db: 'shop', collection: 'flows', EOF: false, CRC: {$numberLong: '0'}, extra: 1}"))
                        .bytes(),
                "unknown field 'extra'"));
        variants.add(archive(
                base,
                "archive-documents-after-eof",
                start.apply(DumpBuilder.archive("7.0.14"))
                        .eof("shop", "good")
                        .raw(bson("{db: 'shop', collection: 'flows', EOF: true, CRC: {$numberLong: '0'}}"))
                        .raw(first)
                        .bytes(),
                "documents after the EOF block of shop.flows"));
        return variants;
    }

    private static CorruptDumps archive(Path base, String name, byte[] bytes, String... expected) {
        Path file = write(base.resolve(name + ".archive"), bytes);
        List<String> parts = new ArrayList<>(List.of(expected));
        parts.add(name + ".archive");
        return new CorruptDumps(name, file, true, parts);
    }
}
