package dev.stackinit.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class DurationsTest {
    @ParameterizedTest
    @CsvSource({"500ms,500", "2s,2000", "30,30000", "2m,120000", "1h,3600000", "PT1.5S,1500", "0s,0"})
    void readsTheShortAndIsoForms(String text, long millis) {
        assertThat(Durations.parseNonNegative(text)).isEqualTo(Duration.ofMillis(millis));
    }

    @ParameterizedTest
    @ValueSource(strings = {"-1", "-3s", "PT-1S", "-PT1S"})
    void negativeDurationsAreRefusedWithOneLine(String text) {
        assertThatThrownBy(() -> Durations.parseNonNegative(text))
                .isInstanceOf(Durations.InvalidDurationException.class)
                .hasMessageContaining("must not be negative")
                .hasMessageNotContaining("\n");
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "0s", "PT0S"})
    void zeroIsNotPositive(String text) {
        assertThatThrownBy(() -> Durations.parsePositive(text)).hasMessageContaining("must be positive");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "soon", "2 minutes", "1.5s"})
    void garbageNamesTheSyntax(String text) {
        assertThatThrownBy(() -> Durations.parsePositive(text)).hasMessageContaining("such as 500ms");
    }

    @ParameterizedTest
    @CsvSource({"1500,1500ms", "30000,30s", "120000,2m", "7200000,2h", "0,0s"})
    void formatsWhatItReadsBack(long millis, String text) {
        assertThat(Durations.format(Duration.ofMillis(millis))).isEqualTo(text);
        assertThat(Durations.parseNonNegative(text)).isEqualTo(Duration.ofMillis(millis));
    }
}
