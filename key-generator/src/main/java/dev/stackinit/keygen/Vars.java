package dev.stackinit.keygen;

import java.util.List;

/** The names of the variables key-generator writes, as Supabase's .env and compose use them. */
public final class Vars {
    public static final String JWT_SECRET = "JWT_SECRET";
    public static final String ANON_KEY = "ANON_KEY";
    public static final String SERVICE_ROLE_KEY = "SERVICE_ROLE_KEY";
    public static final String JWT_KEYS = "JWT_KEYS";
    public static final String JWT_JWKS = "JWT_JWKS";
    public static final String ANON_KEY_ASYMMETRIC = "ANON_KEY_ASYMMETRIC";
    public static final String SERVICE_ROLE_KEY_ASYMMETRIC = "SERVICE_ROLE_KEY_ASYMMETRIC";
    public static final String PUBLISHABLE_KEY = "SUPABASE_PUBLISHABLE_KEY";
    public static final String SECRET_KEY = "SUPABASE_SECRET_KEY";

    /** The legacy HS256 API keys. */
    public static final List<String> LEGACY_KEYS = List.of(ANON_KEY, SERVICE_ROLE_KEY);

    /** Everything {@code --asymmetric} adds; written only when asked for or already in use. */
    public static final List<String> ASYMMETRIC =
            List.of(JWT_KEYS, JWT_JWKS, ANON_KEY_ASYMMETRIC, SERVICE_ROLE_KEY_ASYMMETRIC, PUBLISHABLE_KEY, SECRET_KEY);

    private Vars() {}

    /** The role an API key variable must carry. */
    public static String roleOf(String keyVariable) {
        return keyVariable.startsWith("SERVICE_ROLE") ? "service_role" : "anon";
    }
}
