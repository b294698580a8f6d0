package dev.stackinit.migrator.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PullCommandTest {
    @TempDir
    Path out;

    private final StringWriter stdout = new StringWriter();
    private final StringWriter stderr = new StringWriter();

    private int run(Map<String, String> env, String... args) {
        return SupabaseMigratorCommand.run(env, new PrintWriter(stdout), new PrintWriter(stderr), args);
    }

    @Test
    void helpListsTheOptionsAndTheirVariables() {
        assertThat(run(Map.of(), "pull", "--help")).isZero();

        assertThat(stdout.toString())
                .contains(
                        "--database-url",
                        "--password-file",
                        "--url-rewrite",
                        "--include-supabase-schemas",
                        "--allow-partial",
                        "--json")
                .contains("SUPABASE_MIGRATOR_DATABASE_URL", "SUPABASE_MIGRATOR_SCHEMA")
                // old spellings still work but are no longer shown
                .doesNotContain("--source-url", "--rewrite-url");
    }

    @Test
    void aMissingSourceIsAUsageError() {
        assertThat(run(Map.of(), "pull", "--out", out.toString())).isEqualTo(2);
        assertThat(stderr.toString()).contains("give --database-url (the database to read)");
    }

    @Test
    void theRootListsPull() {
        assertThat(run(Map.of(), "--help")).isZero();

        assertThat(stdout.toString()).contains("pull", "migrate");
    }

    @Test
    void aSourceThatIsNotPostgresIsAUsageError() {
        assertThat(run(Map.of(), "pull", "--out", out.toString(), "--source-url", "mysql://root:hunter22@h/db"))
                .isEqualTo(2);
        assertThat(stderr.toString()).contains("not a PostgreSQL URL").doesNotContain("hunter22");
    }

    @Test
    void aRewriteWithoutArrowIsInvalidInputLikeMigratesAndNothingIsWritten() {
        int code = run(
                Map.of(),
                "pull",
                "--out",
                out.toString(),
                "--source-url",
                "postgres://h/db",
                "--rewrite-url",
                "nonsense");

        assertThat(code).isEqualTo(3);
        assertThat(stderr.toString()).contains("FROM=>TO");
        assertThat(out).isEmptyDirectory();
    }

    @Test
    void anUnreachableDatabaseExits4WithoutShowingThePassword() throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        Map<String, String> env = Map.of(
                "SUPABASE_MIGRATOR_SOURCE_URL",
                "postgres://postgres:s3cr3tpw@127.0.0.1:" + port + "/postgres",
                "SUPABASE_MIGRATOR_OUT",
                out.toString());

        assertThat(run(env, "pull", "--wait-timeout", "0s")).isEqualTo(4);
        assertThat(stderr.toString())
                .startsWith("supabase-migrator: PostgreSQL at postgres://postgres@127.0.0.1:" + port)
                .contains("did not answer within 0 s (1 try)")
                .doesNotContain("s3cr3tpw");
        assertThat(out).isEmptyDirectory();
    }

    @Test
    void pullWaitsUpToWaitTimeoutLikeEveryOtherCommand() throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }

        int code = run(
                Map.of(),
                "pull",
                "--out",
                out.toString(),
                "--database-url",
                "postgres://postgres@127.0.0.1:" + port + "/postgres",
                "--wait-timeout",
                "2s",
                "--json");

        assertThat(code).isEqualTo(4);
        assertThat(stderr.toString()).contains("waiting for postgres://postgres@127.0.0.1:" + port);
        assertThat(stdout.toString()).contains("did not answer within 2 s", "\"exit\": 4");
        assertThat(out).isEmptyDirectory();
    }
}
