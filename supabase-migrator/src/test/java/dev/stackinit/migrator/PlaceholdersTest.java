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

    @Test
    void theLiteralFormQuotesTheValueAsOneSqlString() {
        Placeholders hostile = Placeholders.of(
                Map.of(),
                Map.of(
                        "NAME", "x'); drop table users; --",
                        "PATH", "C:\\temp\\'x",
                        "PLAIN", "Ada",
                        "EMPTY", ""));
        assertThat(hostile.apply("insert into t values (${literal:NAME});", "f.sql"))
                .isEqualTo("insert into t values ('x''); drop table users; --');");
        assertThat(hostile.apply("select ${literal:PATH}", "f.sql")).isEqualTo("select E'C:\\\\temp\\\\''x'");
        assertThat(hostile.apply("select ${literal:PLAIN}, ${literal:EMPTY}, ${literal:MISSING:-d'x}", "f.sql"))
                .isEqualTo("select 'Ada', '', 'd''x'");
        assertThat(hostile.apply("select '$${literal:NAME}'", "f.sql")).isEqualTo("select '${literal:NAME}'");
        // the raw form stays raw: documented, for trusted values only
        assertThat(hostile.apply("select '${NAME}'", "f.sql")).isEqualTo("select 'x'); drop table users; --'");
    }

    @Test
    void aLiteralCannotHoldNul() {
        Placeholders nul = Placeholders.of(Map.of(), Map.of("N", "a\u0000b"));
        assertThatThrownBy(() -> nul.apply("select 1;\nselect ${literal:N};", "t.sql"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("t.sql:2: ${literal:N}: the value holds a NUL character");
    }

    @Test
    void anUndefinedLiteralPlaceholderIsAnErrorToo() {
        assertThatThrownBy(() -> placeholders.apply("select ${literal:NOPE};", "f.sql"))
                .hasMessageContaining("placeholder ${NOPE} is not defined");
    }
}
