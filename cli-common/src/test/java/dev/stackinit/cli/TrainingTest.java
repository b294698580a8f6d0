package dev.stackinit.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TrainingTest {
    private static final Map<String, String> VARIABLES = Map.of("WORK", "/tmp/w", "PG_URL", "postgres://h:1/db");

    @Test
    void aLineIsExpectedExitEnvironmentAndArguments() {
        Training.Run run = Training.parse(
                        3,
                        "[exit 4] STACKEND_URL=http://x:8000 migrate -d ${WORK}/m --database-url $PG_URL",
                        VARIABLES::get)
                .orElseThrow();
        assertThat(run.number()).isEqualTo(3);
        assertThat(run.expectedExit()).isEqualTo(4);
        assertThat(run.env()).containsExactly(Map.entry("STACKEND_URL", "http://x:8000"));
        assertThat(run.args()).containsExactly("migrate", "-d", "/tmp/w/m", "--database-url", "postgres://h:1/db");
    }

    @Test
    void withoutAnExpectationARunMustSucceed() {
        assertThat(Training.parse(1, "--version", VARIABLES::get).orElseThrow().expectedExit())
                .isZero();
    }

    @Test
    void anUnsetVariableSkipsTheRun() {
        assertThat(Training.parse(1, "init --target-uri $MONGO_URI", VARIABLES::get))
                .isEmpty();
    }

    @Test
    void quotesKeepBlanks() {
        assertThat(Training.words("a 'b c' \"d  e\" f''g")).containsExactly("a", "b c", "d  e", "fg");
        assertThat(Training.words("  ")).isEmpty();
        assertThat(Training.words("x ''")).isEqualTo(List.of("x", ""));
        assertThatThrownBy(() -> Training.words("a 'b")).hasMessageContaining("unterminated");
    }

    @Test
    void onlyLeadingAssignmentsAreEnvironment() {
        Training.Run run =
                Training.parse(1, "A=1 plan --set B=2", VARIABLES::get).orElseThrow();
        assertThat(run.env()).containsOnlyKeys("A");
        assertThat(run.args()).containsExactly("plan", "--set", "B=2");
    }
}
