package dev.stackinit.shared;

import java.nio.charset.StandardCharsets;

/**
 * RFC 3986 percent-encoding of one URI component, such as the user or password of a {@code mongodb://} URI. Everything
 * but the unreserved characters ({@code A-Z a-z 0-9 - . _ ~}) is encoded, so the result is safe in the user info, the
 * path and the query alike. Not {@link java.net.URLEncoder}: that one is for HTML forms and turns a space into
 * {@code +}, which a URI parser keeps as a plus.
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
