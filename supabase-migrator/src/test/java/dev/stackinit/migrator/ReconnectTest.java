package dev.stackinit.migrator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stackinit.errors.UnreachableException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A lost connection mid-run: reconnect and go on from the history where that is safe, else exit 4, never 5. */
class ReconnectTest {
    @TempDir
    Path dir;

    private final FakeTarget target = new FakeTarget();
    private final MigrationSource source = new MigrationSource(Placeholders.none(), file -> "canonical");
    private final List<String> heard = new ArrayList<>();
    private final MigrationListener listener = new MigrationListener() {
        @Override
        public void waitingForLock() {}

        @Override
        public void applied(AppliedMigration row, int done, int total) {}

        @Override
        public void warning(String message) {}

        @Override
        public void reconnecting(String script, String why) {
            heard.add(script + ": " + why);
        }
    };
    private final Migrator migrator =
            new Migrator(target, source, Bootstrap.NONE, listener, Clock.fixed(Instant.EPOCH, ZoneOffset.UTC));

    private void write(String relative, String sql) throws IOException {
        Path file = dir.resolve(relative);
        Files.createDirectories(file.getParent());
        Files.writeString(file, sql);
    }

    private List<MigrationFile> files() {
        return new MigrationScanner().scan(dir).files();
    }

    @Test
    void aFileRolledBackByTheLossRunsAgainAfterReconnecting() throws IOException {
        write("tables/1_a.sql", "select 1;");
        write("tables/2_b.sql", "select 2;");
        write("tables/3_c.sql", "select 3;");
        target.loseConnectionOn = "tables/2_b.sql";
        target.losses = 1;

        MigrateReport report = migrator.migrate(files());

        assertThat(report.applied())
                .extracting(AppliedMigration::script)
                .containsExactly("tables/1_a.sql", "tables/2_b.sql", "tables/3_c.sql");
        assertThat(target.executed).containsExactly("tables/1_a.sql", "tables/2_b.sql", "tables/3_c.sql");
        assertThat(target.reconnects).isEqualTo(1);
        assertThat(heard).singleElement().asString().startsWith("tables/2_b.sql: FATAL: terminating connection");
        assertThat(migrator.migrate(files()).applied()).isEmpty();
    }

    @Test
    void aFileThatCommittedJustBeforeTheLossIsNotRunTwice() throws IOException {
        write("tables/1_a.sql", "select 1;");
        write("tables/2_b.sql", "select 2;");
        target.loseConnectionOn = "tables/1_a.sql";
        target.losses = 1;
        target.lostAfterCommit = true;

        MigrateReport report = migrator.migrate(files());

        assertThat(target.executed).containsExactly("tables/1_a.sql", "tables/2_b.sql");
        assertThat(report.applied())
                .extracting(AppliedMigration::script)
                .containsExactly("tables/1_a.sql", "tables/2_b.sql");
    }

    @Test
    void filesAnotherMigratorAppliedMeanwhileAreSkipped() throws IOException {
        write("tables/1_a.sql", "select 1;");
        write("tables/2_b.sql", "select 2;");
        write("tables/3_c.sql", "select 3;");
        target.loseConnectionOn = "tables/1_a.sql";
        target.losses = 1;
        List<MigrationFile> files = files();
        // while this run is away, another one takes the lock and applies 1 and 2
        target.appliedByOthersOnReconnect = List.of(source.prepare(files.get(0)), source.prepare(files.get(1)));

        MigrateReport report = migrator.migrate(files);

        assertThat(target.executed).containsExactly("tables/1_a.sql", "tables/2_b.sql", "tables/3_c.sql");
        assertThat(report.applied())
                .extracting(AppliedMigration::script)
                .containsExactly("tables/1_a.sql", "tables/3_c.sql");
        assertThat(report.warnings())
                .containsExactly("tables/2_b.sql was applied by another migrate run during the reconnect");
    }

    @Test
    void aFileOutsideATransactionStopsTheRunWithExitFourNamingWhatMayBeHalfApplied() throws IOException {
        write("tables/1_a.sql", "select 1;");
        write("tables/2_b.sql", "-- migrator:no-transaction\ncreate index concurrently i on t (x);\n");
        write("tables/3_c.sql", "select 3;");
        target.loseConnectionOn = "tables/2_b.sql";
        target.losses = 1;

        assertThatThrownBy(() -> migrator.migrate(files()))
                .isInstanceOf(UnreachableException.class)
                .hasMessageContaining("lost the database connection while running tables/2_b.sql")
                .hasMessageContaining("outside a transaction")
                .hasMessageContaining("1 file(s) before it applied");
        assertThat(target.reconnects).isZero();
        assertThat(target.executed).containsExactly("tables/1_a.sql");
    }

    @Test
    void aConnectionThatKeepsDroppingEndsWithExitFour() throws IOException {
        write("tables/1_a.sql", "select 1;");
        target.loseConnectionOn = "tables/1_a.sql";
        target.losses = 100;

        assertThatThrownBy(() -> migrator.migrate(files()))
                .isInstanceOf(UnreachableException.class)
                .hasMessageContaining("lost the database connection 4 times");
        assertThat(target.reconnects).isEqualTo(Migrator.MAX_RECONNECTS);
    }

    @Test
    void aTargetThatCannotReconnectIsExitFourToo() throws IOException {
        write("tables/1_a.sql", "select 1;");
        target.loseConnectionOn = "tables/1_a.sql";
        target.losses = 1;
        target.reconnectFailure = new UnreachableException("PostgreSQL did not answer within 60 s");

        assertThatThrownBy(() -> migrator.migrate(files()))
                .isInstanceOf(UnreachableException.class)
                .hasMessageContaining("did not answer");
    }
}
