package dev.stackinit.seeder.io;

import dev.stackinit.errors.InvalidInputException;
import dev.stackinit.seeder.DocumentStream;
import java.io.BufferedInputStream;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.NoSuchElementException;
import java.util.zip.GZIPInputStream;
import org.bson.BsonDocument;
import org.bson.BsonInvalidOperationException;
import org.bson.BsonSerializationException;
import org.bson.RawBsonDocument;
import org.bson.codecs.BsonDocumentCodec;
import org.bson.json.JsonParseException;

/** Streams the documents of one data file: our JSON lines or mongodump's raw BSON (optionally gzipped). */
final class DumpReader implements DocumentStream {
    /** A document can never be larger than this; a bigger length prefix means the file is corrupt. */
    private static final int MAX_PLAUSIBLE = 64 * 1024 * 1024;

    private final Path file;
    private final boolean bson;
    private final InputStream input;
    private final BufferedReader lines;
    private long position;
    private long line;
    private RawBsonDocument next;

    DumpReader(Path file) {
        this.file = file;
        this.bson = file.getFileName().toString().replace(SeedFiles.GZIP, "").endsWith(SeedFiles.DUMP);
        try {
            InputStream raw = new BufferedInputStream(Files.newInputStream(file), 1 << 16);
            this.input = file.getFileName().toString().endsWith(SeedFiles.GZIP) ? new GZIPInputStream(raw) : raw;
        } catch (IOException e) {
            throw new InvalidInputException("cannot read " + file + ": " + e.getMessage(), e);
        }
        this.lines = bson ? null : new BufferedReader(new InputStreamReader(input, StandardCharsets.UTF_8));
    }

    @Override
    public boolean hasNext() {
        if (next == null) {
            next = bson ? readBson() : readLine();
        }
        return next != null;
    }

    @Override
    public RawBsonDocument next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        RawBsonDocument current = next;
        next = null;
        return current;
    }

    private RawBsonDocument readBson() {
        try {
            byte[] prefix = input.readNBytes(4);
            if (prefix.length == 0) {
                return null;
            }
            if (prefix.length < 4) {
                throw corrupt("truncated length prefix");
            }
            int length = ByteBuffer.wrap(prefix).order(ByteOrder.LITTLE_ENDIAN).getInt();
            if (length < 5 || length > MAX_PLAUSIBLE) {
                throw corrupt("bad document length " + length);
            }
            byte[] bytes = new byte[length];
            System.arraycopy(prefix, 0, bytes, 0, 4);
            if (input.readNBytes(bytes, 4, length - 4) != length - 4 || bytes[length - 1] != 0) {
                throw corrupt("truncated document");
            }
            RawBsonDocument document = new RawBsonDocument(bytes);
            document.toBsonDocument(); // walks every field: a damaged document fails here, not on the server
            position += length;
            return document;
        } catch (BsonSerializationException | BsonInvalidOperationException e) {
            throw corrupt(e.getMessage());
        } catch (IOException e) {
            throw corrupt(e.getMessage());
        }
    }

    private RawBsonDocument readLine() {
        try {
            String text;
            do {
                text = lines.readLine();
                line++;
            } while (text != null && text.isBlank());
            if (text == null) {
                return null;
            }
            return new RawBsonDocument(BsonDocument.parse(text), new BsonDocumentCodec());
        } catch (JsonParseException | BsonInvalidOperationException e) {
            throw new InvalidInputException(
                    file + ":" + line + ": not a valid Extended JSON document: " + e.getMessage());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private InvalidInputException corrupt(String why) {
        return new InvalidInputException("corrupt dump file " + file + " at byte " + position + ": " + why);
    }

    @Override
    public void close() {
        try {
            input.close();
        } catch (IOException ignored) {
            // read-only file
        }
    }

    /** No data file: a collection that only has metadata. */
    static final class Empty implements DocumentStream {
        @Override
        public boolean hasNext() {
            return false;
        }

        @Override
        public RawBsonDocument next() {
            throw new NoSuchElementException();
        }

        @Override
        public void close() {}
    }
}
