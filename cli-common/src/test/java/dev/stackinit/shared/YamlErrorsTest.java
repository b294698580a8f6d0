package dev.stackinit.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class YamlErrorsTest {
    record Doc(String source, List<Map<String, String>> targets, Integer timeout) {}

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "source: .env\\n targets: x\\n | m.yml:2:9: mapping values are not allowed here",
                "a: b\\n- c\\n | m.yml:2:1: expected <block end>, but found '-' (while parsing a block mapping)",
                "\\t- x | m.yml:1:1: found character '\\t(TAB)' that cannot start any token",
                "key: 'open\\n | m.yml:2:1: found unexpected end of stream (while scanning a quoted scalar)",
                "source: .env\\nsource: x\\n | m.yml:2:7: Duplicate field 'source'",
                "sourcee: x\\n | m.yml:1:1: unknown key 'sourcee' (known: source, targets, timeout)",
                "source: [a]\\n | m.yml:1:9: source: expected text value",
                "timeout: soon\\n | m.yml:1:10: timeout: 'soon' is not a valid number",
                "targets: {a: b}\\n | m.yml:1:10: targets: expected list",
                "source: a\\n\\nsourcee:\\n  deep: 1\\n | m.yml:3:1: unknown key 'sourcee'",
            })
    void everyErrorIsOneLineWithFileLineAndColumn(String yaml, String expected) {
        String text = yaml.replace("\\n", "\n").replace("\\t", "\t");
        JsonProcessingException e =
                catchThrowableOfType(JsonProcessingException.class, () -> YAML.readValue(text, Doc.class));
        String line = YamlErrors.describe("m.yml", e, text);
        assertThat(line).doesNotContain("\n").doesNotContain("YamlErrorsTest").doesNotContain("Source:");
        assertThat(line).startsWith(expected);
    }
}
