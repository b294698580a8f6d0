package dev.stackinit.keygen;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** A JWT check written from the spec with plain javax.crypto and Base64url: it shares no code with the tool (nor jjwt). */
public final class IndependentJwt {
    private static final ObjectMapper JSON = new ObjectMapper();

    private IndependentJwt() {}

    public static boolean hs256Verifies(String token, String secret) throws Exception {
        String[] parts = token.split("\\.");
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        byte[] expected = mac.doFinal((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));
        String encoded = Base64.getUrlEncoder().withoutPadding().encodeToString(expected);
        return MessageDigest.isEqual(
                encoded.getBytes(StandardCharsets.US_ASCII), parts[2].getBytes(StandardCharsets.US_ASCII));
    }

    @SuppressWarnings("unchecked")
    public static Map<String, Object> header(String token) throws Exception {
        return JSON.readValue(Base64.getUrlDecoder().decode(token.split("\\.")[0]), Map.class);
    }

    @SuppressWarnings("unchecked")
    public static Map<String, Object> payload(String token) throws Exception {
        return JSON.readValue(Base64.getUrlDecoder().decode(token.split("\\.")[1]), Map.class);
    }

    /** A SecureRandom that yields the same bytes for the same seed, so generated values are reproducible. */
    public static SecureRandom seeded(long seed) {
        try {
            SecureRandom random = SecureRandom.getInstance("SHA1PRNG");
            random.setSeed(seed);
            return random;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
