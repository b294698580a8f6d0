package dev.stackinit.shared;

import dev.stackinit.errors.InvalidInputException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * Text input decoded strictly: invalid UTF-8 is an error naming the file, line and byte offset, never a silent U+FFFD
 * (which would put mangled text into a schema or a database). A leading byte-order mark is dropped.
 */
public final class StrictUtf8 {
    private StrictUtf8() {}

    /** Reads a whole file as UTF-8; exit 3 ({@link InvalidInputException}) on invalid bytes or when it cannot be read. */
    public static String read(Path file) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new InvalidInputException(file + ": no such file", e);
        } catch (IOException e) {
            throw new InvalidInputException("cannot read " + file + ": " + reason(e), e);
        }
        return decode(bytes, file.toString());
    }

    /**
     * Decodes bytes as UTF-8.
     *
     * @param source what the bytes are, for the error message (a file name, "seed line 3 of x.jsonl")
     */
    public static String decode(byte[] bytes, String source) {
        CharsetDecoder decoder = StandardCharsets.UTF_8
                .newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(bytes.length);
        CoderResult result = decoder.decode(in, out, true);
        if (result.isError()) {
            throw invalid(bytes, in.position(), source);
        }
        result = decoder.flush(out);
        if (result.isError()) {
            throw invalid(bytes, in.position(), source);
        }
        out.flip();
        String text = out.toString();
        return text.startsWith("\uFEFF") ? text.substring(1) : text;
    }

    /** True when the bytes are valid UTF-8 (for callers that report their own error). */
    public static boolean isValid(byte[] bytes, int offset, int length) {
        try {
            StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes, offset, length));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }

    private static InvalidInputException invalid(byte[] bytes, int offset, String source) {
        int line = 1;
        for (int i = 0; i < offset && i < bytes.length; i++) {
            if (bytes[i] == '\n') {
                line++;
            }
        }
        return new InvalidInputException(source + ": invalid UTF-8 at line " + line + ", byte offset " + offset
                + String.format(" (byte 0x%02x); save the file as UTF-8", bytes[offset] & 0xff));
    }

    private static String reason(IOException e) {
        return IoErrors.describe(e);
    }
}
