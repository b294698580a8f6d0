package dev.stackinit.seeder.io;

import dev.stackinit.seeder.CollectionSpec;
import dev.stackinit.seeder.DocumentStream;
import dev.stackinit.seeder.SeedSink;
import dev.stackinit.seeder.ServerVersion;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import java.util.zip.GZIPOutputStream;
import org.bson.BsonBoolean;
import org.bson.BsonDocument;
import org.bson.BsonInt32;
import org.bson.BsonInt64;
import org.bson.BsonString;
import org.bson.RawBsonDocument;
import org.bson.codecs.BsonDocumentCodec;

/**
 * A mongodump archive ({@code mongodump --archive=FILE [--gzip]}): the magic number, the header, one prelude document
 * per collection, a terminator, then the collections' documents in segments interleaved round-robin (up to {@value
 * #WINDOW} collections at a time, {@value #SEGMENT_BYTES} bytes a segment, in a fixed order so that two exports of the
 * same data are byte-equal), and per collection an EOF block carrying the CRC-64 of its documents. Views and empty
 * collections get an empty segment, as mongodump writes them. The file is written next to the target and renamed over
 * it when complete.
 */
public final class ArchiveWriter implements SeedSink {
    static final int WINDOW = 4;
    static final int SEGMENT_BYTES = 1 << 20;

    private final Path file;
    private final boolean gzip;
    private final String toolVersion;
    private final List<Pending> pending = new ArrayList<>();
    private String database;
    private String serverVersion;
    private boolean viewless;
    private AtomicFile target;

    /** A collection waiting for its turn, and its progress once opened. */
    private static final class Pending {
        final CollectionSpec spec;
        final Supplier<DocumentStream> documents;
        final Crc64 crc = new Crc64();
        DocumentStream stream;
        RawBsonDocument carried;

        Pending(CollectionSpec spec, Supplier<DocumentStream> documents) {
            this.spec = spec;
            this.documents = documents;
        }
    }

    public ArchiveWriter(Path file, boolean gzip, String toolVersion) {
        this.file = file;
        this.gzip = gzip;
        this.toolVersion = toolVersion;
    }

    @Override
    public void begin(String database, List<CollectionSpec> specs, String serverVersion) {
        this.database = database;
        this.serverVersion = serverVersion;
        ServerVersion version = ServerVersion.parse(serverVersion);
        this.viewless = version != null && version.hasViewlessTimeseries();
        this.target = new AtomicFile(file);
    }

    @Override
    public boolean wantsBuckets() {
        return true;
    }

    @Override
    public void add(CollectionSpec spec, Supplier<DocumentStream> documents) {
        pending.add(new Pending(spec, documents));
    }

    @Override
    public Outcome finish() {
        try (OutputStream raw = target.create();
                OutputStream out = gzip ? new GZIPOutputStream(raw, 1 << 16) : raw) {
            writeInt(out, ArchiveScanner.MAGIC);
            write(
                    out,
                    new BsonDocument("concurrent_collections", new BsonInt32(WINDOW))
                            .append("version", new BsonString(ArchiveScanner.FORMAT_VERSION))
                            .append("server_version", new BsonString(serverVersion))
                            .append("tool_version", new BsonString(toolVersion)));
            for (Pending collection : pending) {
                write(
                        out,
                        new BsonDocument("db", new BsonString(database))
                                .append("collection", new BsonString(collection.spec.name()))
                                .append("metadata", new BsonString(Metadata.json(collection.spec)))
                                .append("size", new BsonInt32(0))
                                .append("type", new BsonString(collection.spec.type())));
            }
            writeInt(out, BsonFrames.TERMINATOR);
            interleave(out);
        } catch (IOException e) {
            throw target.failed(e);
        } catch (UncheckedIOException e) {
            throw target.failed(e.getCause());
        } catch (RuntimeException e) {
            target.abort();
            throw e;
        } finally {
            pending.forEach(p -> {
                if (p.stream != null) {
                    p.stream.close();
                }
            });
        }
        return new Outcome(target.commit() ? 1 : 0, 0);
    }

    /** Round-robin over a window of open collections; a finished one makes room for the next. */
    private void interleave(OutputStream out) throws IOException {
        List<Pending> window = new ArrayList<>();
        int next = 0;
        while (next < pending.size() || !window.isEmpty()) {
            while (window.size() < WINDOW && next < pending.size()) {
                Pending opened = pending.get(next++);
                opened.stream = opened.documents == null ? new DumpReader.Empty() : opened.documents.get();
                window.add(opened);
                segment(out, opened, true);
            }
            for (Pending collection : new ArrayList<>(window)) {
                if (collection.carried == null && !collection.stream.hasNext()) {
                    writeNamespace(out, collection, true);
                    writeInt(out, BsonFrames.TERMINATOR);
                    collection.stream.close();
                    window.remove(collection);
                } else {
                    segment(out, collection, false);
                }
            }
        }
    }

    /** One segment of up to SEGMENT_BYTES; the first one of a collection is written even when it is empty. */
    private void segment(OutputStream out, Pending collection, boolean first) throws IOException {
        boolean any = collection.carried != null || collection.stream.hasNext();
        if (!any && !first) {
            return;
        }
        writeNamespace(out, collection, false);
        long bytes = 0;
        while (bytes < SEGMENT_BYTES && (collection.carried != null || collection.stream.hasNext())) {
            RawBsonDocument document = collection.carried != null ? collection.carried : collection.stream.next();
            collection.carried = null;
            if (bytes > 0 && bytes + document.getByteLength() > SEGMENT_BYTES) {
                collection.carried = document;
                break;
            }
            out.write(document.getBackingArray(), document.getByteOffset(), document.getByteLength());
            collection.crc.update(document.getBackingArray(), document.getByteOffset(), document.getByteLength());
            bytes += document.getByteLength();
        }
        writeInt(out, BsonFrames.TERMINATOR);
    }

    private void writeNamespace(OutputStream out, Pending collection, boolean eof) throws IOException {
        String name = collection.spec.isTimeseries() && !collection.spec.isView() && !viewless
                ? SeedFiles.BUCKETS_PREFIX + collection.spec.name()
                : collection.spec.name();
        write(
                out,
                new BsonDocument("db", new BsonString(database))
                        .append("collection", new BsonString(name))
                        .append("EOF", BsonBoolean.valueOf(eof))
                        .append("CRC", new BsonInt64(eof ? collection.crc.value() : 0)));
    }

    private static void write(OutputStream out, BsonDocument document) throws IOException {
        RawBsonDocument raw = new RawBsonDocument(document, new BsonDocumentCodec());
        out.write(raw.getBackingArray(), raw.getByteOffset(), raw.getByteLength());
    }

    private static void writeInt(OutputStream out, int value) throws IOException {
        out.write(value);
        out.write(value >>> 8);
        out.write(value >>> 16);
        out.write(value >>> 24);
    }

    @Override
    public void abort() {
        if (target != null) {
            target.abort();
        }
    }
}
