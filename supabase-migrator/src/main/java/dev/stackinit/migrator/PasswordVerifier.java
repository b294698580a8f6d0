package dev.stackinit.migrator;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.HexFormat;

/**
 * Checks a clear-text password against a stored PostgreSQL verifier ({@code pg_authid.rolpassword}), so the bootstrap
 * sets a role password only when it differs and a second run changes nothing.
 */
public final class PasswordVerifier {
    private PasswordVerifier() {}

    /** True if {@code stored} (SCRAM-SHA-256 or md5) is the verifier of {@code password} for {@code role}. */
    public static boolean matches(String stored, String role, String password) {
        if (stored == null) {
            return false;
        }
        if (stored.startsWith("SCRAM-SHA-256$")) {
            return scramMatches(stored, password);
        }
        if (stored.startsWith("md5")) {
            return stored.equals("md5" + md5Hex(password + role));
        }
        return false;
    }

    private static boolean scramMatches(String stored, String password) {
        // SCRAM-SHA-256$<iterations>:<salt>$<StoredKey>:<ServerKey>
        String[] parts = stored.substring("SCRAM-SHA-256$".length()).split("[$:]");
        if (parts.length != 4) {
            return false;
        }
        try {
            int iterations = Integer.parseInt(parts[0]);
            byte[] salt = Base64.getDecoder().decode(parts[1]);
            byte[] storedKey = Base64.getDecoder().decode(parts[2]);
            byte[] salted = saltedPassword(password.getBytes(StandardCharsets.UTF_8), salt, iterations);
            byte[] clientKey = new Hmac(salted).apply("Client Key".getBytes(StandardCharsets.UTF_8));
            byte[] expected = MessageDigest.getInstance("SHA-256").digest(clientKey);
            return MessageDigest.isEqual(expected, storedKey);
        } catch (GeneralSecurityException | IllegalArgumentException | CloneNotSupportedException e) {
            return false;
        }
    }

    /**
     * PBKDF2-HMAC-SHA-256 with one output block (RFC 7677 / RFC 8018). Written out rather than through
     * SecretKeyFactory because the migrator checks four roles at every start of a cold JVM: reusing the keyed digest
     * states makes each iteration two SHA-256 blocks instead of four plus the provider's layers.
     */
    static byte[] saltedPassword(byte[] password, byte[] salt, int iterations)
            throws GeneralSecurityException, CloneNotSupportedException {
        Hmac hmac = new Hmac(password);
        byte[] block = new byte[salt.length + 4];
        System.arraycopy(salt, 0, block, 0, salt.length);
        block[block.length - 1] = 1;
        byte[] u = hmac.apply(block);
        byte[] result = u.clone();
        for (int i = 1; i < iterations; i++) {
            u = hmac.apply(u);
            for (int j = 0; j < result.length; j++) {
                result[j] ^= u[j];
            }
        }
        return result;
    }

    /** HMAC-SHA-256 with the inner and outer pad states computed once. */
    private static final class Hmac {
        private final MessageDigest inner;
        private final MessageDigest outer;

        Hmac(byte[] key) throws GeneralSecurityException {
            byte[] block = new byte[64];
            byte[] k = key.length > 64 ? MessageDigest.getInstance("SHA-256").digest(key) : key;
            System.arraycopy(k, 0, block, 0, k.length);
            inner = MessageDigest.getInstance("SHA-256");
            outer = MessageDigest.getInstance("SHA-256");
            for (int i = 0; i < 64; i++) {
                inner.update((byte) (block[i] ^ 0x36));
                outer.update((byte) (block[i] ^ 0x5c));
            }
        }

        byte[] apply(byte[] message) throws CloneNotSupportedException {
            MessageDigest i = (MessageDigest) inner.clone();
            byte[] innerHash = i.digest(message);
            MessageDigest o = (MessageDigest) outer.clone();
            return o.digest(innerHash);
        }
    }

    private static String md5Hex(String text) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("MD5").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("MD5 is part of every JRE", e);
        }
    }
}
