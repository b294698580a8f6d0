package dev.stackinit.provision;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stackinit.provision.cli.StackInitCommand;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StackInitCommandTest {
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(Map<String, String> env, String... args) {
        return StackInitCommand.run(env, new PrintWriter(out), new PrintWriter(err), args);
    }

    @Test
    void helpListsTheCommandsAndExitCodes() {
        assertThat(run(Map.of(), "--help")).isZero();
        assertThat(out.toString()).contains("provision").contains("plan").contains("Exit codes:");
    }

    @Test
    void nothingConfiguredIsAnInputError() {
        assertThat(run(Map.of(), "provision")).isEqualTo(3);
        assertThat(err.toString()).contains("nothing to provision");
    }

    @Test
    void embeddedAndConfigAreExclusive() {
        assertThat(run(Map.of(), "provision", "--embedded", "--config", "x.yml"))
                .isEqualTo(2);
        assertThat(err.toString()).contains("--embedded brings its own configuration");
    }

    @Test
    void theConfigFileComesFromTheEnvironmentToo() {
        assertThat(run(Map.of("STACK_INIT_CONFIG", "/nonexistent/stack-init.yml"), "plan"))
                .isEqualTo(3);
        assertThat(err.toString()).contains("config file not found: /nonexistent/stack-init.yml");
    }

    @Test
    void aMissingRequiredValueIsNamedBeforeAnyStepRuns() {
        assertThat(run(Map.of("STACK_INIT_MONGO_SEED_DIR", "seed"), "provision"))
                .isEqualTo(3);
        assertThat(err.toString()).startsWith("stack-init: configuration: ").contains("mongo.uri is required");
        assertThat(out.toString()).isEmpty();
    }

    @Test
    void anInvalidEnumOrNegativeDurationIsOneLineAndExitThreeNeverAStackTrace() {
        assertThat(run(Map.of("STACK_INIT_KEYS_MODE", "explode", "STACK_INIT_KEYS_ENV_FILES", ".env"), "plan"))
                .isEqualTo(3);
        assertThat(err.toString()).contains("keys.mode must be verify or generate, got 'explode'");

        err.getBuffer().setLength(0);
        assertThat(run(
                        Map.of(
                                "STACK_INIT_SUPABASE_DATABASE_URL", "postgres://postgres@127.0.0.1:1/postgres",
                                "STACK_INIT_SUPABASE_MIGRATIONS", "../compose/supabase/migrations",
                                "STACK_INIT_SUPABASE_WAIT_TIMEOUT_SECONDS", "-3"),
                        "provision"))
                .isEqualTo(3);
        assertThat(err.toString().strip().lines())
                .singleElement()
                .satisfies(line -> assertThat(line)
                        .startsWith("stack-init: ")
                        .contains("supabase.wait_timeout_seconds must not be negative, got -3"));
    }

    @Test
    void generateModeRefusesAMissingEnvFileBeforeAnyStepAndCreatesNothing(@TempDir Path dir) {
        Path env = dir.resolve(".env");
        assertThat(run(
                        Map.of("STACK_INIT_KEYS_MODE", "generate", "STACK_INIT_KEYS_ENV_FILES", env.toString()),
                        "provision"))
                .isEqualTo(3);
        assertThat(err.toString()).startsWith("stack-init: configuration: keys.env_files: " + env);
        assertThat(env).doesNotExist();
    }

    @Test
    void embeddedOnlyOptionsNeedEmbedded() {
        assertThat(run(Map.of(), "provision", "--port", "5499", "--config", "x.yml"))
                .isEqualTo(2);
        assertThat(err.toString()).contains("--port goes with --embedded");
        assertThat(run(Map.of(), "provision", "--workdir", "w", "--config", "x.yml"))
                .isEqualTo(2);
        assertThat(err.toString()).contains("--workdir goes with --embedded");
    }

    @Test
    void theConfigVariablesAreNotReportedAsUnread() {
        run(Map.of("STACK_INIT_SUPABASE_WAIT_TIMEOUT", "5s", "STACK_INIT_MONGO_WAIT_TIMEOUT_SECONDS", "5"), "plan");
        assertThat(err.toString()).doesNotContain("is set but no option");
    }

    @Test
    void waitTimeoutIsTheSharedDurationOption() {
        assertThat(run(Map.of(), "plan", "--wait-timeout", "2s")).isEqualTo(3);
        assertThat(err.toString()).contains("nothing to provision").doesNotContain("Unknown option");
        assertThat(run(Map.of(), "provision", "--wait-timeout", "-1s")).isEqualTo(2);
        assertThat(err.toString()).contains("must not be negative");
    }
}
