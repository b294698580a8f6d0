package dev.stackinit.keygen;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jsonwebtoken.Jwts;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.Signature;
import java.security.interfaces.ECPublicKey;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The opt-in asymmetric set: JWT_KEYS (private JWKs for GoTrue, exactly one signing key, plus the JWT secret as an
 * {@code oct} key), JWT_JWKS (public keys for the verifiers) and ES256 API keys whose signature is raw R||S.
 */
public final class AsymmetricKeys {
    private static final ObjectMapper JSON = new ObjectMapper();

    private AsymmetricKeys() {}

    /** JWT_KEYS: a JSON array of the private EC JWK and the oct key. */
    public static String jwtKeys(EcSigningKey key, String jwtSecret) {
        return write(List.of(key.jwk(true), octKey(jwtSecret)));
    }

    /** JWT_JWKS: {"keys": [public EC JWK, oct key]}. */
    public static String jwks(EcSigningKey key, String jwtSecret) {
        return write(Map.of("keys", List.of(key.jwk(false), octKey(jwtSecret))));
    }

    /** An ES256 API key with the legacy claims and the kid in the header. */
    public static String apiKey(EcSigningKey key, String role, Instant issuedAt, Instant expiresAt) {
        return Jwts.builder()
                .header()
                .type("JWT")
                .keyId(key.kid())
                .and()
                .claim("role", role)
                .issuer(LegacyKeys.ISSUER)
                .issuedAt(java.util.Date.from(issuedAt))
                .expiration(java.util.Date.from(expiresAt))
                .signWith(key.privateKey(), Jwts.SIG.ES256)
                .compact();
    }

    /**
     * The one signing key in a JWT_KEYS value.
     *
     * @throws IllegalArgumentException if the value is not a JSON array with exactly one EC P-256 signing key
     */
    public static EcSigningKey signingKey(String jwtKeys) {
        JsonNode keys = read(jwtKeys);
        if (!keys.isArray()) {
            throw new IllegalArgumentException("JWT_KEYS must be a JSON array of JWKs");
        }
        List<JsonNode> signing = new ArrayList<>();
        keys.forEach(k -> {
            if (k.path("key_ops").toString().contains("\"sign\"")) {
                signing.add(k);
            }
        });
        if (signing.size() != 1) {
            throw new IllegalArgumentException(
                    signing.isEmpty() ? "JWT_KEYS has no signing key" : "JWT_KEYS has more than one signing key");
        }
        return EcSigningKey.fromJwk(JSON.convertValue(signing.get(0), Map.class));
    }

    /** True if the JSON value (JWT_KEYS or JWT_JWKS) holds an oct key equal to this secret. */
    public static boolean containsSecret(String json, String jwtSecret) {
        JsonNode root = read(json);
        JsonNode keys = root.isArray() ? root : root.path("keys");
        String k = Base64.getUrlEncoder().withoutPadding().encodeToString(jwtSecret.getBytes(StandardCharsets.UTF_8));
        for (JsonNode key : keys) {
            if ("oct".equals(key.path("kty").asText()) && k.equals(key.path("k").asText())) {
                return true;
            }
        }
        return false;
    }

    /** True if the public key set holds this key's public half under its kid, and no private key material. */
    public static boolean containsPublicKey(String jwks, EcSigningKey key) {
        Map<String, Object> expected = key.jwk(false);
        boolean found = false;
        for (JsonNode jwk : read(jwks).path("keys")) {
            if (jwk.has("d")) {
                return false;
            }
            found |= key.kid().equals(jwk.path("kid").asText())
                    && expected.get("x").equals(jwk.path("x").asText())
                    && expected.get("y").equals(jwk.path("y").asText());
        }
        return found;
    }

    /** True if two JSON texts hold the same value, whatever their spacing. */
    public static boolean sameJson(String a, String b) {
        try {
            return read(a).equals(read(b));
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** True if the token is ES256 and its R||S signature verifies with the key. */
    public static boolean signatureMatches(DecodedJwt jwt, ECPublicKey key) {
        if (!"ES256".equals(jwt.algorithm()) || jwt.signature().length != 64) {
            return false;
        }
        try {
            Signature verifier = Signature.getInstance("SHA256withECDSAinP1363Format");
            verifier.initVerify(key);
            verifier.update(jwt.signingInputBytes());
            return verifier.verify(jwt.signature());
        } catch (GeneralSecurityException e) {
            return false;
        }
    }

    private static Map<String, Object> octKey(String jwtSecret) {
        Map<String, Object> oct = new LinkedHashMap<>();
        oct.put("kty", "oct");
        oct.put(
                "k",
                Base64.getUrlEncoder().withoutPadding().encodeToString(jwtSecret.getBytes(StandardCharsets.UTF_8)));
        oct.put("alg", "HS256");
        return oct;
    }

    private static JsonNode read(String json) {
        try {
            return JSON.readTree(json == null ? "" : json);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not valid JSON", e);
        }
    }

    private static String write(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
