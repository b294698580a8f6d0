package dev.stackinit.migrator.pull;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stackinit.errors.ExitCode;
import dev.stackinit.errors.ToolException;
import dev.stackinit.shared.Retry;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PullServiceTest {
    @TempDir
    Path out;

    private final List<String> progress = new ArrayList<>();

    /** A clock the sleeper moves forward, so waiting takes no time. */
    private final MovingClock clock = new MovingClock();

    private final Retry retry = new Retry(clock, clock::advance);

    @Test
    void aServerThatIsStillStartingIsWaitedForUpToTheWaitTimeoutThenExit4() {
        AtomicInteger attempts = new AtomicInteger();
        PullService.Source refusing = source(() -> {
            attempts.incrementAndGet();
            throw new SQLException("Connection refused", "08001");
        });

        assertThatThrownBy(() -> new PullService(retry, Duration.ofSeconds(2), progress::add).pull(request(), refusing))
                .isInstanceOfSatisfying(
                        ToolException.class, e -> assertThat(e.exitCode()).isEqualTo(ExitCode.UNREACHABLE))
                .hasMessageContaining("did not answer within 2 s");
        assertThat(attempts.get()).isGreaterThan(1);
        assertThat(progress).isNotEmpty().allMatch(line -> line.startsWith("waiting for postgres://db"));
        assertThat(out).isEmptyDirectory();
    }

    @Test
    void aFailedLoginIsExit3AsInEveryToolAndIsNotRetried() {
        AtomicInteger attempts = new AtomicInteger();
        PullService.Source wrongPassword = source(() -> {
            attempts.incrementAndGet();
            throw new SQLException("password authentication failed for user \"postgres\"", "28P01");
        });

        assertThatThrownBy(() ->
                        new PullService(retry, Duration.ofSeconds(60), progress::add).pull(request(), wrongPassword))
                .isInstanceOfSatisfying(
                        ToolException.class, e -> assertThat(e.exitCode()).isEqualTo(ExitCode.INVALID_INPUT))
                .hasMessageContaining("check the user and the password");
        assertThat(attempts.get()).isOne();
        assertThat(out).isEmptyDirectory();
    }

    @Test
    void aMissingDatabaseIsExit3() {
        PullService.Source missing = source(() -> {
            throw new SQLException("database \"nodb\" does not exist", "3D000");
        });

        assertThatThrownBy(() -> new PullService(retry, Duration.ofSeconds(60), progress::add).pull(request(), missing))
                .isInstanceOfSatisfying(
                        ToolException.class, e -> assertThat(e.exitCode()).isEqualTo(ExitCode.INVALID_INPUT))
                .hasMessageContaining("does not exist");
    }

    private PullRequest request() {
        return new PullRequest(out, List.of("public"), false, List.of());
    }

    @FunctionalInterface
    private interface Connect {
        Connection connect() throws SQLException;
    }

    private static PullService.Source source(Connect connect) {
        return new PullService.Source() {
            @Override
            public Connection connect() throws SQLException {
                return connect.connect();
            }

            @Override
            public String display() {
                return "postgres://db:5432/postgres";
            }
        };
    }

    private static final class MovingClock extends Clock {
        private Instant now = Instant.parse("2026-01-01T00:00:00Z");

        void advance(Duration duration) {
            now = now.plus(duration);
        }

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
    }
}
