package dev.stackinit.keygen.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.stackinit.keygen.IndependentJwt;
import dev.stackinit.keygen.MongoValues;
import dev.stackinit.keygen.io.EnvFile;
import dev.stackinit.keygen.io.StackLock;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KeyGeneratorCommandTest {
    private static final Instant NOW = Instant.parse("2026-11-22T10:00:00Z");
    private static final String SECRET = "a-test-secret-that-is-long-enough-for-hs256";

    @TempDir
    Path dir;

    private StringWriter out;
    private StringWriter err;
    private Instant now = NOW;

    private int run(Map<String, String> env, String... args) {
        out = new StringWriter();
        err = new StringWriter();
        return KeyGeneratorCommand.run(
                env,
                Clock.fixed(now, ZoneOffset.UTC),
                IndependentJwt.seeded(42),
                new PrintWriter(out),
                new PrintWriter(err),
                args);
    }

    private int run(String... args) {
        return run(Map.of(), args);
    }

    private Path fixture(String name, String as) throws IOException {
        try (InputStream in = getClass().getResourceAsStream("/fixtures/" + name)) {
            Path file = dir.resolve(as);
            Files.write(file, in.readAllBytes());
            return file;
        }
    }

    private Map<String, String> values(Path file) throws IOException {
        return EnvFile.parse("t", Files.readString(file)).values();
    }

    /** Every secret-looking value of the stack must stay out of what the tool printed (names such as users are fine). */
    private void assertNoValueOf(Map<String, String> values, String printed) {
        values.forEach((name, value) -> {
            if (value.length() >= 8 && !value.startsWith("http") && !MongoValues.INPUTS.contains(name)) {
                assertThat(printed).as(name).doesNotContain(value);
            }
        });
    }

    @Test
    void theFastVersionLineIsWhatPicocliPrints() {
        assertThat(run("--version")).isZero();
        String picocli = out.toString().strip();
        assertThat(picocli).startsWith("key-generator ").contains("(Java ");
        assertThat(dev.stackinit.cli.VersionProvider.line("key-generator")).isEqualTo(picocli);
    }

    @Test
    void helpListsCommandsExitCodesAndVariables() {
        assertThat(run("--help")).isZero();
        assertThat(out.toString()).contains("generate", "verify", "token", "Exit codes:");
        assertThat(run("generate", "--help")).isZero();
        assertThat(out.toString())
                .contains("--jwt-secret  <-  KEY_GENERATOR_JWT_SECRET, JWT_SECRET")
                .contains("--env-file  <-  KEY_GENERATOR_ENV_FILE");
        assertThat(run("--version")).isZero();
        assertThat(out.toString()).startsWith("key-generator ");
    }

    @Test
    void usageErrorsExitTwoWithOneLine() {
        assertThat(run()).isEqualTo(2);
        assertThat(err.toString()).startsWith("key-generator: Missing command");
        assertThat(run("generate", "--nope")).isEqualTo(2);
        assertThat(run("generate", "--expires-in", "soon")).isEqualTo(2);
        assertThat(err.toString()).contains("not a duration");
        assertThat(run("generate", "--format", "yaml")).isEqualTo(2);
        assertThat(run("generate", "--rotate")).isEqualTo(2);
        assertThat(run("generate", "--env-file", dir.resolve(".env").toString(), "--format", "k8s-secret"))
                .isEqualTo(2);
        assertThat(run(Map.of("JWT_SECRET", SECRET), "generate", "--rotate", "--env-file", "x.env"))
                .isEqualTo(2);
        assertThat(run("token")).isEqualTo(2);
        assertThat(err.toString()).contains("no JWT secret");
    }

    @Test
    void theJwtSecretOnTheCommandLineIsAcceptedWithAWarningThatNamesTheSaferWay() {
        assertThat(run("generate", "--jwt-secret", SECRET)).isZero();
        assertThat(err.toString().strip())
                .isEqualTo("key-generator: warning: --jwt-secret carries a credential on the command line, where other"
                        + " users of this machine can read it (ps, shell history); set KEY_GENERATOR_JWT_SECRET in the"
                        + " environment or use --jwt-secret-file");
        assertThat(EnvFile.parse("out", out.toString()).values()).containsEntry("JWT_SECRET", SECRET);
    }

    @Test
    void generatePrintsDotenvSignedWithTheSecretFromTheEnvironment() throws Exception {
        assertThat(run(Map.of("JWT_SECRET", SECRET), "generate")).isZero();
        Map<String, String> values = EnvFile.parse("out", out.toString()).values();
        assertThat(values).containsEntry("JWT_SECRET", SECRET).containsKeys("ANON_KEY", "VAULT_ENC_KEY");
        assertThat(IndependentJwt.hs256Verifies(values.get("ANON_KEY"), SECRET)).isTrue();
        assertThat(err.toString()).isEmpty();
    }

    @Test
    void theSecretFileAliasWorksAndAMissingFileIsExitThree() throws Exception {
        Path secretFile = dir.resolve("secret");
        Files.writeString(secretFile, SECRET + "\n");
        assertThat(run(Map.of("JWT_SECRET_FILE", secretFile.toString()), "generate", "--format", "json"))
                .isZero();
        @SuppressWarnings("unchecked")
        Map<String, String> json = new ObjectMapper().readValue(out.toString(), Map.class);
        assertThat(json).containsEntry("JWT_SECRET", SECRET);
        assertThat(run("generate", "--jwt-secret-file", dir.resolve("nope").toString()))
                .isEqualTo(3);
    }

    @Test
    void k8sSecretIsAManifestWithStringData() throws Exception {
        assertThat(run("generate", "--format", "k8s-secret", "--namespace", "supa", "--asymmetric"))
                .isZero();
        @SuppressWarnings("unchecked")
        Map<String, Object> manifest = new ObjectMapper(new YAMLFactory()).readValue(out.toString(), Map.class);
        assertThat(manifest).containsEntry("kind", "Secret").containsEntry("apiVersion", "v1");
        @SuppressWarnings("unchecked")
        Map<String, String> data = (Map<String, String>) manifest.get("stringData");
        assertThat(data).containsKeys("JWT_SECRET", "ANON_KEY", "JWT_KEYS", "SUPABASE_SECRET_KEY");
        assertThat(data.get("JWT_KEYS")).startsWith("[{\"kty\":\"EC\"");
    }

    @Test
    void generateIntoFilesPrintsNamesNeverValuesAndVerifyPasses() throws Exception {
        Path env = fixture("supabase-example.env", ".env");
        Path mapping = fixture("env-mapping.yml", "env-mapping.yml");
        assertThat(run("generate", "--env-file", env.toString(), "--mapping", mapping.toString()))
                .isZero();
        assertThat(out.toString())
                .contains("set JWT_SECRET, ANON_KEY, SERVICE_ROLE_KEY")
                .contains("created, set");
        Map<String, String> values = values(env);
        values.putAll(values(dir.resolve("stackend.env")));
        assertNoValueOf(values, out.toString() + err.toString());

        assertThat(run("verify", "--env-file", env.toString(), "--mapping", mapping.toString()))
                .isZero();
        assertThat(out.toString()).contains("ok: keys and secrets verified");
        assertNoValueOf(values, out.toString() + err.toString());

        assertThat(run("generate", "--env-file", env.toString(), "--mapping", mapping.toString()))
                .isZero();
        assertThat(out.toString()).contains("0 changes");
    }

    @Test
    void theEnvFileComesFromTheToolVariable() throws Exception {
        Path env = fixture("supabase-example.env", ".env");
        assertThat(run(Map.of("KEY_GENERATOR_ENV_FILE", env.toString()), "generate"))
                .isZero();
        assertThat(values(env).get("JWT_SECRET")).hasSize(40);
    }

    @Test
    void verifyFlagsTheDemoFixtureWithExitThreeAndTheFixCommand() throws Exception {
        Path env = fixture("supabase-example.env", ".env");
        assertThat(run("verify", "--env-file", env.toString())).isEqualTo(3);
        assertThat(out.toString())
                .contains("ERROR   JWT_SECRET: is Supabase's public demo secret")
                .contains("ERROR   ANON_KEY: is Supabase's public demo key");
        assertThat(err.toString()).contains("problem(s) found; fix with: key-generator generate --env-file");
        assertNoValueOf(values(env), out.toString() + err.toString());
    }

    @Test
    void verifyExitsThreeWhenAMappedValueDiffers() throws Exception {
        Path env = fixture("supabase-example.env", ".env");
        Path mapping = fixture("env-mapping.yml", "env-mapping.yml");
        run("generate", "--env-file", env.toString(), "--mapping", mapping.toString());
        Path web = dir.resolve("stackweb.env");
        Files.writeString(
                web,
                Files.readString(web)
                        .replaceFirst("NEXT_PUBLIC_SUPABASE_ANON_KEY=ey", "NEXT_PUBLIC_SUPABASE_ANON_KEY=xy"));
        assertThat(run("verify", "--env-file", env.toString(), "--mapping", mapping.toString()))
                .isEqualTo(3);
        assertThat(out.toString())
                .containsPattern("stackweb.env NEXT_PUBLIC_SUPABASE_ANON_KEY: differs from ANON_KEY in \\S*\\.env\\n");
    }

    @Test
    void anUnknownSourceVariableInTheMappingIsExitThree() throws Exception {
        Path env = fixture("supabase-example.env", ".env");
        String before = Files.readString(env);
        Path mapping = dir.resolve("m.yml");
        Files.writeString(mapping, "source: .env\ntargets:\n  - file: b.env\n    vars:\n      A: NO_SUCH_VAR\n");
        assertThat(run("generate", "--mapping", mapping.toString())).isEqualTo(3);
        assertThat(Files.readString(env)).isEqualTo(before);
        Files.writeString(mapping, "source: .env\nextra: 1\n");
        assertThat(run("generate", "--mapping", mapping.toString())).isEqualTo(3);
    }

    @Test
    void verifyReadsTheEnvironmentWhenNoFileIsGivenAndWarnsBeforeExpiry() {
        run(Map.of("JWT_SECRET", SECRET), "generate");
        Map<String, String> env =
                new HashMap<>(EnvFile.parse("out", out.toString()).values());
        assertThat(run(env, "verify")).isZero();
        now = NOW.plus(Duration.ofDays(5 * 365 - 20));
        assertThat(run(env, "verify")).isZero();
        assertThat(out.toString()).contains("WARNING ANON_KEY: expires on").contains("(20 days left)");
        now = NOW;
        String anon = env.get("ANON_KEY");
        env.put("ANON_KEY", env.get("SERVICE_ROLE_KEY"));
        env.put("SERVICE_ROLE_KEY", anon);
        assertThat(run(env, "verify")).isEqualTo(3);
        assertThat(out.toString()).contains("has role service_role, expected anon");
        assertThat(err.toString()).doesNotContain(SECRET).doesNotContain(anon);
    }

    @Test
    void theExpiryWarningThresholdIsADurationAndTheOldDaysSpellingStillWorks() {
        run(Map.of("JWT_SECRET", SECRET), "generate");
        Map<String, String> env =
                new HashMap<>(EnvFile.parse("out", out.toString()).values());
        now = NOW.plus(Duration.ofDays(5 * 365 - 20));
        assertThat(run(env, "verify", "--warn-before", "21d")).isZero();
        assertThat(out.toString()).contains("WARNING ANON_KEY: expires on");
        assertThat(run(env, "verify", "--warn-before", "2w")).isZero();
        assertThat(out.toString()).doesNotContain("WARNING");
        assertThat(run(env, "verify", "--warn-days", "10")).isZero();
        assertThat(out.toString()).doesNotContain("WARNING");
        assertThat(run(env, "verify", "--warn-days", "21")).isZero();
        assertThat(out.toString()).contains("WARNING ANON_KEY: expires on");
        // the old variable still works; the new one wins when both are set
        Map<String, String> oldVariable = new HashMap<>(env);
        oldVariable.put("KEY_GENERATOR_WARN_DAYS", "10");
        assertThat(run(oldVariable, "verify")).isZero();
        assertThat(out.toString()).doesNotContain("WARNING");
        assertThat(err.toString()).doesNotContain("KEY_GENERATOR_WARN_DAYS");
        oldVariable.put("KEY_GENERATOR_WARN_BEFORE", "21d");
        assertThat(run(oldVariable, "verify")).isZero();
        assertThat(out.toString()).contains("WARNING ANON_KEY: expires on");
        assertThat(run(env, "verify", "--warn-days", "10", "--warn-before", "21d"))
                .isEqualTo(2);
        assertThat(err.toString()).contains("--warn-days is the old spelling of --warn-before");
        assertThat(run("verify", "--help")).isZero();
        assertThat(out.toString()).contains("--warn-before=DURATION").doesNotContain("--warn-days");
    }

    @Test
    void tokenMintsAVerifiableUserToken() throws Exception {
        assertThat(run(
                        Map.of("JWT_SECRET", SECRET),
                        "token",
                        "--sub",
                        "7f1c0e4a-0000-4000-8000-000000000001",
                        "--email",
                        "ci@example.com",
                        "--claim",
                        "app_metadata={\"tier\":\"pro\"}",
                        "--claim",
                        "level=3",
                        "--expires-in",
                        "10m"))
                .isZero();
        String token = out.toString().strip();
        assertThat(IndependentJwt.hs256Verifies(token, SECRET)).isTrue();
        Map<String, Object> payload = IndependentJwt.payload(token);
        assertThat(payload)
                .containsEntry("role", "authenticated")
                .containsEntry("aud", "authenticated")
                .containsEntry("email", "ci@example.com")
                .containsEntry("level", 3)
                .containsEntry("app_metadata", Map.of("tier", "pro"));
        assertThat(((Number) payload.get("exp")).longValue() - ((Number) payload.get("iat")).longValue())
                .isEqualTo(600);
        assertThat(err.toString()).isEmpty();
    }

    @Test
    void tokenReadsTheSecretFromAnEnvFileAndRefusesAShortOne() throws Exception {
        Path env = dir.resolve("s.env");
        Files.writeString(env, "JWT_SECRET=" + SECRET + "\n");
        assertThat(run("token", "--env-file", env.toString(), "--role", "service_role"))
                .isZero();
        assertThat(IndependentJwt.hs256Verifies(out.toString().strip(), SECRET)).isTrue();
        assertThat(run(Map.of("JWT_SECRET", "short-secret"), "token")).isEqualTo(3);
        assertThat(err.toString()).contains("at least 32").doesNotContain("short-secret");
    }

    @Test
    void aMalformedEnvFileIsExitThreeAndUntouched() throws Exception {
        Path env = dir.resolve(".env");
        Files.writeString(env, "JWT_SECRET=\nthis line is broken\n", StandardCharsets.UTF_8);
        assertThat(run("generate", "--env-file", env.toString())).isEqualTo(3);
        assertThat(err.toString()).contains(".env:2: not a VARIABLE=value line");
        assertThat(Files.readString(env)).isEqualTo("JWT_SECRET=\nthis line is broken\n");
        assertThat(run("verify", "--env-file", dir.resolve("missing.env").toString()))
                .isEqualTo(3);
    }

    @Test
    void theShippedSamplesWorkEndToEnd() throws Exception {
        for (String name : new String[] {".env", "env-mapping.yml", "stackend.env", "stackweb.env"}) {
            Files.copy(Path.of("samples", name), dir.resolve(name));
        }
        String mapping = dir.resolve("env-mapping.yml").toString();
        assertThat(run("verify", "--mapping", mapping)).isEqualTo(3);
        assertThat(run("generate", "--mapping", mapping)).isZero();
        assertThat(run("verify", "--mapping", mapping)).isZero();
        assertThat(values(dir.resolve("stackweb.env")))
                .containsEntry("NEXT_PUBLIC_SUPABASE_URL", "http://localhost:8000")
                .doesNotContainKey("SUPABASE_SERVICE_ROLE_KEY");
        assertThat(Files.readString(dir.resolve("stackend.env"))).startsWith("# Backend (stackend)");
    }

    @Test
    void theComposeFirstRunFillsTheMongoSecretsAndTheAppUri() throws Exception {
        // README: cp .env.example .env && key-generator generate --env-file .env --mapping env-mapping.yml (in
        // compose/)
        Path compose = Path.of("..", "compose");
        Files.copy(compose.resolve(".env.example"), dir.resolve(".env"));
        Files.copy(compose.resolve("env-mapping.yml"), dir.resolve("env-mapping.yml"));
        Path env = dir.resolve(".env");

        assertThat(run(
                        "generate",
                        "--env-file",
                        env.toString(),
                        "--mapping",
                        dir.resolve("env-mapping.yml").toString()))
                .as(err.toString())
                .isZero();

        Map<String, String> values = values(env);
        assertThat(values.get("MONGO_KEYFILE")).hasSizeBetween(6, 1024).matches("[A-Za-z0-9+/]+={0,2}");
        assertThat(values.get("MONGO_ROOT_PASSWORD")).hasSizeGreaterThanOrEqualTo(16);
        assertThat(values.get("MONGO_APP_PASSWORD"))
                .hasSizeGreaterThanOrEqualTo(16)
                .isNotEqualTo(values.get("MONGO_ROOT_PASSWORD"));
        String uri = values(dir.resolve("stackend.env")).get("MONGO_URL");
        assertThat(uri)
                .isEqualTo(values.get("MONGO_APP_URI"))
                .isEqualTo("mongodb://" + values.get("MONGO_APP_USERNAME") + ":" + values.get("MONGO_APP_PASSWORD")
                        + "@"
                        + values.get("MONGO_MEMBER_HOST") + "/" + values.get("MONGO_APP_DATABASE") + "?replicaSet="
                        + values.get("MONGO_REPLICA_SET") + "&authSource=admin");
        assertThat(out.toString()).contains("MONGO_KEYFILE", "MONGO_ROOT_PASSWORD", "MONGO_APP_URI", "MONGO_URL");
        Map<String, String> all = new HashMap<>(values);
        all.putAll(values(dir.resolve("stackend.env")));
        assertNoValueOf(all, out.toString() + err.toString());

        assertThat(run(
                        "verify",
                        "--env-file",
                        env.toString(),
                        "--mapping",
                        dir.resolve("env-mapping.yml").toString()))
                .as(out.toString())
                .isZero();
        assertThat(run(
                        "generate",
                        "--env-file",
                        env.toString(),
                        "--mapping",
                        dir.resolve("env-mapping.yml").toString()))
                .isZero();
        assertThat(out.toString()).contains("0 changes");
    }

    @Test
    void aChangedAppPasswordRebuildsTheUriEverywhereAndAStaleCopyFailsVerify() throws Exception {
        Path env = dir.resolve(".env");
        Files.writeString(env, "MONGO_APP_PASSWORD=\n");
        Path mapping = dir.resolve("env-mapping.yml");
        Files.writeString(mapping, "source: .env\ntargets:\n  - file: app.env\n    vars: {MONGO_URL: MONGO_APP_URI}\n");
        assertThat(run("generate", "--mapping", mapping.toString())).isZero();
        String first = values(dir.resolve("app.env")).get("MONGO_URL");

        // rotation of the app password: empty it and generate again
        Files.writeString(env, Files.readString(env).replaceFirst("MONGO_APP_PASSWORD=\\S+", "MONGO_APP_PASSWORD="));
        assertThat(run("generate", "--mapping", mapping.toString())).isZero();
        assertThat(out.toString())
                .contains("set MONGO_APP_PASSWORD, MONGO_APP_URI")
                .contains("app.env: set MONGO_URL");
        String second = values(dir.resolve("app.env")).get("MONGO_URL");
        assertThat(second).isNotEqualTo(first).isEqualTo(values(env).get("MONGO_APP_URI"));

        Files.writeString(dir.resolve("app.env"), "MONGO_URL=" + first + "\n");
        assertThat(run("verify", "--mapping", mapping.toString())).isEqualTo(3);
        assertThat(out.toString()).contains("app.env MONGO_URL: differs from MONGO_APP_URI");
        assertNoValueOf(Map.of("a", first, "b", second), out.toString() + err.toString());
    }

    @Test
    void printingAFreshSetBuildsTheUriFromTheEnvironment() {
        assertThat(run(Map.of("MONGO_MEMBER_HOST", "mongo-0.mongo:27017"), "generate"))
                .isZero();
        assertThat(out.toString())
                .contains("MONGO_MEMBER_HOST=mongo-0.mongo:27017\n")
                .containsPattern("MONGO_APP_URI=mongodb://stackend:[A-Za-z0-9]{32}@mongo-0.mongo:27017/stackend"
                        + "\\?replicaSet=rs0&authSource=admin\n")
                .containsPattern("MONGO_KEYFILE=[A-Za-z0-9]{1008}\n");
    }

    @Test
    void generateWritesThroughASymlinkedEnvFile() throws Exception {
        Path real = fixture("supabase-example.env", "real.env");
        Path link = Files.createSymbolicLink(dir.resolve(".env"), real.getFileName());
        assertThat(run("generate", "--env-file", link.toString())).isZero();
        assertThat(Files.isSymbolicLink(link)).isTrue();
        Map<String, String> values = values(real);
        assertThat(values.get("JWT_SECRET")).isNotEqualTo(dev.stackinit.keygen.DemoValues.JWT_SECRET);
        assertThat(run("verify", "--env-file", link.toString())).isZero();
    }

    @Test
    void generateKeepsTheOwnerOfAnotherUsersFile() throws Exception {
        org.assertj.core.api.Assumptions.assumeThat(System.getProperty("user.name"))
                .as("only root can hand a file to another user")
                .isEqualTo("root");
        Path env = fixture("supabase-example.env", ".env");
        Files.setAttribute(env, "unix:uid", 1234);
        Files.setAttribute(env, "unix:gid", 1234);
        assertThat(run("generate", "--env-file", env.toString())).isZero();
        assertThat(Files.getAttribute(env, "unix:uid")).isEqualTo(1234);
        assertThat(Files.getAttribute(env, "unix:gid")).isEqualTo(1234);
        assertThat(run("verify", "--env-file", env.toString())).isZero();
    }

    @Test
    void aMissingEnvFileIsExitThreeUnlessCreateIsGiven() throws Exception {
        Path env = dir.resolve(".env");
        assertThat(run("generate", "--env-file", env.toString())).isEqualTo(3);
        assertThat(err.toString().lines())
                .singleElement()
                .asString()
                .contains("does not exist: copy the example first")
                .contains("--create");
        assertThat(env).doesNotExist();
        assertThat(run("generate", "--create", "--env-file", env.toString())).isZero();
        assertThat(run("verify", "--env-file", env.toString())).isZero();
    }

    @Test
    void waitTimeoutIsHowLongEveryCommandWaitsForAnotherRunHoldingTheFiles() throws Exception {
        Path env = fixture("supabase-example.env", ".env");
        assertThat(run("generate", "--env-file", env.toString(), "--wait-timeout", "2s"))
                .isZero();
        assertThat(run("verify", "--env-file", env.toString(), "--wait-timeout", "2s"))
                .isZero();
        assertThat(run("token", "--env-file", env.toString(), "--wait-timeout", "2s"))
                .isZero();
        String before = Files.readString(env);
        try (StackLock held = StackLock.acquire(java.util.List.of(env), lock -> {}, Duration.ofSeconds(1))) {
            assertThat(run("generate", "--env-file", env.toString(), "--rotate", "--wait-timeout", "300ms"))
                    .isEqualTo(4);
            assertThat(err.toString())
                    .contains("waiting for another run to finish")
                    .contains("for more than 300ms (--wait-timeout); no file was changed");
            assertThat(run("verify", "--env-file", env.toString(), "--wait-timeout", "300ms"))
                    .isEqualTo(4);
        }
        assertThat(Files.readString(env)).isEqualTo(before);
        assertThat(run("verify", "--env-file", env.toString(), "--wait-timeout", "-1"))
                .isEqualTo(2);
    }
}
