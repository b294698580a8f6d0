package dev.stackinit.webhooks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stackinit.errors.InvalidInputException;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SubstitutionTest {
    private final Substitution substitution =
            new Substitution(Map.of("HOST", "http://stackend:8000", "EMPTY", "", "DOLLAR", "a$b"));

    @Test
    void replacesSetVariables() {
        assertThat(substitution.apply("${HOST}/webhooks/x", "w")).isEqualTo("http://stackend:8000/webhooks/x");
    }

    @Test
    void usesTheDefaultWhenUnsetOrEmpty() {
        assertThat(substitution.apply("${MISSING:-http://d:1}/x", "w")).isEqualTo("http://d:1/x");
        assertThat(substitution.apply("${EMPTY:-fallback}", "w")).isEqualTo("fallback");
        assertThat(substitution.apply("${HOST:-ignored}", "w")).isEqualTo("http://stackend:8000");
    }

    @Test
    void aSetButEmptyVariableWithoutDefaultIsEmpty() {
        assertThat(substitution.apply("[${EMPTY}]", "w")).isEqualTo("[]");
    }

    @Test
    void anUnsetVariableWithoutDefaultIsAnError() {
        assertThatThrownBy(() -> substitution.apply("${NOPE}/x", "file.yml: webhook 1 url"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("file.yml: webhook 1 url: variable NOPE is not set and has no default");
    }

    @Test
    void doubleDollarIsALiteralDollarAndValuesAreNotRescanned() {
        assertThat(substitution.apply("$${HOST} costs $5 ${DOLLAR}", "w")).isEqualTo("${HOST} costs $5 a$b");
    }

    @Test
    void escapeRoundTrips() {
        String text = "a$${b} ${c} $";
        assertThat(substitution.apply(Substitution.escape(text), "w")).isEqualTo(text);
    }

    @Test
    void malformedReferencesAreErrors() {
        assertThatThrownBy(() -> substitution.apply("${1BAD}", "w"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("malformed variable reference");
    }
}
