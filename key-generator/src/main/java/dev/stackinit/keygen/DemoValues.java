package dev.stackinit.keygen;

/**
 * Supabase's public demo values from docker/.env.example. Anyone can sign tokens with the demo secret, so a stack
 * using it (or keys signed with it) is open to everyone; the demo keys also expire on 2027-01-09.
 */
public final class DemoValues {
    public static final String JWT_SECRET = "your-super-secret-jwt-token-with-at-least-32-characters-long";
    public static final String ISSUER = "supabase-demo";

    private DemoValues() {}

    /** A key is a demo key if it carries the demo issuer or verifies with the public demo secret. */
    public static boolean isDemoKey(String token) {
        try {
            DecodedJwt jwt = DecodedJwt.parse(token);
            return ISSUER.equals(jwt.payload().get("iss")) || LegacyKeys.signatureMatches(jwt, JWT_SECRET);
        } catch (IllegalArgumentException malformed) {
            return false;
        }
    }
}
