package dev.stackinit.seeder.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command line in-process: help, env defaults, usage errors, masking; no server involved. */
class MongoSeederCommandTest {
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(Map<String, String> env, String... args) {
        return MongoSeederCommand.run(env, new PrintWriter(out), new PrintWriter(err), args);
    }

    @Test
    void theFastVersionLineIsWhatPicocliPrints() {
        assertThat(run(Map.of(), "--version")).isZero();
        String picocli = out.toString().strip();
        assertThat(picocli).startsWith("mongo-seeder ").contains("(Java ");
        assertThat(dev.stackinit.cli.VersionProvider.line("mongo-seeder")).isEqualTo(picocli);
    }

    @Test
    void helpListsCommandsExitCodesAndVariables() {
        assertThat(run(Map.of(), "--help")).isZero();
        assertThat(out.toString()).contains("rs-init", "clone", "export", "import", "init", "Exit codes:");
        assertThat(run(Map.of(), "clone", "--help")).isZero();
        assertThat(out.toString())
                .contains("--source-uri  <-  MONGO_SEEDER_SOURCE_URI, MONGODB_SOURCE_URI")
                .contains("--target-uri  <-  MONGO_SEEDER_TARGET_URI, MONGODB_URI")
                .contains("--database  <-  MONGO_SEEDER_DATABASE");
    }

    @Test
    void aRequiredUriCanComeFromTheEnvironmentAndIsMaskedInErrors() {
        int code = run(Map.of("MONGO_SEEDER_SOURCE_URI", "mongodb://user:hunter2-pw@:bad"), "clone");

        assertThat(code).isEqualTo(3);
        assertThat(err.toString())
                .startsWith("mongo-seeder: malformed MongoDB URI in --source-uri")
                .doesNotContain("hunter2-pw");
    }

    @Test
    void usageErrorsExitTwo() {
        assertThat(run(Map.of(), "clone")).isEqualTo(2);
        assertThat(err.toString()).contains("--source-uri");
        assertThat(run(Map.of(), "rs-init", "--member-host", "no-port")).isEqualTo(2);
        assertThat(run(Map.of(), "rs-init", "--wait-timeout", "soon")).isEqualTo(2);
        assertThat(run(Map.of(), "clone", "--source-uri", "mongodb://a", "--database", "a,b", "--to-db", "c"))
                .isEqualTo(2);
        assertThat(err.toString()).contains("--to-db needs exactly one --database");
    }

    @Test
    void aPasswordOnTheCommandLineIsWarnedAboutAndNeverEchoed() {
        // accepted with ToolCli's warning (the shared rule); the unreachable server is exit 4, the value shows nowhere
        int code = run(
                Map.of(),
                "rs-init",
                "--target-uri",
                "mongodb://root@127.0.0.1:1/?directConnection=true",
                "--target-password",
                "argv-secret-123",
                "--wait-timeout",
                "1s");
        assertThat(code).isEqualTo(4);
        assertThat(err.toString())
                .contains("--target-password carries a credential on the command line")
                .contains("MONGO_SEEDER_TARGET_PASSWORD")
                .doesNotContain("argv-secret-123");
        assertThat(out.toString()).doesNotContain("argv-secret-123");
    }

    @Test
    void incompleteCredentialsAreNamedWithoutTheirValues() {
        Map<String, String> noUser = Map.of(
                "MONGO_SEEDER_TARGET_URI", "mongodb://localhost:1/?directConnection=true",
                "MONGO_SEEDER_TARGET_PASSWORD", "env-secret-789");
        assertThat(run(noUser, "rs-init")).isEqualTo(3);
        assertThat(err.toString()).contains("--target-uri names no user").doesNotContain("env-secret-789");

        assertThat(run(Map.of("MONGO_SEEDER_TARGET_URI", "mongodb://root@localhost:1/"), "rs-init"))
                .isEqualTo(3);
        assertThat(err.toString())
                .contains("names a user but no password")
                .contains("--target-password-file")
                .contains("MONGO_SEEDER_TARGET_PASSWORD");

        assertThat(run(Map.of("MONGO_SEEDER_APP_USERNAME", "stackend"), "rs-init"))
                .isEqualTo(2);
        assertThat(err.toString()).contains("--app-username stackend needs a password");
        assertThat(run(Map.of("MONGO_SEEDER_APP_PASSWORD", "env-secret-012"), "rs-init"))
                .isEqualTo(2);
        assertThat(err.toString()).contains("no --app-username").doesNotContain("env-secret-012");
    }

    @Test
    void anEmptyPasswordFileIsExitThree(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
        java.nio.file.Path file = dir.resolve("password");
        java.nio.file.Files.writeString(file, "\n");
        assertThat(run(
                        Map.of("MONGO_SEEDER_TARGET_URI", "mongodb://root@localhost:1/"),
                        "rs-init",
                        "--target-password-file",
                        file.toString()))
                .isEqualTo(3);
        assertThat(err.toString()).contains("--target-password-file: " + file + " is empty");
    }

    @Test
    void helpNamesTheCredentialVariables() {
        assertThat(run(Map.of(), "init", "--help")).isZero();
        assertThat(out.toString())
                .contains("MONGO_SEEDER_TARGET_PASSWORD")
                .contains("MONGO_SEEDER_TARGET_PASSWORD_FILE")
                .contains("MONGO_SEEDER_SOURCE_PASSWORD")
                .contains("MONGO_SEEDER_SOURCE_PASSWORD_FILE")
                .contains("MONGO_SEEDER_APP_USERNAME")
                .contains("MONGO_SEEDER_APP_PASSWORD")
                .contains("MONGO_SEEDER_APP_PASSWORD_FILE")
                .contains("MONGO_SEEDER_APP_DATABASE");
    }

    @Test
    void importAndExportTakeExactlyOneDestinationAndAKnownFormat() {
        assertThat(run(Map.of(), "import")).isEqualTo(2);
        assertThat(err.toString()).contains("give either --seed-dir or --archive");
        assertThat(run(Map.of(), "import", "--seed-dir", "a", "--archive", "b")).isEqualTo(2);
        assertThat(run(Map.of(), "export", "--source-uri", "mongodb://a", "--format", "bson", "--seed-dir", "x"))
                .isEqualTo(2);
        assertThat(err.toString()).contains("--format must be jsonl or mongodump");
        assertThat(run(Map.of(), "export", "--source-uri", "mongodb://a", "--seed-dir", "x", "--gzip"))
                .isEqualTo(2);
        assertThat(err.toString()).contains("--gzip applies to --format mongodump and --archive");
    }

    @Test
    void helpNamesTheDumpOptions() {
        assertThat(run(Map.of(), "import", "--help")).isZero();
        assertThat(out.toString()).contains("--archive=FILE", "--gzip", "--seed-dir", "MONGO_SEEDER_ARCHIVE");
        assertThat(run(Map.of(), "export", "--help")).isZero();
        assertThat(out.toString()).contains("--format", "mongodump");
    }

    @Test
    void aCorruptDumpExitsThreeBeforeTheTargetIsEvenContacted(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
            throws Exception {
        java.nio.file.Files.write(dir.resolve("flows.bson"), new byte[] {40, 0, 0, 0, 2, 'a'});

        int code = run(
                Map.of(),
                "import",
                "--seed-dir",
                dir.toString(),
                "--target-uri",
                "mongodb://127.0.0.1:1/?directConnection=true",
                "--wait-timeout",
                "200ms");

        assertThat(code).isEqualTo(3);
        assertThat(err.toString()).contains("flows.bson at byte 0");
    }

    @Test
    void aMissingArchiveIsInvalidInput() {
        assertThat(run(Map.of(), "import", "--archive", "/nonexistent/x.archive", "--json"))
                .isEqualTo(3);
        assertThat(err.toString()).contains("archive /nonexistent/x.archive does not exist");
    }

    @Test
    void aFolderGivenAsArchiveAndAFileGivenAsSeedDirSayWhichOptionReadsThem(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("dump.archive"), "x");

        assertThat(run(Map.of(), "import", "--archive", dir.toString())).isEqualTo(3);
        assertThat(err.toString()).contains("is a folder, not an archive file", "--seed-dir");
        assertThat(run(Map.of(), "import", "--seed-dir", file.toString())).isEqualTo(3);
        assertThat(err.toString()).contains("is a file, not a folder", "--archive");
    }
}
