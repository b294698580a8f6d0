package dev.stackinit.migrator;

import dev.stackinit.errors.InvalidInputException;
import dev.stackinit.errors.RejectedException;
import java.math.BigInteger;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * migrate: under the lock, bootstrap, then every pending file in (phase, version) order, each in its own transaction.
 * Refuses to start when applied files were edited or failed (validate / repair first); missing files only warn. Files
 * are read one at a time (for their checksums, for the check of every placeholder before anything runs, and to run
 * them), so memory stays that of the largest file, whatever their number.
 */
public final class Migrator {
    private final MigrationTarget target;
    private final MigrationSource source;
    private final Bootstrap bootstrap;
    private final MigrationListener listener;
    private final Clock clock;

    public Migrator(
            MigrationTarget target,
            MigrationSource source,
            Bootstrap bootstrap,
            MigrationListener listener,
            Clock clock) {
        this.target = target;
        this.source = source;
        this.bootstrap = bootstrap;
        this.listener = listener;
        this.clock = clock;
    }

    public MigrateReport migrate(List<MigrationFile> files) {
        long started = clock.millis();
        Map<MigrationKey, String> checksums = source.checksums(files);
        List<String> warnings = new ArrayList<>();
        try (MigrationTarget.Lock lock = target.lock(listener::waitingForLock)) {
            target.ensureHistory();
            Bootstrap.Result bootstrapped = bootstrap.run();
            StatusBoard board = StatusBoard.compare(files, checksums, target.history());
            refuseDrift(board);
            board.inState(FileState.MISSING).forEach(m -> warn(warnings, m.script() + " was applied but is missing"));
            Map<MigrationKey, MigrationFile> byKey = new HashMap<>();
            files.forEach(f -> byKey.put(f.key(), f));
            List<FileStatus> pending = board.pending();
            List<AppliedMigration> adopted = adopt(pending, byKey, checksums);
            Set<MigrationKey> adoptedKeys =
                    adopted.stream().map(AppliedMigration::key).collect(Collectors.toSet());
            List<MigrationFile> toRun = pending.stream()
                    .filter(p -> !adoptedKeys.contains(p.key()))
                    .map(p -> byKey.get(p.key()))
                    .toList();
            // check every file first, so that an undefined placeholder fails before anything changes; one file at a
            // time, kept only as its warnings: memory does not grow with the number of files
            for (MigrationFile file : toRun) {
                source.prepare(file).sql().ifPresent(s -> s.warnings().forEach(w -> warn(warnings, w)));
            }
            List<AppliedMigration> applied = run(toRun, board, checksums);
            return new MigrateReport(
                    applied,
                    adopted,
                    board.count(FileState.APPLIED),
                    bootstrapped.lines(),
                    bootstrapped.changed(),
                    warnings,
                    clock.millis() - started);
        }
    }

    /** Reads, prepares and runs one file at a time; what ran must be what was compared with the history. */
    private List<AppliedMigration> run(
            List<MigrationFile> files, StatusBoard board, Map<MigrationKey, String> checksums) {
        Set<MigrationKey> outdated =
                board.inState(FileState.OUTDATED).stream().map(FileStatus::key).collect(Collectors.toSet());
        List<AppliedMigration> applied = new ArrayList<>();
        for (MigrationFile file : files) {
            PreparedMigration migration = source.prepare(file);
            if (!migration.checksum().equals(checksums.get(file.key()))) {
                throw new InvalidInputException(file.script() + " changed while migrate was running; " + applied.size()
                        + " file(s) applied before it stay applied: run migrate again");
            }
            try {
                AppliedMigration row = target.apply(migration, outdated.contains(file.key()));
                applied.add(row);
                listener.applied(row, applied.size(), files.size());
            } catch (MigrationFailure failure) {
                throw rejected(failure, applied.size());
            }
        }
        return applied;
    }

    /** CLI files whose version supabase_migrations already lists were applied by the Supabase CLI: record, not run. */
    private List<AppliedMigration> adopt(
            List<FileStatus> pending, Map<MigrationKey, MigrationFile> byKey, Map<MigrationKey, String> checksums) {
        Set<BigInteger> cliVersions = target.supabaseCliVersions();
        List<AppliedMigration> adopted = pending.stream()
                .filter(p -> p.key().phase() == Phase.MIGRATIONS && p.state() == FileState.PENDING)
                .filter(p -> cliVersions.contains(p.key().version()))
                .map(p -> recorded(byKey.get(p.key()), checksums.get(p.key()), AppliedMigration.KIND_ADOPTED))
                .toList();
        if (!adopted.isEmpty()) {
            target.record(adopted);
        }
        return adopted;
    }

    static AppliedMigration recorded(MigrationFile file, String checksum, String kind) {
        return new AppliedMigration(
                file.phase(), file.version(), file.name(), file.script(), kind, checksum, true, null, null, 0);
    }

    private static void refuseDrift(StatusBoard board) {
        List<FileStatus> blocking = board.drift().stream()
                .filter(s -> s.state() != FileState.MISSING)
                .toList();
        if (!blocking.isEmpty()) {
            throw new InvalidInputException("not migrating: " + describe(blocking)
                    + " (run validate for details; repair accepts reviewed edits and clears failed entries)");
        }
    }

    static String describe(List<FileStatus> statuses) {
        return statuses.stream().map(s -> s.script() + " " + s.state().label()).collect(Collectors.joining(", "));
    }

    private static RejectedException rejected(MigrationFailure f, int appliedBefore) {
        StringBuilder message = new StringBuilder()
                .append(f.script())
                .append(':')
                .append(f.line())
                .append(": SQLSTATE ")
                .append(f.sqlState())
                .append(": ")
                .append(f.serverMessage());
        message.append(
                f.transactional()
                        ? " (the file was rolled back"
                        : " (this file runs outside a transaction: statements before this line stay applied and it is"
                                + " recorded as failed; fix the database, then repair");
        message.append("; ").append(appliedBefore).append(" file(s) applied before it stay applied)");
        SupabaseHints.forFailure(f.sqlState(), f.serverMessage())
                .ifPresent(hint -> message.append(". Hint: ").append(hint));
        return new RejectedException(message.toString(), f);
    }

    private void warn(List<String> warnings, String warning) {
        warnings.add(warning);
        listener.warning(warning);
    }
}
