package dev.stackinit.migrator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stackinit.errors.InvalidInputException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MigrationScannerTest {
    @TempDir
    Path dir;

    private void write(String relative) throws IOException {
        Path file = dir.resolve(relative);
        Files.createDirectories(file.getParent());
        Files.writeString(file, "select 1;");
    }

    @Test
    void ordersByPhaseThenNumericVersion() throws IOException {
        write("triggers/1_t.sql");
        write("tables/10_later.sql");
        write("tables/9_earlier.sql");
        write("functions/001_f.sql");
        write("seed/1_s.sql");
        write("webhooks/1_hook.yml");
        write("bootstrap/1_b.sql");
        write("supabase/migrations/20240101120000_cli.sql");

        var scan = new MigrationScanner().scan(dir);

        assertThat(scan.files())
                .extracting(MigrationFile::script)
                .containsExactly(
                        "bootstrap/1_b.sql",
                        "supabase/migrations/20240101120000_cli.sql",
                        "tables/9_earlier.sql",
                        "tables/10_later.sql",
                        "functions/001_f.sql",
                        "triggers/1_t.sql",
                        "webhooks/1_hook.yml",
                        "seed/1_s.sql");
        assertThat(scan.files().get(6).kind()).isEqualTo(MigrationFile.Kind.WEBHOOK_YAML);
        assertThat(scan.files().get(2).name()).isEqualTo("earlier");
    }

    @Test
    void aSupabaseCliFolderGivenDirectlyIsTheMigrationsPhase() throws IOException {
        write("20240102000000_second.sql");
        write("20240101000000_first.sql");

        var scan = new MigrationScanner().scan(dir);

        assertThat(scan.files()).extracting(MigrationFile::phase).containsOnly(Phase.MIGRATIONS);
        assertThat(scan.files()).extracting(MigrationFile::name).containsExactly("first", "second");
    }

    @Test
    void aSqlFileBreakingTheNamingRuleIsAnError() throws IOException {
        write("tables/profiles.sql");
        assertThatThrownBy(() -> new MigrationScanner().scan(dir))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("tables/profiles.sql: the name must be <number>_<name>.sql");
    }

    @Test
    void twoFilesWithOneVersionInAPhaseAreAnError() throws IOException {
        write("tables/1_a.sql");
        write("tables/01_b.sql");
        assertThatThrownBy(() -> new MigrationScanner().scan(dir))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("two files with version 1 in phase tables");
    }

    @Test
    void yamlOutsideWebhooksIsAnErrorAndOtherFilesAreWarnedAbout() throws IOException {
        write("tables/1_a.sql");
        write("tables/notes.txt");
        write("stuff/1_x.sql");
        var scan = new MigrationScanner().scan(dir);
        assertThat(scan.files()).hasSize(1);
        assertThat(scan.warnings())
                .anyMatch(w -> w.contains("tables/notes.txt"))
                .anyMatch(w -> w.contains("stuff"));

        write("functions/1_x.yml");
        assertThatThrownBy(() -> new MigrationScanner().scan(dir)).hasMessageContaining("webhooks/ only");
    }

    @Test
    void aMissingDirectoryIsInvalidInput() {
        assertThatThrownBy(() -> new MigrationScanner().scan(dir.resolve("nope")))
                .isInstanceOf(InvalidInputException.class);
    }

    @Test
    void aFolderWithoutAnyMigrationFileIsInvalidInputNamingIt() throws IOException {
        Files.createDirectories(dir.resolve("tables"));
        Files.writeString(dir.resolve("README.md"), "notes");

        assertThatThrownBy(() -> new MigrationScanner().scan(dir))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("no migration files in " + dir)
                .hasMessageContaining("tables/");
    }

    @Test
    void aConfigMapMountsBookkeepingIsIgnoredSilently() throws IOException {
        // what kubelet makes of a ConfigMap volume: ..<timestamp>/ holds the files, ..data links to it, and each
        // file is a link through ..data
        Path tables = dir.resolve("tables");
        Path stamped = Files.createDirectories(tables.resolve("..2025_01_01_00_00_00.123456789"));
        Files.writeString(stamped.resolve("001_a.sql"), "select 1;");
        Files.createSymbolicLink(tables.resolve("..data"), stamped.getFileName());
        Files.createSymbolicLink(tables.resolve("001_a.sql"), Path.of("..data/001_a.sql"));
        Files.createDirectories(dir.resolve("seed"));
        Files.writeString(dir.resolve("seed/.gitkeep"), "");

        var scan = new MigrationScanner().scan(dir);

        assertThat(scan.files()).extracting(MigrationFile::script).containsExactly("tables/001_a.sql");
        assertThat(scan.warnings()).isEmpty();
    }
}
