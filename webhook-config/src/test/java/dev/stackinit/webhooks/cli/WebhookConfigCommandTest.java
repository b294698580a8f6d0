package dev.stackinit.webhooks.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stackinit.shared.Retry;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WebhookConfigCommandTest {
    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();
    private Instant now = Instant.parse("2026-01-01T00:00:00Z");

    /** A clock that a sleep moves forward, so waiting for the database takes no real time. */
    private int run(Map<String, String> env, String... args) {
        Retry retry = new Retry(new MovingClock(), duration -> now = now.plus(duration));
        return WebhookConfigCommand.run(
                new WebhookConfigCommand(env, retry), new PrintWriter(out), new PrintWriter(err), args);
    }

    private final class MovingClock extends Clock {
        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    @Test
    void theFastVersionLineIsWhatPicocliPrints() {
        assertThat(run(Map.of(), "--version")).isZero();
        String picocli = out.toString().strip();
        assertThat(picocli).startsWith("webhook-config ").contains("(Java ");
        assertThat(dev.stackinit.cli.VersionProvider.line("webhook-config")).isEqualTo(picocli);
    }

    @Test
    void helpListsCommandsExitCodesAndVariables() {
        assertThat(run(Map.of(), "--help")).isZero();
        assertThat(out.toString()).contains("plan", "apply", "list", "export", "delete", "bootstrap", "Exit codes:");
        out.getBuffer().setLength(0);
        assertThat(run(Map.of(), "apply", "--help")).isZero();
        assertThat(out.toString())
                .contains("--database-url  <-  WEBHOOK_CONFIG_DATABASE_URL, DATABASE_URL")
                .contains("--file  <-  WEBHOOK_CONFIG_FILE");
    }

    @Test
    void unknownOptionsAreUsageErrors() {
        assertThat(run(Map.of(), "apply", "--nope")).isEqualTo(2);
        assertThat(err.toString()).startsWith("webhook-config: Unknown option: '--nope'");
    }

    @Test
    void noDatabaseOrNoFileIsAUsageError() throws IOException {
        Path file = sample();
        assertThat(run(Map.of(), "plan", "-f", file.toString())).isEqualTo(2);
        assertThat(err.toString()).contains("no database: give --database-url");
        assertThat(run(Map.of("DATABASE_URL", "postgres://u@localhost:1/x"), "plan"))
                .isEqualTo(2);
        assertThat(err.toString()).contains("no declaration file");
    }

    @Test
    void badDeclarationsFailWithExitThreeBeforeConnecting() throws IOException {
        Path file = Files.writeString(
                dir.resolve("bad.yml"),
                "webhooks:\n  - {name: h, table: t, events: [INSERT], url: 'ftp://x/', timeout_ms: 50}\n");
        // the database URL points nowhere: exit 3 proves nothing tried to connect first
        assertThat(run(Map.of(), "apply", "-f", file.toString(), "--database-url", "postgres://u@127.0.0.1:1/x"))
                .isEqualTo(3);
        assertThat(err.toString().strip())
                .isEqualTo("webhook-config: 2 problems: webhook h: url must start with http:// or https://;"
                        + " webhook h: timeout_ms must be between 1000 and 10000, not 50");
    }

    @Test
    void anUnreachableDatabaseIsExitFourWithTheDatabaseUrlMasked() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        Map<String, String> env = Map.of(
                "WEBHOOK_CONFIG_DATABASE_URL",
                "postgres://postgres:hunter2-secret@127.0.0.1:" + closedPort + "/db",
                "WEBHOOK_CONFIG_WAIT_TIMEOUT",
                "2");
        assertThat(run(env, "list")).isEqualTo(4);
        assertThat(err.toString()).contains("did not answer within 2 s").doesNotContain("hunter2-secret");
        assertThat(now).isAfter(Instant.parse("2026-01-01T00:00:01Z"));
        assertThat(Duration.between(Instant.parse("2026-01-01T00:00:00Z"), now)).isLessThan(Duration.ofSeconds(5));
    }

    @Test
    void aMalformedRewriteIsInvalidInput() throws IOException {
        assertThat(run(Map.of(), "apply", "-f", sample().toString(), "--rewrite-url", "nope"))
                .isEqualTo(3);
        assertThat(err.toString()).contains("FROM=>TO");
    }

    private Path sample() throws IOException {
        return Files.copy(Path.of("samples/webhooks.yml"), dir.resolve("webhooks.yml"));
    }
}
