package dev.stackinit.seeder.io;

import dev.stackinit.errors.InvalidInputException;
import dev.stackinit.seeder.DocumentStream;
import dev.stackinit.shared.StrictUtf8;
import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.NoSuchElementException;
import java.util.zip.GZIPInputStream;
import org.bson.BsonDocument;
import org.bson.BsonInvalidOperationException;
import org.bson.RawBsonDocument;
import org.bson.codecs.BsonDocumentCodec;
import org.bson.json.JsonParseException;

/**
 * Streams the documents of one data file: our JSON lines, or mongodump's concatenated BSON ({@code .bson}, legacy
 * {@code .bin}), either optionally gzipped. Every document is checked byte by byte as it is read; {@link #where()}
 * names the last one (byte offset, or line for JSON lines).
 */
final class DumpReader implements DocumentStream {
    /** The file for a whole data file; null for a stream that is part of a file (an archive's segments). */
    private final Path file;

    private final String what;
    private final InputStream input;
    private final BsonFrames frames;
    private long line;
    private long lineStart;
    private long position;
    private RawBsonDocument next;

    DumpReader(Path file) {
        this.file = file;
        try {
            InputStream raw = new BufferedInputStream(Files.newInputStream(file), 1 << 16);
            this.input = SeedFiles.isGzip(file) ? new BufferedInputStream(gunzip(raw, file), 1 << 16) : raw;
        } catch (IOException e) {
            throw new InvalidInputException("cannot read " + file + ": " + e.getMessage(), e);
        }
        this.what = SeedFiles.isGzip(file) ? "dump file " + file + " (decompressed)" : "dump file " + file;
        this.frames = SeedFiles.isJsonLines(file) ? null : new BsonFrames(input, what, 0);
    }

    /**
     * Concatenated BSON from a stream that is not a whole file; closing this closes the stream.
     *
     * @param what the stream, for messages
     */
    DumpReader(InputStream bson, String what) {
        this.file = null;
        this.what = what;
        this.input = bson;
        this.frames = new BsonFrames(bson, what, 0);
    }

    static InputStream gunzip(InputStream raw, Path file) {
        try {
            return new GZIPInputStream(raw, 1 << 16);
        } catch (IOException e) {
            throw new InvalidInputException("corrupt gzip file " + file + ": " + e.getMessage(), e);
        }
    }

    @Override
    public boolean hasNext() {
        if (next == null) {
            next = frames != null ? readBson() : readLine();
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

    /** Where the last document came from, for messages about it. */
    String where() {
        return frames != null
                ? (file != null ? file.toString() : what) + " at byte " + frames.documentStart()
                : file + ":" + line + " (byte offset " + lineStart + ")";
    }

    private RawBsonDocument readBson() {
        byte[] bytes = frames.next();
        return bytes == null ? null : new RawBsonDocument(bytes);
    }

    private RawBsonDocument readLine() {
        byte[] bytes;
        do {
            lineStart = position;
            bytes = rawLine();
            if (bytes == null) {
                return null;
            }
            line++;
        } while (isBlank(bytes));
        if (!StrictUtf8.isValid(bytes, 0, bytes.length)) {
            int bad = Utf8.firstInvalid(bytes, 0, bytes.length);
            throw new InvalidInputException(String.format(
                    "%s: invalid UTF-8 at line %d, byte offset %d (byte 0x%02x); save the file as UTF-8",
                    file, line, lineStart + bad, bytes[bad] & 0xff));
        }
        String text = new String(bytes, StandardCharsets.UTF_8);
        if (line == 1 && text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        RawBsonDocument document;
        try {
            document = new RawBsonDocument(BsonDocument.parse(text), new BsonDocumentCodec());
        } catch (JsonParseException | BsonInvalidOperationException e) {
            throw new InvalidInputException(
                    file + ":" + line + ": not a valid Extended JSON document: " + e.getMessage());
        }
        try {
            BsonChecker.check(document.getBackingArray(), document.getByteOffset(), document.getByteLength());
        } catch (BsonChecker.Fault fault) {
            // only escapes can get here, e.g. "\ud800" without its low surrogate
            throw new InvalidInputException(file + ":" + line + ": " + fault.getMessage()
                    + " (an escape such as \\ud800 without its pair does not encode a character)");
        }
        return document;
    }

    /** The next line's bytes without its line end, or null at the end of the file. */
    private byte[] rawLine() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(256);
        try {
            int b = input.read();
            if (b < 0) {
                return null;
            }
            while (b >= 0 && b != '\n') {
                bytes.write(b);
                position++;
                b = input.read();
            }
            if (b == '\n') {
                position++;
            }
        } catch (IOException e) {
            throw new InvalidInputException(file + ":" + (line + 1) + ": cannot read: " + e.getMessage(), e);
        }
        byte[] line = bytes.toByteArray();
        int length = line.length;
        if (length > 0 && line[length - 1] == '\r') {
            return java.util.Arrays.copyOf(line, length - 1);
        }
        return line;
    }

    private static boolean isBlank(byte[] bytes) {
        for (byte b : bytes) {
            if (b != ' ' && b != '\t' && b != '\r') {
                return false;
            }
        }
        return true;
    }

    @Override
    public void close() {
        try {
            input.close();
        } catch (IOException ignored) {
            // read only
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
