package dev.stackinit.migrator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stackinit.errors.UsageException;
import java.math.BigInteger;
import org.junit.jupiter.api.Test;

class MigrationLimitTest {
    private static MigrationKey key(Phase phase, int version) {
        return new MigrationKey(phase, BigInteger.valueOf(version));
    }

    @Test
    void aPhaseAloneIncludesItsEveryFileAndEveryEarlierPhase() {
        MigrationLimit functions = MigrationLimit.parse("functions", "--target");

        assertThat(functions.includes(key(Phase.TABLES, 900))).isTrue();
        assertThat(functions.includes(key(Phase.FUNCTIONS, 12345))).isTrue();
        assertThat(functions.includes(key(Phase.TRIGGERS, 1))).isFalse();
    }

    @Test
    void aPhaseAndVersionStopsAfterThatFile() {
        MigrationLimit tables3 = MigrationLimit.parse("tables/3", "--target");

        assertThat(tables3.includes(key(Phase.TABLES, 3))).isTrue();
        assertThat(tables3.includes(key(Phase.TABLES, 4))).isFalse();
        assertThat(tables3.includes(key(Phase.BOOTSTRAP, 7))).isTrue();
        assertThat(tables3).hasToString("tables/3");
    }

    @Test
    void badTextIsAUsageErrorNamingTheOption() {
        assertThatThrownBy(() -> MigrationLimit.parse("views", "--target"))
                .isInstanceOf(UsageException.class)
                .hasMessageContaining("--target: unknown phase 'views'");
        assertThatThrownBy(() -> MigrationLimit.parse("tables/x", "--up-to"))
                .isInstanceOf(UsageException.class)
                .hasMessageContaining("--up-to: version must be a number");
    }
}
