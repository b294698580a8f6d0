package dev.stackinit.keygen;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The values Supabase's self-hosting docker/.env.example ships that look like credentials or placeholders, and what
 * key-generator does with each: secrets are generated (and {@code verify} fails while a public value is left),
 * credentials of outside services cannot be generated (both commands name them while the example value is left), and
 * identifiers that only look like placeholders are kept. The README's table is checked against this list.
 */
public enum PublicDefaults {
    // generated secrets: SecretSpec and the API keys know their public values
    POSTGRES_PASSWORD(Kind.SECRET, "your-super-secret-and-long-postgres-password"),
    JWT_SECRET(Kind.SECRET, DemoValues.JWT_SECRET),
    ANON_KEY(Kind.SECRET, "Supabase's demo key (iss supabase-demo, signed with the demo JWT_SECRET)"),
    SERVICE_ROLE_KEY(Kind.SECRET, "Supabase's demo key (iss supabase-demo, signed with the demo JWT_SECRET)"),
    DASHBOARD_PASSWORD(Kind.SECRET, "this_password_is_insecure_and_should_be_updated"),
    SECRET_KEY_BASE(Kind.SECRET, "UpNVntn3cDxHJpq99YMc1T1AQgQpc8kfYTuRgBiYa15BLrx8etQoXz3gZv1/u2oq"),
    VAULT_ENC_KEY(Kind.SECRET, "your-32-character-encryption-key"),
    PG_META_CRYPTO_KEY(Kind.SECRET, "your-encryption-key-32-chars-min"),
    LOGFLARE_PUBLIC_ACCESS_TOKEN(Kind.SECRET, "your-super-secret-and-long-logflare-key-public"),
    LOGFLARE_PRIVATE_ACCESS_TOKEN(Kind.SECRET, "your-super-secret-and-long-logflare-key-private"),
    S3_PROTOCOL_ACCESS_KEY_ID(Kind.SECRET, "625729a08b95bf1b7ff351a663f3a23c"),
    S3_PROTOCOL_ACCESS_KEY_SECRET(Kind.SECRET, "850181e4652dd023b7a98c58ae0d2d34bd487ee0cc3254aed6eda37307425907"),
    MINIO_ROOT_PASSWORD(Kind.SECRET, "secret1234"),

    // credentials of services outside the stack: only their owner can issue them
    SMTP_USER(
            Kind.CREDENTIAL,
            "fake_mail_user",
            "the login of your SMTP server; fine with a local mail catcher, which accepts any"),
    SMTP_PASS(
            Kind.CREDENTIAL,
            "fake_mail_password",
            "the password of your SMTP server; fine with a local mail catcher, which accepts any"),
    OPENAI_API_KEY(
            Kind.CREDENTIAL,
            "sk-proj-xxxxxxxx",
            "a placeholder, not a key: Studio's AI assistant stays off until you set yours or empty it"),

    // not secrets, though some read like placeholders: kept as they are
    POOLER_TENANT_ID(
            Kind.SETTING,
            "your-tenant-id",
            "Supavisor's tenant id: part of the pooler user name postgres.<tenant>, sent in clear with every login;"
                    + " an identifier, not a credential"),
    PROXY_DOMAIN(
            Kind.SETTING,
            "your-domain.example.com",
            "the public host name of the Caddy/nginx override (TLS certificate); DNS publishes it"),
    CERTBOT_EMAIL(Kind.SETTING, "admin@example.com", "Let's Encrypt's contact address (nginx override)"),
    DASHBOARD_USERNAME(Kind.SETTING, "supabase", "the Studio login name; DASHBOARD_PASSWORD is the secret"),
    MINIO_ROOT_USER(Kind.SETTING, "supa-storage", "MinIO's root user name; MINIO_ROOT_PASSWORD is the secret"),
    SMTP_ADMIN_EMAIL(Kind.SETTING, "admin@example.com", "the sender address of auth mails"),
    SMTP_SENDER_NAME(Kind.SETTING, "fake_sender", "the sender's display name"),
    STORAGE_TENANT_ID(Kind.SETTING, "stub", "Storage's tenant id (the S3 session token's project ref)"),
    GLOBAL_S3_BUCKET(Kind.SETTING, "stub", "the bucket (S3 backend) or folder name (file backend)"),
    REGION(Kind.SETTING, "stub", "the S3 region Storage reports"),
    GOOGLE_PROJECT_ID(Kind.SETTING, "GOOGLE_PROJECT_ID", "Logflare's BigQuery project id (unused with Postgres)"),
    GOOGLE_PROJECT_NUMBER(
            Kind.SETTING, "GOOGLE_PROJECT_NUMBER", "Logflare's BigQuery project number (unused with Postgres)");

    /** What key-generator does with a variable. */
    public enum Kind {
        /** generate replaces the public value; verify reports it as an error (exit 3). */
        SECRET,
        /** cannot be generated; generate and verify warn while the public value is left. */
        CREDENTIAL,
        /** not a secret: kept, never reported. */
        SETTING
    }

    private final Kind kind;
    private final String example;
    private final String note;

    PublicDefaults(Kind kind, String example) {
        this(kind, example, "");
    }

    PublicDefaults(Kind kind, String example, String note) {
        this.kind = kind;
        this.example = example;
        this.note = note;
    }

    public Kind kind() {
        return kind;
    }

    /** The value .env.example ships (for the two demo keys a description, not the token). */
    public String example() {
        return example;
    }

    public String note() {
        return note;
    }

    public static List<PublicDefaults> of(Kind kind) {
        return Arrays.stream(values()).filter(d -> d.kind == kind).toList();
    }

    public static Optional<PublicDefaults> forVariable(String name) {
        return Arrays.stream(values()).filter(d -> d.name().equals(name)).findFirst();
    }

    /**
     * Why a credential's value needs attention, or empty: only the very value Supabase's example ships is reported,
     * never the value itself.
     */
    public Optional<String> credentialNotice(String value) {
        if (kind != Kind.CREDENTIAL || !example.equals(value)) {
            return Optional.empty();
        }
        return Optional.of("is Supabase's public example value (" + note + "); key-generator cannot generate it");
    }
}
