package dev.stackinit.migrator.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SupabaseMigratorCommandTest {
    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(Map<String, String> env, String... args) {
        return SupabaseMigratorCommand.run(env, new PrintWriter(out), new PrintWriter(err), args);
    }

    @Test
    void helpListsTheCommandsAndEachCommandItsVariables() {
        assertThat(run(Map.of(), "--help")).isZero();
        assertThat(out.toString()).contains("migrate", "info", "validate", "repair", "baseline", "clean");

        assertThat(run(Map.of(), "migrate", "--help")).isZero();
        assertThat(out.toString())
                .contains("--database-url  <-  SUPABASE_MIGRATOR_DATABASE_URL, DATABASE_URL")
                .contains("--wait-for-table  <-  SUPABASE_MIGRATOR_WAIT_FOR_TABLE")
                .contains("Exit codes:");
    }

    @Test
    void usageMistakesExitTwo() {
        assertThat(run(Map.of(), "migrate", "--nope")).isEqualTo(2);
        assertThat(run(Map.of(), "migrate", "--flavor", "mysql")).isEqualTo(2);
        assertThat(run(Map.of(), "migrate", "--wait-timeout", "soon")).isEqualTo(2);
        assertThat(run(Map.of(), "baseline", "--up-to", "nowhere", "-d", dir.toString()))
                .isEqualTo(2);
        assertThat(err.toString()).contains("unknown phase 'nowhere'");
    }

    @Test
    void cleanNeedsConfirmationAndALocalHostBeforeItConnects() {
        assertThat(run(Map.of(), "clean")).isEqualTo(2);
        assertThat(err.toString()).contains("--i-understand");
        assertThat(run(
                        Map.of("DATABASE_URL", "postgres://postgres:pw@db.example.com:5432/postgres"),
                        "clean",
                        "--i-understand"))
                .isEqualTo(3);
        assertThat(err.toString())
                .contains("clean refused: host db.example.com")
                .doesNotContain(":pw@");
    }

    @Test
    void badFilesExitThreeBeforeAnyConnection() throws Exception {
        Files.createDirectories(dir.resolve("tables"));
        Files.writeString(dir.resolve("tables/profiles.sql"), "select 1;");
        // the URL points nowhere: the file error must come first
        Map<String, String> env = Map.of("DATABASE_URL", "postgres://postgres@127.0.0.1:1/postgres");

        assertThat(run(env, "migrate", "-d", dir.toString())).isEqualTo(3);
        assertThat(err.toString()).contains("tables/profiles.sql: the name must be <number>_<name>.sql");
        assertThat(run(env, "migrate", "-d", dir.resolve("missing").toString())).isEqualTo(3);
    }

    @Test
    void theMigrationsDirectoryComesFromTheEnvironment() {
        assertThat(run(Map.of("MIGRATIONS_DIR", dir.resolve("from-env").toString()), "info"))
                .isEqualTo(3);
        assertThat(err.toString()).contains("from-env");
    }

    @Test
    void newPrintsThePathOfTheNextFileInAnExistingOrAnEmptyPhase() throws Exception {
        Files.createDirectories(dir.resolve("tables"));
        Files.writeString(dir.resolve("tables/001_a.sql"), "select 1;");
        Files.writeString(dir.resolve("tables/002_b.sql"), "select 1;");

        assertThat(run(Map.of(), "new", "tables", "add_orders", "-d", dir.toString()))
                .as(err.toString())
                .isZero();
        assertThat(out.toString().strip())
                .isEqualTo(dir.resolve("tables/003_add_orders.sql").toString());
        assertThat(dir.resolve("tables/003_add_orders.sql")).exists();

        out.getBuffer().setLength(0);
        assertThat(run(Map.of("SUPABASE_MIGRATOR_MIGRATIONS_DIR", dir.toString()), "new", "functions", "f", "--json"))
                .isZero();
        assertThat(out.toString())
                .contains("\"script\" : \"functions/001_f.sql\"")
                .contains("\"version\" : \"1\"");
    }

    @Test
    void newRefusesAnUnknownPhaseWithExitTwo() {
        assertThat(run(Map.of(), "new", "views", "x", "-d", dir.toString())).isEqualTo(2);
        assertThat(err.toString()).contains("unknown phase 'views'");
    }

    @Test
    void aFolderWithoutMigrationFilesExitsThreeNamingItBeforeAnyConnection() throws Exception {
        Files.createDirectories(dir.resolve("tables"));
        Map<String, String> env = Map.of("DATABASE_URL", "postgres://postgres@127.0.0.1:1/postgres");

        for (String command : new String[] {"migrate", "info", "validate"}) {
            err.getBuffer().setLength(0);
            assertThat(run(env, command, "-d", dir.toString())).as(command).isEqualTo(3);
            assertThat(err.toString()).contains("no migration files in " + dir);
        }
        assertThat(run(env, "migrate", "--dry-run", "-d", dir.toString())).isEqualTo(3);
    }

    @Test
    void migrateTargetTakesAPhaseWithAnOptionalVersion() {
        assertThat(run(Map.of(), "migrate", "--target", "views/1", "-d", dir.toString()))
                .isEqualTo(2);
        assertThat(err.toString()).contains("--target: unknown phase 'views'");
    }

    @Test
    void resetIsRefusedLikeCleanBeforeItReadsOrConnects() {
        assertThat(run(Map.of(), "reset", "-d", dir.resolve("none").toString())).isEqualTo(2);
        assertThat(err.toString()).contains("--i-understand");
        assertThat(run(
                        Map.of("DATABASE_URL", "postgres://postgres:pw@db.example.com:5432/postgres"),
                        "reset",
                        "--i-understand",
                        "--schema",
                        "public"))
                .isEqualTo(3);
        assertThat(err.toString())
                .contains("reset refused: host db.example.com")
                .doesNotContain(":pw@");
        assertThat(run(
                        Map.of("DATABASE_URL", "postgres://postgres@localhost/postgres"),
                        "reset",
                        "--i-understand",
                        "--admin-url",
                        "postgres://supabase_admin@db.example.com/postgres"))
                .isEqualTo(3);
    }
}
