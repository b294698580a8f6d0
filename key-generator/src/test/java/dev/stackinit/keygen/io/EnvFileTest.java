package dev.stackinit.keygen.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stackinit.errors.InvalidInputException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EnvFileTest {
    private static final String TEXT =
            "# comment\r\n\r\nexport A=1\r\nB=\"two words\" # note\r\nC='x'\r\nD=plain   # trailing\r\nE=";

    @Test
    void renderGivesBackTheSameBytes() {
        assertThat(EnvFile.parse("t", TEXT).render()).isEqualTo(TEXT);
    }

    @Test
    void valuesAreUnquotedAndInlineCommentsDropped() {
        assertThat(EnvFile.parse("t", TEXT).values())
                .containsExactly(
                        Map.entry("A", "1"),
                        Map.entry("B", "two words"),
                        Map.entry("C", "x"),
                        Map.entry("D", "plain"),
                        Map.entry("E", ""));
    }

    @Test
    void updatesKeepQuotingCommentsAndLineEndings() {
        Map<String, String> updates = new LinkedHashMap<>();
        updates.put("B", "new");
        updates.put("D", "other");
        updates.put("E", "filled");
        updates.put("C", "y");
        assertThat(EnvFile.parse("t", TEXT).with(updates).render())
                .isEqualTo(
                        "# comment\r\n\r\nexport A=1\r\nB=\"new\" # note\r\nC='y'\r\nD=other   # trailing\r\nE=filled");
    }

    @Test
    void missingVariablesAreAppendedUnderOneComment() {
        String result = EnvFile.parse("t", "A=1").with(Map.of("Z", "26")).render();
        assertThat(result).isEqualTo("A=1\n\n# added by key-generator\nZ=26\n");
        assertThat(EnvFile.empty("t").with(Map.of("Z", "26")).render()).isEqualTo("# added by key-generator\nZ=26\n");
    }

    @Test
    void jsonValuesStayUnquotedLikeSupabaseWritesThem() {
        String json = "[{\"kty\":\"oct\",\"k\":\"abc\"}]";
        EnvFile file = EnvFile.parse("t", "JWT_KEYS=\n").with(Map.of("JWT_KEYS", json));
        assertThat(file.render()).isEqualTo("JWT_KEYS=" + json + "\n");
        assertThat(EnvFile.parse("t", file.render()).values()).containsEntry("JWT_KEYS", json);
    }

    @Test
    void malformedLinesNameFileAndLine() {
        assertThatThrownBy(() -> EnvFile.parse(".env", "A=1\nthis is not env\n"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage(".env:2: not a VARIABLE=value line");
        assertThatThrownBy(() -> EnvFile.parse(".env", "A=\"open\n"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("unterminated quote");
    }
}
