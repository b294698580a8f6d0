package dev.stackinit.keygen.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stackinit.errors.InvalidInputException;
import dev.stackinit.keygen.DemoValues;
import dev.stackinit.keygen.GenerateRequest;
import dev.stackinit.keygen.IndependentJwt;
import dev.stackinit.keygen.KeyPlanner;
import dev.stackinit.keygen.KeyVerifier;
import dev.stackinit.keygen.RandomText;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EnvUpdaterTest {
    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-22T10:00:00Z"), ZoneOffset.UTC);

    @TempDir
    Path dir;

    private int seed = 11;

    static String fixture(String name) throws IOException {
        try (InputStream in = EnvUpdaterTest.class.getResourceAsStream("/fixtures/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private EnvUpdater.Result generate(boolean rotate, Path mapping, Path... envFiles) {
        StackFiles stack = StackFiles.load(List.of(envFiles), Optional.ofNullable(mapping), new EnvFileStore(), false);
        KeyPlanner planner = new KeyPlanner(CLOCK, new RandomText(IndependentJwt.seeded(seed++)));
        return new EnvUpdater(planner, new EnvFileStore())
                .update(
                        stack,
                        new GenerateRequest(Map.of(), Optional.empty(), rotate, false, Duration.ofDays(1825)),
                        false);
    }

    private Map<String, String> values(Path file) throws IOException {
        return EnvFile.parse("t", Files.readString(file)).values();
    }

    @Test
    void replacesTheDemoValuesAndKeepsEverythingElse() throws Exception {
        Path env = dir.resolve(".env");
        String before = fixture("supabase-example.env");
        Files.writeString(env, before);
        generate(false, null, env);
        String after = Files.readString(env);
        Map<String, String> values = values(env);
        assertThat(values.get("JWT_SECRET")).isNotEqualTo(DemoValues.JWT_SECRET).hasSize(40);
        assertThat(DemoValues.isDemoKey(values.get("ANON_KEY"))).isFalse();
        assertThat(IndependentJwt.hs256Verifies(values.get("ANON_KEY"), values.get("JWT_SECRET")))
                .isTrue();
        assertThat(IndependentJwt.hs256Verifies(values.get("SERVICE_ROLE_KEY"), values.get("JWT_SECRET")))
                .isTrue();
        assertThat(values.get("POSTGRES_PASSWORD")).matches("[A-Za-z0-9]{32}");
        assertThat(values.get("VAULT_ENC_KEY")).hasSize(32).doesNotStartWith("your-");
        // every line that is not a replaced secret is unchanged, in the same place
        List<String> oldLines = before.lines().toList();
        List<String> newLines = after.lines().toList();
        for (int i = 0; i < oldLines.size(); i++) {
            String old = oldLines.get(i);
            boolean secret = old.matches("(POSTGRES_PASSWORD|JWT_SECRET|ANON_KEY|SERVICE_ROLE_KEY|DASHBOARD_PASSWORD"
                    + "|SECRET_KEY_BASE|VAULT_ENC_KEY|PG_META_CRYPTO_KEY|LOGFLARE_\\w+)=.*");
            if (secret) {
                assertThat(newLines.get(i))
                        .startsWith(old.substring(0, old.indexOf('=') + 1))
                        .isNotEqualTo(old);
            } else {
                assertThat(newLines.get(i)).isEqualTo(old);
            }
        }
        assertThat(values)
                .containsEntry("POOLER_TENANT_ID", "your-tenant-id")
                .containsEntry("DASHBOARD_USERNAME", "supabase");
        // variables the example lacks are appended at the end
        assertThat(newLines.subList(oldLines.size(), newLines.size()))
                .contains("# added by key-generator")
                .anyMatch(l -> l.startsWith("REALTIME_DB_ENC_KEY="));
        assertThat(new KeyVerifier(CLOCK)
                        .verify(new dev.stackinit.keygen.VerifyRequest(values, false, Duration.ofDays(30))))
                .isEmpty();
    }

    @Test
    void aSecondRunLeavesTheFileByteIdentical() throws Exception {
        Path env = dir.resolve(".env");
        Files.writeString(env, fixture("supabase-example.env"));
        generate(false, null, env);
        byte[] first = Files.readAllBytes(env);
        EnvUpdater.Result second = generate(false, null, env);
        assertThat(Files.readAllBytes(env)).isEqualTo(first);
        assertThat(second.changedAnything()).isFalse();
        assertThat(second.written()).isFalse();
    }

    @Test
    void realValuesAreKeptAndANewSecretReSignsTheKeys() throws Exception {
        Path env = dir.resolve(".env");
        Files.writeString(env, "POSTGRES_PASSWORD=myRealPassword123\nJWT_SECRET=\nANON_KEY=\n");
        generate(false, null, env);
        Map<String, String> values = values(env);
        assertThat(values).containsEntry("POSTGRES_PASSWORD", "myRealPassword123");
        assertThat(values).containsKey("SERVICE_ROLE_KEY");
        assertThat(IndependentJwt.hs256Verifies(values.get("SERVICE_ROLE_KEY"), values.get("JWT_SECRET")))
                .isTrue();
    }

    @Test
    void rotateChangesTheSecretAndBothKeys() throws Exception {
        Path env = dir.resolve(".env");
        Files.writeString(env, fixture("supabase-example.env"));
        generate(false, null, env);
        Map<String, String> first = values(env);
        generate(true, null, env);
        Map<String, String> rotated = values(env);
        for (String name : List.of("JWT_SECRET", "ANON_KEY", "SERVICE_ROLE_KEY", "POSTGRES_PASSWORD")) {
            assertThat(rotated.get(name)).as(name).isNotEqualTo(first.get(name));
        }
        assertThat(IndependentJwt.hs256Verifies(rotated.get("ANON_KEY"), rotated.get("JWT_SECRET")))
                .isTrue();
        assertThat(rotated).containsEntry("SITE_URL", "http://localhost:3000");
    }

    @Test
    void everyonesAccessIsDroppedAndTheRestOfTheModeKept() throws Exception {
        Path env = dir.resolve(".env");
        Files.writeString(env, "JWT_SECRET=\n");
        Files.setPosixFilePermissions(env, PosixFilePermissions.fromString("rw-r--r--"));
        generate(false, null, env);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(env)))
                .isEqualTo("rw-r-----");
        try (var leftovers = Files.list(dir)) {
            assertThat(leftovers.map(p -> p.getFileName().toString())).containsExactly(".env");
        }
    }

    @Test
    void theMappingCopiesValuesIntoTargetsAndKeepsTheirOtherLines() throws Exception {
        Path env = dir.resolve(".env");
        Files.writeString(env, fixture("supabase-example.env"));
        Files.writeString(dir.resolve("stackend.env"), "# backend\nPORT=8080\nSUPABASE_ANON_KEY=old\n");
        Path mapping = dir.resolve("env-mapping.yml");
        Files.writeString(mapping, fixture("env-mapping.yml"));
        EnvUpdater.Result result = generate(false, mapping);
        Map<String, String> source = values(env);
        Map<String, String> backend = values(dir.resolve("stackend.env"));
        Map<String, String> web = values(dir.resolve("stackweb.env"));
        assertThat(backend)
                .containsEntry("PORT", "8080")
                .containsEntry("SUPABASE_ANON_KEY", source.get("ANON_KEY"))
                .containsEntry("SUPABASE_SERVICE_ROLE_KEY", source.get("SERVICE_ROLE_KEY"))
                .containsEntry("SUPABASE_URL", "http://localhost:8000");
        assertThat(Files.readString(dir.resolve("stackend.env")))
                .startsWith("# backend\nPORT=8080\nSUPABASE_ANON_KEY=ey");
        assertThat(web)
                .containsEntry("NEXT_PUBLIC_SUPABASE_ANON_KEY", source.get("ANON_KEY"))
                .doesNotContainKey("SERVICE_ROLE_KEY");
        assertThat(result.files()).extracting(EnvUpdater.FileResult::created).containsExactly(false, false, true);
        assertThat(generate(false, mapping).changedAnything()).isFalse();
    }

    @Test
    void anUnknownSourceVariableChangesNoFile() throws Exception {
        Path env = dir.resolve(".env");
        String original = fixture("supabase-example.env");
        Files.writeString(env, original);
        Path mapping = dir.resolve("m.yml");
        Files.writeString(mapping, "source: .env\ntargets:\n  - file: web.env\n    vars:\n      X: NOT_DEFINED\n");
        assertThatThrownBy(() -> generate(false, mapping))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("X maps from NOT_DEFINED");
        assertThat(Files.readString(env)).isEqualTo(original);
        assertThat(dir.resolve("web.env")).doesNotExist();
    }

    @Test
    void anUnwritableTargetChangesNoFile() throws Exception {
        Path env = dir.resolve(".env");
        String original = fixture("supabase-example.env");
        Files.writeString(env, original);
        Path mapping = dir.resolve("m.yml");
        Files.writeString(
                mapping, "source: .env\ntargets:\n  - file: missing-folder/web.env\n    vars:\n      X: ANON_KEY\n");
        assertThatThrownBy(() -> generate(false, mapping))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("no file was changed");
        assertThat(Files.readString(env)).isEqualTo(original);
        try (var files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder(".env", "m.yml");
        }
    }

    @Test
    void conflictingSecretsInTwoFilesAreRefused() throws Exception {
        Path a = dir.resolve("a.env");
        Path b = dir.resolve("b.env");
        Files.writeString(a, "JWT_SECRET=" + "a".repeat(40) + "\n");
        Files.writeString(b, "JWT_SECRET=" + "b".repeat(40) + "\n");
        assertThatThrownBy(() -> generate(false, null, a, b))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("JWT_SECRET differs between");
        assertThat(Files.readString(a)).isEqualTo("JWT_SECRET=" + "a".repeat(40) + "\n");
    }

    @Test
    void aShortExistingSecretIsRefused() throws Exception {
        Path env = dir.resolve(".env");
        Files.writeString(env, "JWT_SECRET=short-secret\n");
        assertThatThrownBy(() -> generate(false, null, env))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("JWT_SECRET must be at least 32 characters");
        assertThat(Files.readString(env)).isEqualTo("JWT_SECRET=short-secret\n");
    }
}
