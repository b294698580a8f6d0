package dev.stackinit.seeder.io;

import dev.stackinit.errors.InvalidInputException;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * mongodump's file names for collections: Go's {@code url.QueryEscape} of the name (space → {@code +}, every byte
 * outside {@code A-Z a-z 0-9 - _ . ~} → {@code %XX}), and for an escaped name longer than 238 characters its first
 * 208 characters + {@code %24} + base64url(SHA-1(name)), so that the longest file ({@code .metadata.json.gz}) stays
 * within 255 bytes.
 */
public final class DumpNames {
    /** Escaped names longer than this are shortened. */
    static final int MAX_STEM = 238;

    private static final int KEPT = 208;
    private static final String DOLLAR = "%24";
    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    private DumpNames() {}

    /** Go's {@code url.QueryEscape} over the UTF-8 bytes of the name. */
    public static String escape(String name) {
        StringBuilder out = new StringBuilder(name.length() + 16);
        for (byte b : name.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if (unreserved(c)) {
                out.append((char) c);
            } else if (c == ' ') {
                out.append('+');
            } else {
                percent(out, c);
            }
        }
        return out.toString();
    }

    /**
     * Go's {@code url.QueryUnescape}: {@code +} is a space, {@code %XX} a byte (either case), everything else as is.
     * The bytes must form valid UTF-8: a collection name is a UTF-8 string.
     *
     * @param where the file, for the error message
     */
    public static String unescape(String stem, String where) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(stem.length());
        byte[] raw = stem.getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i < raw.length; i++) {
            int c = raw[i] & 0xff;
            if (c == '+') {
                bytes.write(' ');
            } else if (c == '%') {
                int high = i + 2 < raw.length ? hex(raw[i + 1]) : -1;
                int low = high >= 0 ? hex(raw[i + 2]) : -1;
                if (low < 0) {
                    throw new InvalidInputException(where + ": the file name has an invalid escape at character " + i
                            + " (mongodump writes %XX with two hex digits)");
                }
                bytes.write(high << 4 | low);
                i += 2;
            } else {
                bytes.write(c);
            }
        }
        byte[] decoded = bytes.toByteArray();
        if (Utf8.firstInvalid(decoded, 0, decoded.length) >= 0) {
            throw new InvalidInputException(where + ": the file name does not decode to a UTF-8 collection name");
        }
        return new String(decoded, StandardCharsets.UTF_8);
    }

    /** mongodump's file stem for a collection name (escaped, shortened when too long). */
    public static String stem(String name) {
        return shorten(escape(name), name);
    }

    /**
     * True for a name a database can have and a dump folder can carry as it is: mongodump writes database folders
     * unescaped, and the server refuses these characters in database names.
     */
    static boolean isDatabaseName(String name) {
        return !name.isEmpty() && name.chars().noneMatch(c -> "/\\. \"$\0".indexOf(c) >= 0);
    }

    /** True for a stem in the shortened form: only the metadata's {@code collectionName} knows the real name. */
    public static boolean isShortened(String stem) {
        return stem.length() == MAX_STEM && stem.contains(DOLLAR);
    }

    /**
     * Stems for a set of names that never collide on a case-insensitive file system. A name whose stem equals another
     * one's ignoring case gets its ASCII capitals escaped too ({@code Foo} → {@code %46oo}): Go's unescape still reads
     * it as {@code Foo}, so mongorestore restores the right name.
     *
     * @throws InvalidInputException when two stems still collide (only by an astronomically unlikely hash clash)
     */
    public static Map<String, String> caseSafeStems(Collection<String> names) {
        Map<String, List<String>> byFolded = new HashMap<>();
        for (String name : names) {
            byFolded.computeIfAbsent(fold(stem(name)), k -> new java.util.ArrayList<>())
                    .add(name);
        }
        Map<String, String> stems = new LinkedHashMap<>();
        Set<String> folded = new HashSet<>();
        for (String name : names) {
            boolean clash = byFolded.get(fold(stem(name))).size() > 1;
            String stem = clash ? shorten(escapeCapitals(escape(name)), name) : stem(name);
            if (!folded.add(fold(stem))) {
                throw new InvalidInputException(
                        "two collection names map to the same file name ignoring case: " + stem);
            }
            stems.put(name, stem);
        }
        return stems;
    }

    private static String fold(String stem) {
        return stem.toLowerCase(Locale.ROOT);
    }

    /** Capitals outside %XX escapes become %XX; the hex digits of escapes are capitals already and stay. */
    private static String escapeCapitals(String escaped) {
        StringBuilder out = new StringBuilder(escaped.length() + 16);
        for (int i = 0; i < escaped.length(); i++) {
            char c = escaped.charAt(i);
            if (c == '%') {
                out.append(escaped, i, i + 3);
                i += 2;
            } else if (c >= 'A' && c <= 'Z') {
                percent(out, c);
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    private static String shorten(String escaped, String name) {
        if (escaped.length() <= MAX_STEM) {
            return escaped;
        }
        try {
            byte[] sha1 = MessageDigest.getInstance("SHA-1").digest(name.getBytes(StandardCharsets.UTF_8));
            return escaped.substring(0, KEPT)
                    + DOLLAR
                    + Base64.getUrlEncoder().withoutPadding().encodeToString(sha1);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static boolean unreserved(int c) {
        return c >= 'a' && c <= 'z'
                || c >= 'A' && c <= 'Z'
                || c >= '0' && c <= '9'
                || c == '-'
                || c == '_'
                || c == '.'
                || c == '~';
    }

    private static void percent(StringBuilder out, int c) {
        out.append('%').append(HEX[c >> 4]).append(HEX[c & 0xf]);
    }

    private static int hex(byte b) {
        if (b >= '0' && b <= '9') {
            return b - '0';
        }
        if (b >= 'a' && b <= 'f') {
            return b - 'a' + 10;
        }
        if (b >= 'A' && b <= 'F') {
            return b - 'A' + 10;
        }
        return -1;
    }
}
