package dev.stackinit.shared;

import dev.stackinit.errors.InvalidInputException;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * RFC 3986 percent-encoding of one URI component, such as the user or password of a {@code mongodb://} URI. Everything
 * but the unreserved characters ({@code A-Z a-z 0-9 - . _ ~}) is encoded, so the result is safe in the user info, the
 * path and the query alike. Not {@link java.net.URLEncoder}: that one is for HTML forms and turns a space into
 * {@code +}, which a URI parser keeps as a plus (and {@link java.net.URLDecoder} turns a plus into a space, and a stray
 * {@code %} into an IllegalArgumentException).
 */
public final class PercentEncoding {
    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    private PercentEncoding() {}

    public static String encode(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xFF;
            if (isUnreserved(c)) {
                out.append((char) c);
            } else {
                out.append('%').append(HEX[c >> 4]).append(HEX[c & 0xF]);
            }
        }
        return out.toString();
    }

    /**
     * The text of one percent-encoded URI component, such as the password of a {@code postgres://} URL: {@code %XX} is
     * the byte XX, a {@code +} stays a plus, the bytes must be UTF-8.
     *
     * @param what names the component for the error, never its value (a password), e.g. {@code the user info of
     *     postgres://u:****@db/app}
     * @throws InvalidInputException (exit 3) for a {@code %} not followed by two hex digits, or bytes that are not UTF-8
     */
    public static String decode(String text, String what) {
        if (text.indexOf('%') < 0) {
            return text;
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(text.length());
        int from = 0;
        for (int percent = text.indexOf('%'); percent >= 0; percent = text.indexOf('%', from)) {
            bytes.writeBytes(text.substring(from, percent).getBytes(StandardCharsets.UTF_8));
            int high = percent + 2 < text.length() ? Character.digit(text.charAt(percent + 1), 16) : -1;
            int low = high < 0 ? -1 : Character.digit(text.charAt(percent + 2), 16);
            if (low < 0) {
                throw new InvalidInputException(
                        what + ": a '%' not followed by two hex digits (write a literal % as %25)");
            }
            bytes.write(high << 4 | low);
            from = percent + 3;
        }
        bytes.writeBytes(text.substring(from).getBytes(StandardCharsets.UTF_8));
        byte[] decoded = bytes.toByteArray();
        if (!StrictUtf8.isValid(decoded, 0, decoded.length)) {
            throw new InvalidInputException(what + ": its %-escapes are not UTF-8");
        }
        return new String(decoded, StandardCharsets.UTF_8);
    }

    private static boolean isUnreserved(int c) {
        return c >= 'A' && c <= 'Z'
                || c >= 'a' && c <= 'z'
                || c >= '0' && c <= '9'
                || c == '-'
                || c == '.'
                || c == '_'
                || c == '~';
    }
}
