package dev.stackinit.migrator.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stackinit.migrator.CliRun;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DiffCommandTest {
    @TempDir
    Path folder;

    @Test
    void helpListsTheOptionsAndTheRootListsDiff() {
        CliRun help = CliRun.run(Map.of(), "diff", "--help");

        assertThat(help.code()).isZero();
        assertThat(help.out())
                .contains("--database-url", "--shadow-url", "--shadow-admin-url", "--schema", "--write", "--json")
                .contains("SUPABASE_MIGRATOR_SHADOW_URL");
        assertThat(CliRun.run(Map.of(), "--help").out()).contains("diff");
    }

    @Test
    void aWriteNameThatCannotBeAFileNameIsRefusedBeforeAnythingConnects() throws Exception {
        Files.createDirectories(folder.resolve("tables"));

        CliRun run = CliRun.run(
                Map.of(),
                "diff",
                "-d",
                folder.toString(),
                "--database-url",
                "postgres://postgres@127.0.0.1:" + freePort() + "/postgres",
                "--write",
                "../evil");

        // the same rule and exit code as new's name
        assertThat(run.code()).isEqualTo(2);
        assertThat(run.err())
                .contains("--write may hold letters, digits, '_' and '-' only (e.g. add_orders), got '../evil'");
    }

    @Test
    void aShadowThatIsTheLiveDatabaseIsAUsageError() {
        CliRun run = CliRun.run(
                Map.of(),
                "diff",
                "-d",
                folder.toString(),
                "--database-url",
                "postgres://postgres@db:5432/app",
                "--shadow-url",
                "postgres://other@db:5432/app");

        assertThat(run.code()).isEqualTo(2);
        assertThat(run.err()).contains("--shadow-url names the live database");
    }

    @Test
    void anUnreachableLiveDatabaseExits4WithoutShowingThePassword() throws Exception {
        Files.createDirectories(folder.resolve("tables"));
        String url = "postgres://postgres:s3cr3tpw@127.0.0.1:" + freePort() + "/postgres";

        CliRun run = CliRun.run(
                Map.of(),
                "diff",
                "-d",
                folder.toString(),
                "--database-url",
                url,
                "--wait-timeout",
                "0s",
                "--shadow-url",
                "postgres://postgres@127.0.0.1:" + freePort() + "/shadow");

        assertThat(run.code()).as(run.toString()).isEqualTo(4);
        assertThat(run.err()).doesNotContain("s3cr3tpw");
    }

    private static int freePort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
