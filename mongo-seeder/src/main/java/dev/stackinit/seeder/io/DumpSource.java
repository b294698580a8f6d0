package dev.stackinit.seeder.io;

import dev.stackinit.seeder.CollectionSpec;
import dev.stackinit.seeder.DocumentStats;
import dev.stackinit.seeder.DocumentStream;
import dev.stackinit.seeder.SourceStore;
import dev.stackinit.seeder.Unrestored;
import java.nio.file.Path;
import java.util.List;
import org.bson.RawBsonDocument;

/**
 * A dump read as a source: our seed folder, a mongodump database folder, a dump root or a mongodump archive. Opening
 * one reads and checks every byte of it (document lengths, element types, names and strings as UTF-8, duplicate
 * {@code _id}s, archive framing and CRCs), so that a bad dump fails before anything is written; the content hash
 * recognises an unchanged dump.
 */
public final class DumpSource implements SourceStore, AutoCloseable {
    private final String kind;
    private final Path path;
    private final String contentHash;
    private final DumpCatalog catalog;
    private final AutoCloseable resources;

    DumpSource(String kind, Path path, String contentHash, DumpCatalog catalog, AutoCloseable resources) {
        this.kind = kind;
        this.path = path;
        this.contentHash = contentHash;
        this.catalog = catalog;
        this.resources = resources;
    }

    /** A seed folder, a database folder or a dump root (several database folders). */
    public static DumpSource openDirectory(Path directory) {
        return DirectoryScanner.scan(directory);
    }

    /** A mongodump archive, gzipped or not (detected by its first bytes; {@code gzip} insists on it). */
    public static DumpSource openArchive(Path file, boolean gzip) {
        return ArchiveScanner.scan(file, gzip);
    }

    public String contentHash() {
        return contentHash;
    }

    /** Lines about files that are not part of any dump layout and were left alone. */
    public List<String> notes() {
        return List.copyOf(catalog.notes);
    }

    @Override
    public String location() {
        return kind + ":" + contentHash;
    }

    @Override
    public String describe() {
        return path.toString();
    }

    @Override
    public List<String> databases() {
        return catalog.multi ? catalog.databaseNames() : List.of();
    }

    @Override
    public List<CollectionSpec> collections(String database) {
        return catalog.collections(database).values().stream()
                .map(DumpCatalog.Entry::spec)
                .toList();
    }

    @Override
    public long estimatedCount(String database, String collection) {
        DocumentStats stats = catalog.entry(database, collection).stats();
        return stats == null ? 0 : stats.count();
    }

    @Override
    public DocumentStats stats(String database, String collection) {
        return catalog.entry(database, collection).stats();
    }

    /** Files are read in file order (an export is already in _id order); sortById is not applied. */
    @Override
    public DocumentStream documents(String database, String collection, long limit, boolean sortById) {
        DumpCatalog.Entry entry = catalog.entry(database, collection);
        DocumentStream stream = entry.documents() == null
                ? new DumpReader.Empty()
                : entry.documents().get();
        return limit > 0 ? new Limited(stream, limit) : stream;
    }

    @Override
    public String serverVersion() {
        return catalog.serverVersion;
    }

    /**
     * mongodump's files and archives hold a time-series collection's bucket documents, restored raw as mongorestore
     * does; our JSON lines hold its measurements.
     */
    @Override
    public boolean timeseriesAsBuckets(String database, String collection) {
        return catalog.entry(database, collection).buckets();
    }

    @Override
    public DocumentStream buckets(String database, String collection) {
        return documents(database, collection, 0, false);
    }

    @Override
    public List<Unrestored> unrestorable() {
        return List.copyOf(catalog.unrestorable);
    }

    /** Removes what reading needed besides the dump itself (a decompressed archive's spool file). */
    @Override
    public void close() {
        try {
            resources.close();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static final class Limited implements DocumentStream {
        private final DocumentStream inner;
        private long left;

        Limited(DocumentStream inner, long limit) {
            this.inner = inner;
            this.left = limit;
        }

        @Override
        public boolean hasNext() {
            return left > 0 && inner.hasNext();
        }

        @Override
        public RawBsonDocument next() {
            left--;
            return inner.next();
        }

        @Override
        public void close() {
            inner.close();
        }
    }
}
