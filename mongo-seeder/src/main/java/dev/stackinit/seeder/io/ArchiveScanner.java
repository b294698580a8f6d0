package dev.stackinit.seeder.io;

import dev.stackinit.errors.InvalidInputException;
import dev.stackinit.seeder.CollectionSpec;
import dev.stackinit.seeder.DocumentStats;
import dev.stackinit.seeder.ServerVersion;
import dev.stackinit.seeder.Unrestored;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.bson.BsonDocument;
import org.bson.BsonValue;
import org.bson.RawBsonDocument;

/**
 * Reads and checks a mongodump archive in one pass: the magic number, the header, one prelude document per
 * collection, the terminator, then interleaved segments (a namespace header, documents, a terminator) and one EOF block
 * per namespace whose CRC-64 must match its documents. Every document is checked byte by byte and per namespace for
 * duplicate {@code _id}s. The positions of each namespace's documents are kept so a collection can be read again on
 * its own; a gzipped archive is decompressed once into a temporary spool file for that.
 */
final class ArchiveScanner {
    static final int MAGIC = 0x8199e26d;
    static final String FORMAT_VERSION = "0.1";
    private static final Set<String> HEADER_FIELDS =
            Set.of("concurrent_collections", "version", "server_version", "tool_version");
    private static final Set<String> PRELUDE_FIELDS = Set.of("db", "collection", "metadata", "size", "type");
    private static final Set<String> NAMESPACE_FIELDS = Set.of("db", "collection", "EOF", "CRC");

    /** A prelude entry and what the segments said about it. */
    private static final class Namespace {
        final String database;
        final String collection;
        final String type;
        final Metadata metadata;
        final List<long[]> regions = new ArrayList<>();
        final Crc64 crc = new Crc64();
        final DocumentScan scan;
        boolean opened;
        boolean closed;

        Namespace(String database, String collection, String type, Metadata metadata) {
            this.database = database;
            this.collection = collection;
            this.type = type;
            this.metadata = metadata;
            this.scan = new DocumentScan(database + "." + collection);
        }
    }

    private final Path file;
    private final String source;
    private final Map<String, Namespace> byDataNamespace = new LinkedHashMap<>();
    private final List<Namespace> prelude = new ArrayList<>();
    private BsonFrames frames;
    private String serverVersion = "unknown";

    private ArchiveScanner(Path file, boolean gzip) {
        this.file = file;
        this.source = "archive " + file + (gzip ? " (decompressed)" : "");
    }

    static DumpSource scan(Path file, boolean forceGzip) {
        if (Files.isDirectory(file)) {
            throw new InvalidInputException("archive " + file + " is a folder, not an archive file (a dump folder is"
                    + " read with --seed-dir)");
        }
        if (!Files.isRegularFile(file)) {
            throw new InvalidInputException("archive " + file + " does not exist");
        }
        boolean gzip = isGzip(file);
        if (forceGzip && !gzip) {
            throw new InvalidInputException("--gzip: archive " + file + " is not gzip-compressed");
        }
        MessageDigest digest = sha256();
        Path spool = null;
        try {
            spool = gzip ? Files.createTempFile("mongo-seeder-archive-", ".spool") : null;
            ArchiveScanner scanner = new ArchiveScanner(file, gzip);
            try (InputStream raw = new DigestInputStream(Files.newInputStream(file), digest);
                    OutputStream copy = spool == null ? null : new BufferedOutputStream(Files.newOutputStream(spool))) {
                InputStream data = gzip ? DumpReader.gunzip(new BufferedInputStream(raw, 1 << 16), file) : raw;
                InputStream in = new BufferedInputStream(copy == null ? data : new Tee(data, copy), 1 << 16);
                scanner.read(in);
                in.transferTo(OutputStream.nullOutputStream()); // the digest covers every byte
            }
            Path dataFile = spool == null ? file : spool;
            Path toDelete = spool;
            return new DumpSource(
                    "archive", file, HexFormat.of().formatHex(digest.digest()), scanner.catalog(dataFile), () -> {
                        if (toDelete != null) {
                            Files.deleteIfExists(toDelete);
                        }
                    });
        } catch (IOException e) {
            deleteQuietly(spool);
            throw new InvalidInputException("cannot read archive " + file + ": " + e.getMessage(), e);
        } catch (RuntimeException e) {
            deleteQuietly(spool);
            throw e;
        }
    }

    private void read(InputStream in) {
        frames = new BsonFrames(in, source, 0);
        Integer magic = frames.prefix(true);
        if (magic == null || magic != MAGIC) {
            throw frames.corrupt(0, "not a mongodump archive (the magic number 0x8199e26d is missing)");
        }
        readHeader(document(frames.prefix(false)));
        for (Integer prefix = frames.prefix(false); prefix != BsonFrames.TERMINATOR; prefix = frames.prefix(false)) {
            readPreludeEntry(document(prefix));
        }
        for (Integer prefix = frames.prefix(true); prefix != null; prefix = frames.prefix(true)) {
            long at = frames.position() - 4;
            if (prefix == BsonFrames.TERMINATOR) {
                throw frames.corrupt(at, "a terminator where a namespace header should start");
            }
            readBlock(at, document(prefix));
        }
        for (Namespace namespace : prelude) {
            if (!namespace.closed) {
                throw frames.corrupt(
                        frames.position(),
                        "the archive ends before namespace " + namespace.database + "." + namespace.collection
                                + " is complete (no EOF block)");
            }
        }
    }

    private BsonDocument document(int prefix) {
        long start = frames.position() - 4;
        if (prefix == BsonFrames.TERMINATOR) {
            throw frames.corrupt(start, "a terminator where a document should be");
        }
        return new RawBsonDocument(frames.document(start, prefix)).toBsonDocument();
    }

    private void readHeader(BsonDocument header) {
        fields(header, HEADER_FIELDS, "the archive header", 4);
        if (!FORMAT_VERSION.equals(string(header, "version", 4))) {
            throw frames.corrupt(4, "archive format version " + header.get("version") + ", expected \"0.1\"");
        }
        serverVersion = header.containsKey("server_version") ? string(header, "server_version", 4) : "unknown";
    }

    private void readPreludeEntry(BsonDocument entry) {
        long at = frames.documentStart();
        fields(entry, PRELUDE_FIELDS, "a prelude entry", at);
        String database = string(entry, "db", at);
        String collection = string(entry, "collection", at);
        String metadataText = entry.containsKey("metadata") ? string(entry, "metadata", at) : "";
        Metadata metadata = Metadata.parse(
                metadataText.getBytes(java.nio.charset.StandardCharsets.UTF_8),
                "in the prelude of " + source + " for " + database + "." + collection);
        String type = entry.containsKey("type") ? string(entry, "type", at) : "";
        if (type.isEmpty() && metadata != null) {
            type = metadata.type();
        }
        if (database.isEmpty() && collection.equals("oplog")) {
            type = "oplog"; // mongodump --oplog: the entries of the dump's time window
        }
        Namespace namespace = new Namespace(database, collection, type.isEmpty() ? "collection" : type, metadata);
        prelude.add(namespace);
        for (String dataNamespace : dataNamespaces(database, collection, namespace.type)) {
            if (byDataNamespace.putIfAbsent(dataNamespace, namespace) != null) {
                throw frames.corrupt(at, "the prelude names " + dataNamespace + " twice");
            }
        }
    }

    /** Where a collection's documents are: time-series buckets live in system.buckets.<name> before 8.3. */
    private List<String> dataNamespaces(String database, String collection, String type) {
        String plain = database + "." + collection;
        if (!type.equals("timeseries")) {
            return List.of(plain);
        }
        String buckets = database + "." + SeedFiles.BUCKETS_PREFIX + collection;
        ServerVersion version = ServerVersion.parse(serverVersion);
        if (version == null) {
            return List.of(buckets, plain); // the header does not say: accept either
        }
        return List.of(version.hasViewlessTimeseries() ? plain : buckets);
    }

    private void readBlock(long at, BsonDocument header) {
        fields(header, NAMESPACE_FIELDS, "a namespace header", at);
        String name = string(header, "db", at) + "." + string(header, "collection", at);
        if (!header.isBoolean("EOF") || !header.isInt64("CRC")) {
            throw frames.corrupt(at, "a namespace header needs EOF (boolean) and CRC (int64): " + header.toJson());
        }
        Namespace namespace = byDataNamespace.get(name);
        if (namespace == null && name.equals(".oplog")) {
            namespace = new Namespace("", "oplog", "oplog", null);
            prelude.add(namespace);
            byDataNamespace.put(name, namespace);
        }
        if (namespace == null) {
            throw frames.corrupt(at, "data for namespace " + name + ", which the prelude does not list");
        }
        if (namespace.closed) {
            throw frames.corrupt(at, "namespace " + name + " continues after its EOF block");
        }
        namespace.opened = true;
        if (header.getBoolean("EOF").getValue()) {
            Integer next = frames.prefix(false);
            if (next != BsonFrames.TERMINATOR) {
                throw frames.corrupt(frames.position() - 4, "documents after the EOF block of " + name);
            }
            long expected = header.getInt64("CRC").getValue();
            if (expected != namespace.crc.value()) {
                throw frames.corrupt(
                        at,
                        "CRC mismatch for namespace " + name + ": the archive says "
                                + Long.toUnsignedString(expected) + ", its documents give "
                                + Long.toUnsignedString(namespace.crc.value()));
            }
            namespace.closed = true;
            return;
        }
        long regionStart = frames.position();
        for (Integer prefix = frames.prefix(false); prefix != BsonFrames.TERMINATOR; prefix = frames.prefix(false)) {
            long start = frames.position() - 4;
            byte[] bytes = frames.document(start, prefix);
            namespace.crc.update(bytes, 0, bytes.length);
            namespace.scan.add(bytes, 0, bytes.length, source + " at byte " + start);
        }
        long regionEnd = frames.position() - 4;
        if (regionEnd > regionStart) {
            namespace.regions.add(new long[] {regionStart, regionEnd - regionStart});
        }
    }

    private DumpCatalog catalog(Path dataFile) {
        DumpCatalog catalog = new DumpCatalog(true);
        catalog.serverVersion = serverVersion;
        for (Namespace namespace : prelude) {
            if (!namespace.database.isEmpty()) {
                catalog.database(namespace.database);
            }
            DocumentStats stats = namespace.scan.stats();
            String why = whyNotRestored(namespace);
            if (why != null) {
                if (stats.count() > 0 || !namespace.type.equals("oplog")) {
                    catalog.unrestorable.add(new Unrestored(
                            namespace.database,
                            namespace.collection,
                            namespace.type.equals("oplog") ? "oplog" : DumpCatalog.unrestoredKind(namespace.collection),
                            why));
                }
                continue;
            }
            catalog.database(namespace.database);
            CollectionSpec spec = namespace.metadata != null
                    ? namespace.metadata.spec(namespace.collection)
                    : new CollectionSpec(namespace.collection, namespace.type, new BsonDocument(), List.of());
            if (spec.isView() && stats.count() > 0) {
                catalog.unrestorable.add(new Unrestored(
                        namespace.database,
                        namespace.collection,
                        "view",
                        stats.count() + " documents stored for a view, which has none to restore"));
            }
            List<long[]> regions = spec.isView() ? List.of() : List.copyOf(namespace.regions);
            catalog.add(
                    namespace.database,
                    new DumpCatalog.Entry(
                            spec,
                            regions.isEmpty() ? null : () -> RegionReader.open(dataFile, regions, source, spec.name()),
                            stats,
                            spec.isTimeseries()),
                    source);
        }
        return catalog;
    }

    private static String whyNotRestored(Namespace namespace) {
        if (namespace.type.equals("oplog")) {
            return namespace.scan.stats().count() + " oplog entries are not replayed (mongo-seeder restores data,"
                    + " not an oplog)";
        }
        return DumpCatalog.whyNotRestored(namespace.collection);
    }

    private void fields(BsonDocument document, Set<String> known, String what, long at) {
        for (String key : document.keySet()) {
            if (!known.contains(key)) {
                throw frames.corrupt(at, what + " has an unknown field '" + key + "' (mongorestore refuses it too)");
            }
        }
    }

    private String string(BsonDocument document, String key, long at) {
        BsonValue value = document.get(key);
        if (value == null || !value.isString()) {
            throw frames.corrupt(at, "field '" + key + "' must be a string in " + document.toJson());
        }
        return value.asString().getValue();
    }

    private static boolean isGzip(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            byte[] magic = in.readNBytes(2);
            return magic.length == 2 && (magic[0] & 0xff) == 0x1f && (magic[1] & 0xff) == 0x8b;
        } catch (IOException e) {
            throw new InvalidInputException("cannot read archive " + file + ": " + e.getMessage(), e);
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void deleteQuietly(Path spool) {
        if (spool != null) {
            try {
                Files.deleteIfExists(spool);
            } catch (IOException ignored) {
                // a temporary file; the first failure is the one to report
            }
        }
    }

    /** Copies what is read into the spool file as it passes. */
    private static final class Tee extends FilterInputStream {
        private final OutputStream copy;

        Tee(InputStream in, OutputStream copy) {
            super(in);
            this.copy = copy;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                copy.write(b);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            if (n > 0) {
                copy.write(buffer, offset, n);
            }
            return n;
        }
    }
}
