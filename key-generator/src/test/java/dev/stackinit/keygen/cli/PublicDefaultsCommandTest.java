package dev.stackinit.keygen.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stackinit.keygen.DemoValues;
import dev.stackinit.keygen.IndependentJwt;
import dev.stackinit.keygen.LegacyKeys;
import dev.stackinit.keygen.PublicDefaults;
import dev.stackinit.keygen.PublicDefaults.Kind;
import dev.stackinit.keygen.io.EnvFile;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every public default of Supabase's current .env.example, as a stack gets it from `cp .env.example .env`: generate
 * replaces each secret, keeps the settings and names the outside credentials; verify names whatever secret is left.
 */
class PublicDefaultsCommandTest {
    private static final Instant NOW = Instant.parse("2026-11-22T10:00:00Z");

    @TempDir
    Path dir;

    private Path env;
    private StringWriter out;
    private StringWriter err;

    @BeforeEach
    void copyOfTheExample() throws Exception {
        // the example's shape: every public value on its own line, the two demo keys signed with the demo secret
        StringBuilder text = new StringBuilder("# a copy of Supabase's docker/.env.example\n");
        for (PublicDefaults value : PublicDefaults.values()) {
            String example = switch (value) {
                case ANON_KEY -> demoKey("anon");
                case SERVICE_ROLE_KEY -> demoKey("service_role");
                default -> value.example();
            };
            text.append(value.name()).append('=').append(example).append('\n');
        }
        text.append("JWT_EXPIRY=3600\nSUPABASE_PUBLIC_URL=http://localhost:8000\n");
        env = dir.resolve(".env");
        Files.writeString(env, text);
    }

    private static String demoKey(String role) {
        return LegacyKeys.token(
                DemoValues.JWT_SECRET,
                Map.of("role", role, "iss", DemoValues.ISSUER, "iat", 1641769200L, "exp", 1799535600L));
    }

    private int run(String... args) {
        out = new StringWriter();
        err = new StringWriter();
        return KeyGeneratorCommand.run(
                Map.of(),
                Clock.fixed(NOW, ZoneOffset.UTC),
                IndependentJwt.seeded(11),
                new PrintWriter(out),
                new PrintWriter(err),
                args);
    }

    private Map<String, String> values() throws Exception {
        return EnvFile.parse("t", Files.readString(env)).values();
    }

    @Test
    void verifyNamesEveryPublicSecretLeftAndExitsThree() {
        assertThat(run("verify", "--env-file", env.toString())).isEqualTo(3);
        for (PublicDefaults secret : PublicDefaults.of(Kind.SECRET)) {
            assertThat(out.toString()).as(secret.name()).containsPattern("(?m)^ERROR +" + secret.name() + ": ");
        }
        assertThat(out.toString())
                .contains("ERROR   MINIO_ROOT_PASSWORD: is a placeholder from Supabase's .env.example")
                .contains("ERROR   S3_PROTOCOL_ACCESS_KEY_ID: is a placeholder")
                .contains("ERROR   S3_PROTOCOL_ACCESS_KEY_SECRET: is a placeholder");
        for (PublicDefaults setting : PublicDefaults.of(Kind.SETTING)) {
            assertThat(out.toString()).as(setting.name()).doesNotContain(setting.name() + ":");
        }
    }

    @Test
    void generateReplacesEverySecretKeepsTheSettingsAndNamesTheCredentials() throws Exception {
        Map<String, String> before = values();
        assertThat(run("generate", "--env-file", env.toString())).isZero();
        Map<String, String> after = values();
        for (PublicDefaults secret : PublicDefaults.of(Kind.SECRET)) {
            assertThat(after.get(secret.name())).as(secret.name()).isNotEmpty().isNotEqualTo(before.get(secret.name()));
        }
        for (PublicDefaults kept : PublicDefaults.values()) {
            if (kept.kind() != Kind.SECRET) {
                assertThat(after.get(kept.name())).as(kept.name()).isEqualTo(before.get(kept.name()));
            }
        }
        assertThat(after.get("MINIO_ROOT_PASSWORD")).hasSize(32).matches("[A-Za-z0-9]+");
        assertThat(after.get("POOLER_TENANT_ID")).isEqualTo("your-tenant-id");
        assertThat(after.get("PROXY_DOMAIN")).isEqualTo("your-domain.example.com");
        for (PublicDefaults credential : PublicDefaults.of(Kind.CREDENTIAL)) {
            assertThat(err.toString())
                    .as(credential.name())
                    .contains("key-generator: warning: " + credential.name() + " is Supabase's public example value");
        }
        assertThat(err.toString()).doesNotContain("fake_mail_password").doesNotContain("sk-proj-");

        // every secret is now real: verify passes and only names the credentials it cannot fix
        assertThat(run("verify", "--env-file", env.toString())).isZero();
        assertThat(out.toString()).doesNotContain("ERROR");
        assertThat(out.toString())
                .contains("WARNING SMTP_PASS: is Supabase's public example value")
                .contains("WARNING OPENAI_API_KEY: is Supabase's public example value");

        // and a second run leaves the file as it is
        String written = Files.readString(env);
        assertThat(run("generate", "--env-file", env.toString())).isZero();
        assertThat(Files.readString(env)).isEqualTo(written);
    }

    @Test
    void aSingleSecretPutBackToItsPublicValueIsNamed() throws Exception {
        assertThat(run("generate", "--env-file", env.toString())).isZero();
        String text = Files.readString(env);
        String minio = values().get("MINIO_ROOT_PASSWORD");
        Files.writeString(env, text.replace("MINIO_ROOT_PASSWORD=" + minio, "MINIO_ROOT_PASSWORD=secret1234"));
        assertThat(run("verify", "--env-file", env.toString())).isEqualTo(3);
        assertThat(out.toString().lines().filter(l -> l.startsWith("ERROR")))
                .containsExactly("ERROR   MINIO_ROOT_PASSWORD: is a placeholder from Supabase's .env.example");
        assertThat(run("generate", "--env-file", env.toString())).isZero();
        assertThat(out.toString()).contains("MINIO_ROOT_PASSWORD");
        assertThat(values().get("MINIO_ROOT_PASSWORD")).isNotEqualTo("secret1234");
    }
}
