package dev.stackinit.migrator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stackinit.errors.InvalidInputException;
import dev.stackinit.errors.RejectedException;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MigratorTest {
    @TempDir
    Path dir;

    private final FakeTarget target = new FakeTarget();
    private final MigrationSource source =
            new MigrationSource(Placeholders.of(Map.of(), Map.of("X", "1")), file -> "canonical");
    private final Migrator migrator = new Migrator(
            target, source, Bootstrap.NONE, MigrationListener.NONE, Clock.fixed(Instant.EPOCH, ZoneOffset.UTC));

    private void write(String relative, String sql) throws IOException {
        Path file = dir.resolve(relative);
        Files.createDirectories(file.getParent());
        Files.writeString(file, sql);
    }

    private List<MigrationFile> files() {
        return new MigrationScanner().scan(dir).files();
    }

    @Test
    void appliesInPhaseOrderAndASecondRunIsANoOp() throws IOException {
        write("triggers/1_t.sql", "select 1;");
        write("tables/1_a.sql", "select ${X};");
        write("functions/1_f.sql", "select 1;");

        MigrateReport first = migrator.migrate(files());
        MigrateReport second = migrator.migrate(files());

        assertThat(target.executed).containsExactly("tables/1_a.sql", "functions/1_f.sql", "triggers/1_t.sql");
        assertThat(first.applied()).hasSize(3);
        assertThat(second.applied()).isEmpty();
        assertThat(second.upToDate()).isEqualTo(3);
        assertThat(target.locks).isZero();
    }

    @Test
    void aTableFileAddedAfterTriggersWereAppliedStillApplies() throws IOException {
        write("tables/1_a.sql", "select 1;");
        write("triggers/1_t.sql", "select 1;");
        migrator.migrate(files());
        write("tables/2_b.sql", "select 2;");

        MigrateReport report = migrator.migrate(files());

        assertThat(report.applied()).extracting(AppliedMigration::script).containsExactly("tables/2_b.sql");
    }

    @Test
    void aFailureNamesFileLineSqlStateAndAHintAndKeepsEarlierFiles() throws IOException {
        write("tables/1_a.sql", "select 1;");
        write("functions/1_f.sql", "select 1;");
        target.failOn = "functions/1_f.sql";

        assertThatThrownBy(() -> migrator.migrate(files()))
                .isInstanceOf(RejectedException.class)
                .hasMessageContaining("functions/1_f.sql:3: SQLSTATE 42883: function nope() does not exist")
                .hasMessageContaining("rolled back")
                .hasMessageContaining("Hint: the function does not exist yet");
        assertThat(target.rows).hasSize(1);
    }

    @Test
    void anEditedAppliedFileStopsMigrateAndValidate() throws IOException {
        write("tables/1_a.sql", "select 1;");
        migrator.migrate(files());
        write("tables/1_a.sql", "select 2;");
        write("tables/2_b.sql", "select 1;");

        assertThatThrownBy(() -> migrator.migrate(files()))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("tables/1_a.sql edited");
        assertThatThrownBy(() -> new Inspector(target, source).validate(files()))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("drift: tables/1_a.sql edited");
        assertThat(target.executed).containsExactly("tables/1_a.sql");

        assertThat(new Repairer(target, source).repair(files())).containsExactly("accepted tables/1_a.sql (edited)");
        assertThat(migrator.migrate(files()).applied()).hasSize(1);
        assertThat(new Inspector(target, source).validate(files()).pending()).isEmpty();
    }

    @Test
    void anUndefinedPlaceholderFailsBeforeAnythingRuns() throws IOException {
        write("tables/1_a.sql", "select 1;");
        write("tables/2_b.sql", "select '${UNDEFINED}';");

        assertThatThrownBy(() -> migrator.migrate(files())).hasMessageContaining("tables/2_b.sql:1: placeholder");
        assertThat(target.executed).isEmpty();
    }

    @Test
    void aFileEditedWhileMigrateRunsIsNotRunUnderItsOldChecksum() throws IOException {
        write("tables/1_a.sql", "select 1;");
        write("tables/2_b.sql", "select 2;");
        target.afterApply = () -> {
            try {
                write("tables/2_b.sql", "select 'edited';");
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        };

        assertThatThrownBy(() -> migrator.migrate(files()))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("tables/2_b.sql changed while migrate was running; 1 file(s) applied before it");
        assertThat(target.executed).containsExactly("tables/1_a.sql");
    }

    @Test
    void supabaseCliVersionsAlreadyRecordedAreAdoptedNotRun() throws IOException {
        write("supabase/migrations/20240101000000_init.sql", "select 1;");
        write("supabase/migrations/20240102000000_next.sql", "select 1;");
        target.cliVersions = Set.of(new BigInteger("20240101000000"));

        MigrateReport report = migrator.migrate(files());

        assertThat(report.adopted()).extracting(AppliedMigration::kind).containsExactly("adopted");
        assertThat(target.executed).containsExactly("supabase/migrations/20240102000000_next.sql");
    }

    @Test
    void aNoOpRunDoesNotAskTheSupabaseCliHistory() throws IOException {
        write("supabase/migrations/20240101000000_init.sql", "select 1;");
        target.cliVersions = Set.of(new BigInteger("20240101000000"));
        migrator.migrate(files());
        int queriesOfTheFirstRun = target.cliVersionQueries;

        MigrateReport second = migrator.migrate(files());

        assertThat(queriesOfTheFirstRun).isEqualTo(1);
        assertThat(target.cliVersionQueries).isEqualTo(1);
        assertThat(second.applied()).isEmpty();
        assertThat(second.upToDate()).isEqualTo(1);
    }

    @Test
    void aChangedWebhookFileIsOutdatedAndAppliedAgain() throws IOException {
        write("webhooks/1_hook.yml", "webhooks: []");
        migrator.migrate(files());
        MigrationSource changed = new MigrationSource(Placeholders.none(), file -> "other canonical");
        Migrator next = new Migrator(
                target, changed, Bootstrap.NONE, MigrationListener.NONE, Clock.fixed(Instant.EPOCH, ZoneOffset.UTC));

        assertThat(new Inspector(target, changed).info(files()).inState(FileState.OUTDATED))
                .hasSize(1);
        assertThat(next.migrate(files()).applied()).hasSize(1);
        assertThat(target.executed).containsExactly("webhooks/1_hook.yml", "webhooks/1_hook.yml");
    }

    @Test
    void baselineRecordsWithoutRunningAndOnlyOnAnEmptyHistory() throws IOException {
        write("tables/1_a.sql", "select 1;");
        write("tables/2_b.sql", "select 1;");
        write("functions/1_f.sql", "select 1;");
        Baseliner baseliner = new Baseliner(target, source);

        List<AppliedMigration> rows =
                baseliner.baseline(files(), Optional.of(new MigrationKey(Phase.TABLES, BigInteger.TEN)));

        assertThat(rows).extracting(AppliedMigration::script).containsExactly("tables/1_a.sql", "tables/2_b.sql");
        assertThat(migrator.migrate(files()).applied())
                .extracting(AppliedMigration::script)
                .containsExactly("functions/1_f.sql");
        assertThatThrownBy(() -> baseliner.baseline(files(), Optional.empty()))
                .isInstanceOf(InvalidInputException.class);
    }

    @Test
    void aDryRunListsEveryPendingFileWithWhatItRunsAndChangesNothing() throws IOException {
        write("tables/1_a.sql", "select 1;");
        migrator.migrate(files());
        int locksBefore = target.lockCalls;
        int ensuresBefore = target.ensureCalls;
        write("tables/2_b.sql", "-- a comment first\ncreate table b (id int);\ncreate index on b (id);");
        write("functions/1_f.sql", "create index concurrently x on b (id);");
        write("webhooks/1_hook.yml", "webhooks: []");

        MigratePlan plan = migrator.plan(files(), Optional.empty());

        assertThat(plan.pending())
                .extracting(p -> p.file().script())
                .containsExactly("tables/2_b.sql", "functions/1_f.sql", "webhooks/1_hook.yml");
        assertThat(plan.pending().get(0).runs()).containsExactly("create table b (id int)", "create index on b (id)");
        assertThat(plan.pending().get(0).transactional()).isTrue();
        assertThat(plan.pending().get(1).transactional()).isFalse();
        assertThat(plan.pending().get(2).kind()).isEqualTo("webhooks");
        assertThat(plan.upToDate()).isEqualTo(1);
        assertThat(target.executed).containsExactly("tables/1_a.sql");
        assertThat(target.rows).hasSize(1);
        assertThat(target.lockCalls).isEqualTo(locksBefore);
        assertThat(target.ensureCalls).isEqualTo(ensuresBefore);
    }

    @Test
    void aDryRunRefusesWhatMigrateRefuses() throws IOException {
        write("tables/1_a.sql", "select 1;");
        migrator.migrate(files());
        write("tables/1_a.sql", "select 2;");
        assertThatThrownBy(() -> migrator.plan(files(), Optional.empty()))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("tables/1_a.sql edited");

        write("tables/1_a.sql", "select 1;");
        write("tables/2_b.sql", "select '${UNDEFINED}';");
        assertThatThrownBy(() -> migrator.plan(files(), Optional.empty()))
                .hasMessageContaining("tables/2_b.sql:1: placeholder");
    }

    @Test
    void aTargetStopsAfterItsFileAndSaysWhatStaysPending() throws IOException {
        write("tables/1_a.sql", "select 1;");
        write("tables/2_b.sql", "select 1;");
        write("tables/3_c.sql", "select 1;");
        write("functions/1_f.sql", "select 1;");

        MigrateReport first = migrator.migrate(files(), Optional.of(MigrationLimit.parse("tables/2", "--target")));

        assertThat(target.executed).containsExactly("tables/1_a.sql", "tables/2_b.sql");
        assertThat(first.notApplied()).containsExactly("tables/3_c.sql", "functions/1_f.sql");

        MigrateReport second = migrator.migrate(files(), Optional.of(MigrationLimit.parse("tables", "--target")));
        assertThat(second.applied()).extracting(AppliedMigration::script).containsExactly("tables/3_c.sql");
        assertThat(second.notApplied()).containsExactly("functions/1_f.sql");
        assertThat(migrator.migrate(files()).notApplied()).isEmpty();
        assertThat(target.executed).hasSize(4);
    }

    @Test
    void aTargetNamingNoFileIsInvalidInputBeforeAnythingRuns() throws IOException {
        write("tables/1_a.sql", "select 1;");
        write("tables/2_b.sql", "select 1;");

        assertThatThrownBy(() -> migrator.migrate(files(), Optional.of(MigrationLimit.parse("tables/9", "--target"))))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("target tables/9: no such file in tables/ (its versions: 1, 2)");
        assertThat(target.executed).isEmpty();
        assertThat(target.lockCalls).isZero();
    }
}
