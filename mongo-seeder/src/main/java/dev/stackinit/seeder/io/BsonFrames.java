package dev.stackinit.seeder.io;

import dev.stackinit.errors.InvalidInputException;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;

/**
 * Length-prefixed BSON documents read one after another from a stream, each checked byte by byte
 * ({@link BsonChecker}) and named by its offset in the stream when anything is wrong.
 */
final class BsonFrames {
    /** Beyond any server's document size: a bigger length prefix means the bytes are not a document. */
    static final int MAX_DOCUMENT = 64 * 1024 * 1024;

    static final int TERMINATOR = 0xffffffff;

    private final InputStream in;
    private final String source;
    private long position;
    private long documentStart;

    /** @param source what the stream is, for messages ("dump file x.bson", "archive a.gz (decompressed)") */
    BsonFrames(InputStream in, String source, long startPosition) {
        this.in = in;
        this.source = source;
        this.position = startPosition;
    }

    long position() {
        return position;
    }

    /** Where the last document returned started. */
    long documentStart() {
        return documentStart;
    }

    /** The next document, or null at a clean end of the stream (no byte left). */
    byte[] next() {
        long start = position;
        Integer prefix = prefix(true);
        return prefix == null ? null : document(start, prefix);
    }

    /**
     * The next 4 bytes as a little-endian int: a document length or the archive terminator; null at a clean end of the
     * stream when {@code endAllowed}.
     */
    Integer prefix(boolean endAllowed) {
        byte[] four = new byte[4];
        int read = readFully(four, 0, 4);
        if (read == 0 && endAllowed) {
            return null;
        }
        if (read < 4) {
            throw corrupt(
                    position,
                    read == 0
                            ? "the stream ends where a document or terminator should follow"
                            : "the stream ends inside a length prefix");
        }
        position += 4;
        return IdKeys.int32(four, 0);
    }

    /** Reads the rest of a document whose prefix ({@code length}) was just read at {@code start}, and checks it. */
    byte[] document(long start, int length) {
        documentStart = start;
        if (length < 5 || length > MAX_DOCUMENT) {
            throw corrupt(start, "bad document length " + Integer.toUnsignedString(length));
        }
        byte[] bytes = new byte[length];
        bytes[0] = (byte) length;
        bytes[1] = (byte) (length >>> 8);
        bytes[2] = (byte) (length >>> 16);
        bytes[3] = (byte) (length >>> 24);
        int read = readFully(bytes, 4, length - 4);
        if (read != length - 4) {
            throw corrupt(
                    start, "truncated document: its length says " + length + " bytes, " + (read + 4) + " are left");
        }
        position += length - 4;
        try {
            BsonChecker.check(bytes, 0, length);
        } catch (BsonChecker.Fault fault) {
            throw corrupt(start + fault.offset, fault.getMessage() + " (in the document at byte " + start + ")");
        }
        return bytes;
    }

    InvalidInputException corrupt(long at, String why) {
        return new InvalidInputException("corrupt " + source + " at byte " + at + ": " + why);
    }

    private int readFully(byte[] into, int offset, int length) {
        int total = 0;
        try {
            while (total < length) {
                int n = in.read(into, offset + total, length - total);
                if (n < 0) {
                    break;
                }
                total += n;
            }
        } catch (EOFException e) {
            throw corrupt(position + total, "the compressed stream ends early (" + e.getMessage() + ")");
        } catch (IOException e) {
            throw corrupt(position + total, "cannot read: " + e.getMessage());
        }
        return total;
    }
}
