package dev.stackinit.keygen;

import java.util.Arrays;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * The plain secrets of a self-hosted Supabase stack: how each is generated, what a valid value looks like, and the
 * placeholders Supabase's docker/.env.example ships (public, so never acceptable).
 */
public enum SecretSpec {
    // 30 random bytes as base64url = 40 characters without + / = (PostgREST needs >= 32); existing secrets may use any
    JWT_SECRET(r -> r.base64Url(30), 32, Integer.MAX_VALUE, Charset.ANY, DemoValues.JWT_SECRET),
    POSTGRES_PASSWORD(
            r -> r.from(RandomText.ALPHANUMERIC, 32),
            8,
            Integer.MAX_VALUE,
            Charset.ALPHANUMERIC,
            "your-super-secret-and-long-postgres-password"),
    DASHBOARD_PASSWORD(
            r -> r.from(RandomText.LETTERS, 1) + r.from(RandomText.ALPHANUMERIC, 31),
            8,
            Integer.MAX_VALUE,
            Charset.ALPHANUMERIC_WITH_LETTER,
            "this_password_is_insecure_and_should_be_updated"),
    SECRET_KEY_BASE(
            r -> r.from(RandomText.ALPHANUMERIC, 64),
            64,
            Integer.MAX_VALUE,
            Charset.ANY,
            "UpNVntn3cDxHJpq99YMc1T1AQgQpc8kfYTuRgBiYa15BLrx8etQoXz3gZv1/u2oq"),
    VAULT_ENC_KEY(r -> r.from(RandomText.ALPHANUMERIC, 32), 32, 32, Charset.ANY, "your-32-character-encryption-key"),
    PG_META_CRYPTO_KEY(
            r -> r.from(RandomText.ALPHANUMERIC, 32),
            32,
            Integer.MAX_VALUE,
            Charset.ANY,
            "your-encryption-key-32-chars-min"),
    LOGFLARE_PUBLIC_ACCESS_TOKEN(
            r -> r.from(RandomText.ALPHANUMERIC, 40),
            32,
            Integer.MAX_VALUE,
            Charset.ANY,
            "your-super-secret-and-long-logflare-key-public"),
    LOGFLARE_PRIVATE_ACCESS_TOKEN(
            r -> r.from(RandomText.ALPHANUMERIC, 40),
            32,
            Integer.MAX_VALUE,
            Charset.ANY,
            "your-super-secret-and-long-logflare-key-private"),
    // the older compose hard-codes "supabaserealtime": public, so a placeholder too
    REALTIME_DB_ENC_KEY(r -> r.from(RandomText.ALPHANUMERIC, 16), 16, 16, Charset.ANY, "supabaserealtime"),
    S3_PROTOCOL_ACCESS_KEY_ID(
            r -> r.from(RandomText.HEX, 32), 32, Integer.MAX_VALUE, Charset.ANY, "625729a08b95bf1b7ff351a663f3a23c"),
    S3_PROTOCOL_ACCESS_KEY_SECRET(
            r -> r.from(RandomText.HEX, 64),
            64,
            Integer.MAX_VALUE,
            Charset.ANY,
            "850181e4652dd023b7a98c58ae0d2d34bd487ee0cc3254aed6eda37307425907"),
    // MinIO's root password in Supabase's docker-compose.s3.yml override (at least 8 characters); its generate script
    // replaces the public example value, so a stack must never keep it
    MINIO_ROOT_PASSWORD(r -> r.from(RandomText.ALPHANUMERIC, 32), 8, Integer.MAX_VALUE, Charset.ANY, "secret1234"),
    // MongoDB: root and app passwords of letters and digits (they still go URL-encoded into URIs; a password of your
    // own may hold anything), and the replica-set keyFile: mongod wants 6 to 1024 characters of the base64 alphabet;
    // letters and digits are that alphabet without '+', '/' and '=', so the value needs no quoting anywhere
    MONGO_ROOT_PASSWORD(r -> r.from(RandomText.ALPHANUMERIC, 32), 16, Integer.MAX_VALUE, Charset.ANY),
    MONGO_APP_PASSWORD(r -> r.from(RandomText.ALPHANUMERIC, 32), 16, Integer.MAX_VALUE, Charset.ANY),
    MONGO_KEYFILE(r -> r.from(RandomText.ALPHANUMERIC, 1008), 6, 1024, Charset.BASE64);

    /** Which characters a value may contain. */
    enum Charset {
        ANY,
        ALPHANUMERIC,
        ALPHANUMERIC_WITH_LETTER,
        /** What mongod accepts in a keyFile: the base64 alphabet, '=' only as trailing padding. */
        BASE64
    }

    private final Function<RandomText, String> recipe;
    private final int minLength;
    private final int maxLength;
    private final Charset charset;
    private final Set<String> placeholders;

    SecretSpec(Function<RandomText, String> recipe, int minLength, int maxLength, Charset charset, String... known) {
        this.recipe = recipe;
        this.minLength = minLength;
        this.maxLength = maxLength;
        this.charset = charset;
        this.placeholders = Set.of(known);
    }

    public static Optional<SecretSpec> forVariable(String name) {
        return Arrays.stream(values()).filter(s -> s.name().equals(name)).findFirst();
    }

    public String generate(RandomText random) {
        return recipe.apply(random);
    }

    /** Empty, one of the known public example values, or an obvious "your-…" / "change-me" template. */
    public boolean isPlaceholder(String value) {
        if (value == null || value.isBlank() || placeholders.contains(value)) {
            return true;
        }
        String lower = value.toLowerCase(java.util.Locale.ROOT);
        return lower.startsWith("your-")
                || lower.startsWith("your_")
                || lower.contains("change-me")
                || lower.contains("changeme");
    }

    /** Why a (non-placeholder) value is unusable, or empty if it is fine. Never includes the value. */
    public Optional<String> problem(String value) {
        int length = value.length();
        if (minLength == maxLength && length != minLength) {
            return Optional.of("must be exactly " + minLength + " characters (is " + length + ")");
        }
        if (length < minLength) {
            return Optional.of("must be at least " + minLength + " characters (is " + length + ")");
        }
        if (length > maxLength) {
            return Optional.of("must be at most " + maxLength + " characters (is " + length + ")");
        }
        return switch (charset) {
            case ANY -> Optional.empty();
            case ALPHANUMERIC ->
                value.matches("[A-Za-z0-9]+")
                        ? Optional.empty()
                        : Optional.of("must contain letters and digits only (it is embedded in postgres:// URLs)");
            case ALPHANUMERIC_WITH_LETTER ->
                value.matches("[A-Za-z0-9]*[A-Za-z][A-Za-z0-9]*")
                        ? Optional.empty()
                        : Optional.of("must contain letters and digits only, with at least one letter");
            case BASE64 ->
                value.matches("[A-Za-z0-9+/]+={0,2}")
                        ? Optional.empty()
                        : Optional.of("must contain characters of the base64 alphabet only (A-Z a-z 0-9 + /, '=' at"
                                + " the end), as mongod requires of a keyFile");
        };
    }
}
