package dev.stackinit.provision;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stackinit.provision.cli.StackInitCommand;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Map;
import org.junit.jupiter.api.Test;

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
    void aMissingRequiredValueNamesTheStepAndKey() {
        assertThat(run(Map.of("STACK_INIT_MONGO_SEED_DIR", "seed"), "provision"))
                .isEqualTo(3);
        assertThat(out.toString()).containsPattern("mongo\\s+failed").contains("mongo: uri is required");
    }
}
