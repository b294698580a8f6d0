package dev.stackinit.seeder;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPOutputStream;
import org.bson.BsonArray;
import org.bson.BsonDocument;
import org.bson.BsonString;
import org.bson.RawBsonDocument;
import org.bson.codecs.BsonDocumentCodec;
import org.bson.json.JsonMode;
import org.bson.json.JsonWriterSettings;

/**
 * Builds dumps in mongodump's exact formats for tests, written independently of the production writers: file names
 * are given literally by each test (so the escaping rule is checked, not reused), metadata is compact canonical
 * Extended JSON as Go's marshaller writes it, archives are framed byte by byte with a bit-by-bit CRC-64/ECMA (Go's
 * hash/crc64) rather than the production table.
 */
public final class DumpBuilder {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonWriterSettings CANONICAL =
            JsonWriterSettings.builder().outputMode(JsonMode.EXTENDED).build();

    /** Escaped file name → the collection name it holds (mongodump's url.QueryEscape, written out by hand). */
    public static final Map<String, String> ESCAPED = Map.of(
            "a+b", "a b",
            "a%2Bb", "a+b",
            "caf%C3%A9s", "cafés",
            "a%2Fb", "a/b",
            "x%2F..%2Fy", "x/../y",
            "100%25", "100%",
            "emoji%F0%9F%98%80", "emoji😀",
            "q%3F%26%3D", "q?&=",
            "%22quoted%22", "\"quoted\"",
            "back%5Cslash", "back\\slash");

    private DumpBuilder() {}

    /** A document's bytes. */
    public static byte[] bson(String json) {
        return bson(BsonDocument.parse(json));
    }

    public static byte[] bson(BsonDocument document) {
        RawBsonDocument raw = new RawBsonDocument(document, new BsonDocumentCodec());
        return java.util.Arrays.copyOfRange(
                raw.getBackingArray(), raw.getByteOffset(), raw.getByteOffset() + raw.getByteLength());
    }

    public static byte[] concat(List<byte[]> documents) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        documents.forEach(out::writeBytes);
        return out.toByteArray();
    }

    /**
     * mongodump's metadata file: {@code options} only when not empty, {@code indexes} always, {@code uuid} when given,
     * {@code collectionName}, {@code type}; compact, as Go writes it.
     */
    public static String metadata(String collectionName, String type, String optionsJson, List<String> indexes) {
        BsonDocument metadata = new BsonDocument();
        BsonDocument options = BsonDocument.parse(optionsJson);
        if (!options.isEmpty()) {
            metadata.append("options", options);
        }
        BsonArray specs = new BsonArray();
        indexes.forEach(index -> specs.add(BsonDocument.parse(index)));
        metadata.append("indexes", specs);
        metadata.append("uuid", new BsonString("0a1b2c3d4e5f60718293a4b5c6d7e8f9"));
        if (collectionName != null) {
            metadata.append("collectionName", new BsonString(collectionName));
        }
        metadata.append("type", new BsonString(type));
        try {
            return JSON.writeValueAsString(JSON.readTree(metadata.toJson(CANONICAL)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static String prelude(String serverVersion) {
        return "{\"ServerVersion\":\"" + serverVersion + "\",\"ToolVersion\":\"100.10.0\"}";
    }

    /** Writes a file, gzipped when its name ends in .gz. */
    public static Path write(Path file, byte[] bytes) {
        try {
            Files.createDirectories(file.getParent());
            Files.write(file, file.getFileName().toString().endsWith(".gz") ? gzip(bytes) : bytes);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static Path write(Path file, String text) {
        return write(file, text.getBytes(StandardCharsets.UTF_8));
    }

    public static byte[] gzip(byte[] bytes) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(out)) {
            gzip.write(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** Go's crc64.Checksum(data, crc64.MakeTable(crc64.ECMA)), computed bit by bit. */
    public static long crc64(byte[] data) {
        long crc = -1L;
        for (byte b : data) {
            crc ^= b & 0xff;
            for (int k = 0; k < 8; k++) {
                crc = (crc & 1) != 0 ? (crc >>> 1) ^ 0xC96C5795D7870F42L : crc >>> 1;
            }
        }
        return ~crc;
    }

    /** An archive, block by block, in the order the test writes them. */
    public static Archive archive(String serverVersion) {
        return new Archive(serverVersion);
    }

    public static final class Archive {
        private final ByteArrayOutputStream out = new ByteArrayOutputStream();
        private final Map<String, ByteArrayOutputStream> written = new LinkedHashMap<>();
        private final List<BsonDocument> prelude = new ArrayList<>();
        private BsonDocument header;

        private Archive(String serverVersion) {
            header = BsonDocument.parse("{concurrent_collections: 4, version: '0.1', server_version: '" + serverVersion
                    + "', tool_version: '100.10.0'}");
        }

        public Archive header(BsonDocument replaced) {
            header = replaced;
            return this;
        }

        /** A prelude entry; metadata is the metadata file's JSON text (empty for none). */
        public Archive collection(String db, String collection, String type, String metadataJson) {
            prelude.add(new BsonDocument("db", new BsonString(db))
                    .append("collection", new BsonString(collection))
                    .append("metadata", new BsonString(metadataJson))
                    .append("size", new org.bson.BsonInt32(0))
                    .append("type", new BsonString(type)));
            return this;
        }

        public Archive preludeEntry(BsonDocument entry) {
            prelude.add(entry);
            return this;
        }

        /** Writes magic, header, prelude and terminator; call once, before the segments. */
        public Archive start() {
            int32(0x8199e26d);
            out.writeBytes(bson(header));
            prelude.forEach(entry -> out.writeBytes(bson(entry)));
            int32(0xffffffff);
            return this;
        }

        /** A namespace segment: header, the documents, terminator. */
        public Archive segment(String db, String collection, byte[]... documents) {
            out.writeBytes(bson(new BsonDocument("db", new BsonString(db))
                    .append("collection", new BsonString(collection))
                    .append("EOF", org.bson.BsonBoolean.FALSE)
                    .append("CRC", new org.bson.BsonInt64(0))));
            ByteArrayOutputStream all =
                    written.computeIfAbsent(db + "." + collection, k -> new ByteArrayOutputStream());
            for (byte[] document : documents) {
                out.writeBytes(document);
                all.writeBytes(document);
            }
            int32(0xffffffff);
            return this;
        }

        /** The EOF block with the CRC of everything written for the namespace. */
        public Archive eof(String db, String collection) {
            byte[] all = written.getOrDefault(db + "." + collection, new ByteArrayOutputStream())
                    .toByteArray();
            return eof(db, collection, crc64(all));
        }

        public Archive eof(String db, String collection, long crc) {
            out.writeBytes(bson(new BsonDocument("db", new BsonString(db))
                    .append("collection", new BsonString(collection))
                    .append("EOF", org.bson.BsonBoolean.TRUE)
                    .append("CRC", new org.bson.BsonInt64(crc))));
            int32(0xffffffff);
            return this;
        }

        public Archive raw(byte[] bytes) {
            out.writeBytes(bytes);
            return this;
        }

        public byte[] bytes() {
            return out.toByteArray();
        }

        private void int32(int value) {
            out.write(value);
            out.write(value >>> 8);
            out.write(value >>> 16);
            out.write(value >>> 24);
        }
    }
}
