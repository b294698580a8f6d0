package dev.stackinit.compose;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * kong/kong-entrypoint.sh with this machine's sh and awk (Kong's image brings busybox's): it renders what
 * {@link KongTemplate} renders — the text KongKeyTranslationTest runs — keeps the keys from other users, and stops on a
 * variable that is unset or would break the YAML or the Lua, before starting Kong.
 */
class KongEntrypointIT {
    private static final Path SCRIPT = StackFiles.MODULE.resolve("kong/kong-entrypoint.sh");

    @TempDir
    Path dir;

    record Run(int exit, String stderr, String stdout) {}

    @BeforeAll
    static void shellAndAwk() {
        assumeTrue(
                ComposeSpecSchema.onPath("sh").isPresent()
                        && ComposeSpecSchema.onPath("awk").isPresent(),
                "sh or awk is not on the PATH");
    }

    private static Map<String, String> env(boolean asymmetric) {
        Map<String, String> env = new HashMap<>();
        env.put("SUPABASE_ANON_KEY", "eyJhbGciOiJIUzI1NiJ9.eyJyb2xlIjoiYW5vbiJ9.sig-anon");
        env.put("SUPABASE_SERVICE_KEY", "eyJhbGciOiJIUzI1NiJ9.eyJyb2xlIjoic2VydmljZV9yb2xlIn0.sig-svc");
        env.put("SUPABASE_PUBLISHABLE_KEY", asymmetric ? "sb_publishable_-AbC_dEfGhIjKlMnOpQrSt_a1B2c3D4" : "");
        env.put("SUPABASE_SECRET_KEY", asymmetric ? "sb_secret__ZyXwVuTsRqPoNmLkJiHg-_87654321" : "");
        env.put("ANON_KEY_ASYMMETRIC", asymmetric ? "eyJhbGciOiJFUzI1NiJ9.eyJyb2xlIjoiYW5vbiJ9.es-anon" : "");
        env.put("SERVICE_ROLE_KEY_ASYMMETRIC", asymmetric ? "eyJhbGciOiJFUzI1NiJ9.e30.es-svc" : "");
        env.put("DASHBOARD_USERNAME", "supabase");
        env.put("DASHBOARD_PASSWORD", "Dashboard1x");
        return env;
    }

    private Run run(Map<String, String> variables, Path output) throws Exception {
        ProcessBuilder builder = new ProcessBuilder(
                List.of("sh", SCRIPT.toString(), "sh", "-c", "echo started with $KONG_DECLARATIVE_CONFIG"));
        builder.environment().clear();
        builder.environment().put("PATH", System.getenv("PATH"));
        builder.environment().putAll(variables);
        builder.environment().put("KONG_TEMPLATE", StackFiles.KONG_FILE.toString());
        builder.environment().put("KONG_DECLARATIVE_CONFIG", output.toString());
        Process process = builder.directory(dir.toFile()).start();
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        return new Run(
                process.exitValue(),
                new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8),
                new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
    }

    @Test
    void itRendersWhatTheUnitTestsCheckThenStartsKong() throws Exception {
        for (boolean asymmetric : List.of(false, true)) {
            Path output = dir.resolve("kong-" + asymmetric + ".yml");
            Run run = run(env(asymmetric), output);
            assertThat(run.exit()).as(run.stderr()).isZero();
            assertThat(run.stdout()).isEqualTo("started with " + output + "\n");
            assertThat(Files.readString(output)).isEqualTo(KongTemplate.render(env(asymmetric)));
            assertThat(Files.getPosixFilePermissions(output))
                    .as("the rendered file holds the keys")
                    .isEqualTo(Set.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE));
        }
        assertThat(Files.readString(dir.resolve("kong-false.yml"))).doesNotContain("- key: \n");
        assertThat(KongTemplate.parse(Files.readString(dir.resolve("kong-true.yml")))
                        .path("consumers")
                        .findValuesAsText("key"))
                .contains(
                        "sb_publishable_-AbC_dEfGhIjKlMnOpQrSt_a1B2c3D4", "sb_secret__ZyXwVuTsRqPoNmLkJiHg-_87654321");
    }

    @Test
    void anUnsetVariableStopsKongFromStartingAndSaysWhich() throws Exception {
        Map<String, String> variables = env(true);
        variables.remove("ANON_KEY_ASYMMETRIC");
        Path output = dir.resolve("kong.yml");
        Run run = run(variables, output);
        assertThat(run.exit()).isEqualTo(3);
        assertThat(run.stderr()).contains("kong-entrypoint: ANON_KEY_ASYMMETRIC is not set");
        assertThat(run.stdout()).doesNotContain("started");
        assertThat(output).doesNotExist();
    }

    @Test
    void aValueThatWouldBreakTheYamlOrTheLuaStopsItWithoutShowingTheValue() throws Exception {
        for (String bad : List.of("a'b", "x y", "sb_x\\'..os.exit()", "a\nb")) {
            Map<String, String> variables = env(true);
            variables.put("SUPABASE_SECRET_KEY", bad);
            Run run = run(variables, dir.resolve("kong.yml"));
            assertThat(run.exit()).as(bad).isEqualTo(3);
            assertThat(run.stderr()).contains("kong-entrypoint: SUPABASE_SECRET_KEY holds a character other than");
            assertThat(run.stderr()).doesNotContain(bad);
            assertThat(run.stdout()).doesNotContain("started");
        }
    }
}
