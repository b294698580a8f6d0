package dev.stackinit.keygen;

import io.jsonwebtoken.Jwts;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Date;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

/**
 * The legacy HS256 API keys and user tokens: HMAC-SHA256 over the raw bytes of the JWT_SECRET string (not
 * base64-decoded), as Supabase's generate-keys.sh does.
 */
public final class LegacyKeys {
    public static final String ISSUER = "supabase";

    private LegacyKeys() {}

    /** An API key: payload {role, iss, iat, exp} in Supabase's order, header {alg HS256, typ JWT}. */
    public static String apiKey(String jwtSecret, String role, Instant issuedAt, Instant expiresAt) {
        return Jwts.builder()
                .header()
                .type("JWT")
                .and()
                .claim("role", role)
                .issuer(ISSUER)
                .issuedAt(Date.from(issuedAt))
                .expiration(Date.from(expiresAt))
                // explicit: jjwt would otherwise pick HS384/HS512 from the key length
                .signWith(key(jwtSecret), Jwts.SIG.HS256)
                .compact();
    }

    /** Any token with these claims (values as JSON types: String, Number, Boolean, Map, List). */
    public static String token(String jwtSecret, Map<String, Object> claims) {
        return Jwts.builder()
                .header()
                .type("JWT")
                .and()
                .claims(claims)
                .signWith(key(jwtSecret), Jwts.SIG.HS256)
                .compact();
    }

    /** True if the token's alg is HS256 and its signature was made with this secret; works for short secrets too. */
    public static boolean signatureMatches(DecodedJwt jwt, String jwtSecret) {
        if (!"HS256".equals(jwt.algorithm()) || jwtSecret == null || jwtSecret.isEmpty()) {
            return false;
        }
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(jwtSecret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            byte[] expected = mac.doFinal(jwt.signingInputBytes());
            return MessageDigest.isEqual(expected, jwt.signature());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }

    static SecretKey key(String jwtSecret) {
        return new SecretKeySpec(jwtSecret.getBytes(StandardCharsets.UTF_8), "HmacSHA256");
    }
}
