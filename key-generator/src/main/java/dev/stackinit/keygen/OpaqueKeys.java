package dev.stackinit.keygen;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The new opaque API keys {@code sb_publishable_<22>_<8>} / {@code sb_secret_<22>_<8>}: 22 characters of base64url(17
 * random bytes) and a checksum of 8 characters of base64url(sha256("supabase-self-hosted|" + prefix + random)).
 */
public final class OpaqueKeys {
    public static final String PUBLISHABLE = "sb_publishable_";
    public static final String SECRET = "sb_secret_";
    private static final String PROJECT_REF = "supabase-self-hosted";
    private static final Pattern SHAPE =
            Pattern.compile("(sb_(?:publishable|secret)_)([A-Za-z0-9_-]{22})_([A-Za-z0-9_-]{8})");

    private OpaqueKeys() {}

    public static String generate(String prefix, RandomText random) {
        String body = random.base64Url(17).substring(0, 22);
        return prefix + body + "_" + checksum(prefix + body);
    }

    /** True if the key has the expected prefix, shape and checksum. */
    public static boolean isValid(String key, String prefix) {
        if (key == null) {
            return false;
        }
        Matcher matcher = SHAPE.matcher(key);
        return matcher.matches()
                && matcher.group(1).equals(prefix)
                && checksum(prefix + matcher.group(2)).equals(matcher.group(3));
    }

    static String checksum(String intermediate) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest((PROJECT_REF + "|" + intermediate).getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder()
                    .withoutPadding()
                    .encodeToString(digest)
                    .substring(0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }
}
