package dev.stackinit.migrator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stackinit.errors.InvalidInputException;
import dev.stackinit.errors.UsageException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MigrationCreatorTest {
    @TempDir
    Path dir;

    private final MigrationCreator creator = new MigrationCreator(
            new MigrationScanner(), Clock.fixed(Instant.parse("2025-03-04T05:06:07Z"), ZoneOffset.UTC));

    private void write(String relative) throws IOException {
        Path file = dir.resolve(relative);
        Files.createDirectories(file.getParent());
        Files.writeString(file, "select 1;");
    }

    @Test
    void theNextFileOfAPhaseFollowsItsLastFileWithTheSameWidth() throws IOException {
        write("tables/001_a.sql");
        write("tables/004_d.sql");
        write("functions/1_f.sql");

        MigrationCreator.Created created = creator.create(dir, "tables", "add_orders");

        assertThat(created.script()).isEqualTo("tables/005_add_orders.sql");
        assertThat(created.path())
                .isEqualTo(dir.resolve("tables/005_add_orders.sql"))
                .exists();
        assertThat(creator.create(dir, "functions", "f2").script()).isEqualTo("functions/2_f2.sql");
    }

    @Test
    void anEmptyOrMissingPhaseStartsAt001() throws IOException {
        write("tables/001_a.sql");

        assertThat(creator.create(dir, "triggers", "on_x").script()).isEqualTo("triggers/001_on_x.sql");
        assertThat(creator.create(dir.resolve("fresh"), "seed", "demo").path())
                .isEqualTo(dir.resolve("fresh/seed/001_demo.sql"))
                .exists();
    }

    @Test
    void theWidthGrowsPastItsLastNumberAndFollowsTheHighestFile() throws IOException {
        write("tables/099_a.sql");
        write("tables/10_b.sql");
        assertThat(creator.create(dir, "tables", "c").script()).isEqualTo("tables/100_c.sql");
    }

    @Test
    void theCreatedFileIsAValidMigrationThatTheScannerReads() throws IOException {
        write("tables/001_a.sql");
        creator.create(dir, "tables", "b");
        creator.create(dir, "webhooks", "hooks");

        assertThat(new MigrationScanner().scan(dir).files())
                .extracting(MigrationFile::script)
                .containsExactly("tables/001_a.sql", "tables/002_b.sql", "webhooks/001_hooks.yml");
        assertThat(Files.readString(dir.resolve("tables/002_b.sql"))).startsWith("-- tables/002_b.sql: runs once");
    }

    @Test
    void webhooksGetAYamlFileWithACommentedTemplateThatDeclaresNothingYet() {
        MigrationCreator.Created created = creator.create(dir, "webhooks", "orders");

        assertThat(created.script()).isEqualTo("webhooks/001_orders.yml");
        assertThat(MigrationCreator.template(Phase.WEBHOOKS, "webhooks/001_orders.yml"))
                .contains("webhooks: []")
                .contains("#  - name: order_created")
                .contains("#    url: ${STACKEND_URL:-http://stackend:8000}");
    }

    @Test
    void theSupabaseCliPhaseIsNumberedByTheClockLikeSupabaseMigrationNew() throws IOException {
        assertThat(creator.create(dir, "migrations", "init").script())
                .isEqualTo("supabase/migrations/20250304050607_init.sql");
        // a second file in the same second still comes after the first
        assertThat(creator.create(dir, "migrations", "next").script())
                .isEqualTo("supabase/migrations/20250304050608_next.sql");
    }

    @Test
    void aSupabaseCliFolderGivenAsTheDirectoryGetsItsFileAtItsTop() throws IOException {
        write("20240101000000_first.sql");
        assertThat(creator.create(dir, "migrations", "second").path())
                .isEqualTo(dir.resolve("20250304050607_second.sql"));
    }

    @Test
    void anExistingFileIsNeverOverwritten() throws IOException {
        // a folder of that name is in the way: the scanner skips it, the creator must not replace it
        Files.createDirectories(dir.resolve("tables/001_orders.sql"));

        assertThatThrownBy(() -> creator.create(dir, "tables", "orders"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("tables/001_orders.sql already exists");
        assertThat(dir.resolve("tables/001_orders.sql")).isDirectory();
    }

    @Test
    void anUnknownPhaseOrAnUnsafeNameIsAUsageError() {
        assertThatThrownBy(() -> creator.create(dir, "views", "x"))
                .isInstanceOf(UsageException.class)
                .hasMessageContaining("unknown phase 'views'");
        assertThatThrownBy(() -> creator.create(dir, "tables", "../escape"))
                .isInstanceOf(UsageException.class)
                .hasMessageContaining("letters, digits");
        assertThat(dir.resolve("tables")).doesNotExist();
    }
}
