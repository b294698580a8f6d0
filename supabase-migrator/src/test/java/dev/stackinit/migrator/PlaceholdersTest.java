package dev.stackinit.migrator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stackinit.errors.InvalidInputException;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PlaceholdersTest {
    private final Placeholders placeholders =
            Placeholders.of(Map.of("URL", "http://env", "EMPTY", ""), Map.of("URL", "http://explicit", "N", "5"));

    @Test
    void explicitValuesWinOverTheEnvironment() {
        assertThat(placeholders.apply("select '${URL}/x', ${N};", "f.sql")).isEqualTo("select 'http://explicit/x', 5;");
    }

    @Test
    void defaultsApplyWhenUnsetOrEmpty() {
        assertThat(placeholders.apply("${MISSING:-a} ${EMPTY:-b} ${URL:-c}", "f.sql"))
                .isEqualTo("a b http://explicit");
    }

    @Test
    void doubledDollarKeepsTheTextAndOtherDollarsAreUntouched() {
        assertThat(placeholders.apply("$${URL} $$body$$ $1 ${N}", "f.sql")).isEqualTo("${URL} $$body$$ $1 5");
    }

    @Test
    void anUndefinedPlaceholderNamesFileLineAndHowToDefineIt() {
        assertThatThrownBy(() -> placeholders.apply("select 1;\nselect '${NOPE}';", "tables/1_x.sql"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("tables/1_x.sql:2: placeholder ${NOPE} is not defined")
                .hasMessageContaining("--placeholder NOPE=");
    }
}
