package dev.stackinit.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

class SamplesTest {
    @Test
    void theMedianOfAnOddCountIsTheMiddleValueWhateverTheOrder() {
        Samples samples = Samples.of("x", List.of(0.9, 0.1, 0.5));

        assertThat(samples.median()).isEqualTo(0.5);
        assertThat(samples.min()).isEqualTo(0.1);
        assertThat(samples.max()).isEqualTo(0.9);
    }

    @Test
    void theMedianOfAnEvenCountIsTheMeanOfTheTwoMiddleValues() {
        assertThat(Samples.of("x", List.of(4.0, 1.0, 3.0, 2.0)).median()).isEqualTo(2.5);
    }

    @Test
    void ratiosArePairedRunByRunSoThatASlowMomentCancelsOut() {
        Samples subject = Samples.of("tool", List.of(0.2, 0.8, 0.3));
        Samples baseline = Samples.of("java", List.of(0.1, 0.4, 0.1));

        Samples ratio = subject.over(baseline, "ratio");

        assertThat(ratio.values()).hasSize(3);
        assertThat(ratio.values().get(0)).isCloseTo(2.0, within(1e-9));
        assertThat(ratio.values().get(1)).isCloseTo(2.0, within(1e-9));
        assertThat(ratio.values().get(2)).isCloseTo(3.0, within(1e-9));
        assertThat(ratio.median()).isCloseTo(2.0, within(1e-9));
    }

    @Test
    void nanosecondsAreStoredAsSecondsAndFormattedWithTheirRange() {
        Samples samples = new Samples("run");
        samples.addNanos(1_500_000_000L);
        samples.addNanos(500_000_000L);
        samples.addNanos(1_000_000_000L);

        assertThat(samples.format(2, " s")).isEqualTo("1.00 s [0.50–1.50]");
        assertThat(samples.format(1, "×")).isEqualTo("1.0× [0.5–1.5]");
    }
}
