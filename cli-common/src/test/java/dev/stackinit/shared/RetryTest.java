package dev.stackinit.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stackinit.errors.UnreachableException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class RetryTest {
    /** A clock that moves only when the retry sleeps. */
    private static final class FakeTime extends Clock {
        Instant now = Instant.parse("2026-01-01T00:00:00Z");
        final List<Duration> sleeps = new ArrayList<>();

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        void sleep(Duration d) {
            sleeps.add(d);
            now = now.plus(d);
        }
    }

    private final FakeTime time = new FakeTime();
    private final Retry retry = new Retry(time, time::sleep);
    private final Retry.Policy policy =
            new Retry.Policy(Duration.ofSeconds(5), Duration.ofMillis(100), Duration.ofSeconds(1));

    @Test
    void returnsAsSoonAsTheAttemptSucceedsWithGrowingDelays() {
        int[] calls = {0};
        String result = retry.until("db", policy, e -> true, Retry.Listener.NONE, () -> {
            if (++calls[0] < 4) {
                throw new IllegalStateException("not yet");
            }
            return "up";
        });
        assertThat(result).isEqualTo("up");
        assertThat(time.sleeps).containsExactly(Duration.ofMillis(100), Duration.ofMillis(200), Duration.ofMillis(400));
    }

    @Test
    void givesUpAfterTheTimeoutWithAnUnreachableError() {
        List<Integer> told = new ArrayList<>();
        assertThatThrownBy(() -> retry.until(
                        "mongod at db:27017", policy, e -> true, (attempt, delay, cause) -> told.add(attempt), () -> {
                            throw new IllegalStateException("connection refused");
                        }))
                .isInstanceOf(UnreachableException.class)
                .hasMessageStartingWith("mongod at db:27017 did not answer within 5 s")
                .hasMessageEndingWith("connection refused");
        assertThat(time.sleeps.stream().reduce(Duration.ZERO, Duration::plus)).isEqualTo(Duration.ofSeconds(5));
        assertThat(time.sleeps).allMatch(d -> d.compareTo(Duration.ofSeconds(1)) <= 0);
        assertThat(told).isNotEmpty();
    }

    @Test
    void rethrowsWhatIsNotRetryableAtOnce() {
        assertThatThrownBy(() ->
                        retry.until("db", policy, e -> !(e instanceof SecurityException), Retry.Listener.NONE, () -> {
                            throw new SecurityException("bad password");
                        }))
                .isInstanceOf(SecurityException.class);
        assertThat(time.sleeps).isEmpty();
    }

    @Test
    void everyToolSaysItIsWaitingTheSameWay() {
        List<String> lines = new ArrayList<>();
        String result =
                retry.until("db:5432", policy, e -> true, Retry.Listener.printing(lines::add, "db:5432"), () -> {
                    if (lines.size() < 2) {
                        throw new IllegalStateException("connection refused");
                    }
                    return "up";
                });
        assertThat(result).isEqualTo("up");
        assertThat(lines)
                .containsExactly(
                        "waiting for db:5432 (try 1, again in 100 ms): connection refused",
                        "waiting for db:5432 (try 2, again in 200 ms): connection refused");
    }

    @Test
    void aSingleAttemptIsOneTry() {
        Retry.Policy once = new Retry.Policy(Duration.ZERO, Duration.ofMillis(100), Duration.ofSeconds(1));
        assertThatThrownBy(() -> retry.until("db", once, e -> true, Retry.Listener.NONE, () -> {
                    throw new IllegalStateException("refused");
                }))
                .hasMessage("db did not answer within 0 s (1 try): refused");
    }
}
