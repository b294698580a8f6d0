package dev.stackinit.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine.TypeConversionException;

class DurationConverterTest {
    private final DurationConverter converter = new DurationConverter();

    @ParameterizedTest
    @CsvSource({
        "500ms,PT0.5S",
        "30s,PT30S",
        "30,PT30S",
        "2m,PT2M",
        "12h,PT12H",
        "90d,PT2160H",
        "2w,PT336H",
        "5y,PT43800H",
        "PT45S,PT45S",
        "P30D,PT720H",
        " 10s ,PT10S"
    })
    void readsTheFormsPeopleWrite(String text, String expected) {
        assertThat(converter.convert(text)).isEqualTo(Duration.parse(expected));
    }

    @ParameterizedTest
    @ValueSource(strings = {"0s", "-5s", "ten seconds", "5x", "", "99999999999999999999y"})
    void rejectsWhatIsNotAPositiveDuration(String text) {
        assertThatThrownBy(() -> converter.convert(text)).isInstanceOf(TypeConversionException.class);
    }
}
