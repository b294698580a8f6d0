package dev.stackinit.migrator;

import dev.stackinit.errors.InvalidInputException;
import dev.stackinit.errors.RejectedException;
import dev.stackinit.errors.UnreachableException;
import java.math.BigInteger;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * migrate: under the lock, bootstrap, then every pending file in (phase, version) order, each in its own transaction.
 * Refuses to start when applied files were edited or failed (validate / repair first); missing files only warn. Files
 * are read one at a time (for their checksums, for the check of every placeholder before anything runs, and to run
 * them), so memory stays that of the largest file, whatever their number. A connection lost in a transactional file is
 * survived: reconnect, read the history, go on from what it says (the file again if it was rolled back, else the next);
 * lost in a file outside a transaction, the run stops with exit 4.
 */
public final class Migrator {
    /** A server that keeps dropping the connection is not coming back soon: give up after this many reconnects. */
    static final int MAX_RECONNECTS = 3;

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
        return migrate(files, source.checksums(files), Optional.empty());
    }

    /** @param limit the last file to apply ({@code --target}); pending files after it stay pending */
    public MigrateReport migrate(List<MigrationFile> files, Optional<MigrationLimit> limit) {
        return migrate(files, source.checksums(files), limit);
    }

    /**
     * @param checksums {@link MigrationSource#checksums} of the files, computed before connecting: reading them is
     *     where invalid UTF-8 and broken YAML are found, and that should happen before anything else
     * @param limit the last file to apply ({@code --target}); pending files after it stay pending
     */
    public MigrateReport migrate(
            List<MigrationFile> files, Map<MigrationKey, String> checksums, Optional<MigrationLimit> limit) {
        long started = clock.millis();
        limit.ifPresent(l -> requireFile(files, l));
        List<String> warnings = new ArrayList<>();
        try (MigrationTarget.Lock lock = target.lock(listener::waitingForLock)) {
            target.ensureHistory();
            Bootstrap.Result bootstrapped = bootstrap.run();
            Work work = work(files, checksums, limit, warnings);
            List<AppliedMigration> adopted = adoptable(work);
            if (!adopted.isEmpty()) {
                target.record(adopted);
            }
            List<MigrationFile> toRun = toRun(work, adopted);
            check(toRun);
            List<AppliedMigration> applied = run(toRun, work, warnings);
            return new MigrateReport(
                    applied,
                    adopted,
                    work.board().count(FileState.APPLIED),
                    bootstrapped.lines(),
                    bootstrapped.changed(),
                    warnings,
                    clock.millis() - started,
                    work.notApplied());
        }
    }

    /**
     * migrate --dry-run: what {@link #migrate} would do, changing nothing. No lock, no history table, no history row;
     * the bootstrap says what it would do ({@link Bootstrap#plan}). It refuses what migrate refuses (drift, an undefined
     * placeholder), so a clean dry run means the real run starts.
     */
    public MigratePlan plan(List<MigrationFile> files, Optional<MigrationLimit> limit) {
        limit.ifPresent(l -> requireFile(files, l));
        Map<MigrationKey, String> checksums = source.checksums(files);
        List<String> warnings = new ArrayList<>();
        Bootstrap.Result bootstrapped = bootstrap.plan();
        Work work = work(files, checksums, limit, warnings);
        List<AppliedMigration> adopted = adoptable(work);
        List<MigratePlan.PlannedFile> planned = new ArrayList<>();
        List<MigrationFile> toRun = toRun(work, adopted);
        check(toRun);
        for (MigrationFile file : toRun) {
            PreparedMigration migration = source.prepare(file); // one at a time: the plan keeps only its summary
            migration.sql().ifPresent(s -> s.warnings().forEach(w -> warn(warnings, w)));
            FileState state = work.board().entries().stream()
                    .filter(e -> e.key().equals(migration.file().key()))
                    .map(FileStatus::state)
                    .findFirst()
                    .orElse(FileState.PENDING);
            List<String> runs = migration.sql().isPresent()
                    ? migration.sql().get().statements().stream()
                            .map(Migrator::firstLine)
                            .toList()
                    : target.plan(migration);
            planned.add(new MigratePlan.PlannedFile(
                    migration.file(),
                    state,
                    migration.kind(),
                    migration.sql().map(sql -> sql.statements().size()).orElse(0),
                    migration.transactional(),
                    migration.asAdmin(),
                    runs));
        }
        return new MigratePlan(
                planned,
                adopted.stream().map(AppliedMigration::script).toList(),
                work.board().count(FileState.APPLIED),
                bootstrapped.lines(),
                bootstrapped.changed(),
                work.notApplied(),
                warnings);
    }

    /** Dry run on a database that does not exist yet ({@code --create-database}): every file pending, no bootstrap. */
    public static MigratePlan planForEmptyDatabase(
            List<MigrationFile> files, MigrationSource source, Optional<MigrationLimit> limit) {
        MigrationTarget empty = new MigrationTarget() {
            @Override
            public Lock lock(Runnable onWait) {
                throw new IllegalStateException("a dry run takes no lock");
            }

            @Override
            public void ensureHistory() {
                throw new IllegalStateException("a dry run creates no history");
            }

            @Override
            public List<AppliedMigration> history() {
                return List.of();
            }

            @Override
            public AppliedMigration apply(PreparedMigration migration, boolean replace) {
                throw new IllegalStateException("a dry run applies nothing");
            }

            @Override
            public void record(List<AppliedMigration> rows) {
                throw new IllegalStateException("a dry run records nothing");
            }

            @Override
            public void accept(MigrationKey key, String name, String script, String checksum) {
                throw new IllegalStateException("a dry run records nothing");
            }

            @Override
            public void forget(MigrationKey key) {
                throw new IllegalStateException("a dry run records nothing");
            }

            @Override
            public Set<BigInteger> supabaseCliVersions() {
                return Set.of();
            }
        };
        Bootstrap.Result wouldBootstrap = new Bootstrap.Result(List.of("would run on the new database"), true);
        Bootstrap bootstrap = new Bootstrap() {
            @Override
            public Result run() {
                throw new IllegalStateException("a dry run bootstraps nothing");
            }

            @Override
            public Result plan() {
                return wouldBootstrap;
            }
        };
        return new Migrator(empty, source, bootstrap, MigrationListener.NONE, Clock.systemUTC()).plan(files, limit);
    }

    /** The files compared with the history, split at the limit; drift refused, missing files warned about. */
    private record Work(
            StatusBoard board,
            List<FileStatus> pending,
            Map<MigrationKey, MigrationFile> byKey,
            Map<MigrationKey, String> checksums,
            List<String> notApplied) {}

    private Work work(
            List<MigrationFile> files,
            Map<MigrationKey, String> checksums,
            Optional<MigrationLimit> limit,
            List<String> warnings) {
        StatusBoard board = StatusBoard.compare(files, checksums, target.history());
        refuseDrift(board);
        board.inState(FileState.MISSING).forEach(m -> warn(warnings, m.script() + " was applied but is missing"));
        Map<MigrationKey, MigrationFile> byKey = new HashMap<>();
        files.forEach(f -> byKey.put(f.key(), f));
        List<FileStatus> pending = new ArrayList<>();
        List<String> notApplied = new ArrayList<>();
        for (FileStatus status : board.pending()) {
            if (limit.map(l -> l.includes(status.key())).orElse(true)) {
                pending.add(status);
            } else {
                notApplied.add(status.script());
            }
        }
        return new Work(board, pending, byKey, checksums, notApplied);
    }

    /** The pending files that run (the adopted ones are only recorded), in order. */
    private static List<MigrationFile> toRun(Work work, List<AppliedMigration> adopted) {
        Set<MigrationKey> adoptedKeys =
                adopted.stream().map(AppliedMigration::key).collect(Collectors.toSet());
        return work.pending().stream()
                .filter(p -> !adoptedKeys.contains(p.key()))
                .map(p -> work.byKey().get(p.key()))
                .toList();
    }

    /**
     * Checks every file first, so that an undefined placeholder or a bad declaration fails before anything changes;
     * one file at a time, nothing kept: memory does not grow with the number of files.
     */
    private void check(List<MigrationFile> files) {
        files.forEach(source::check);
    }

    private static void requireFile(List<MigrationFile> files, MigrationLimit limit) {
        if (limit.version().isEmpty()) {
            return;
        }
        boolean found = files.stream().anyMatch(f -> f.key().equals(limit.asKey()));
        if (!found) {
            List<String> inPhase = files.stream()
                    .filter(f -> f.phase() == limit.phase())
                    .map(f -> f.version().toString())
                    .toList();
            throw new InvalidInputException("target " + limit + ": no such file in "
                    + limit.phase().folder() + "/"
                    + (inPhase.isEmpty() ? " (it has none)" : " (its versions: " + String.join(", ", inPhase) + ")"));
        }
    }

    /** A statement for people: its first non-comment line, shortened. */
    static String firstLine(SqlStatement statement) {
        String line = statement
                .sql()
                .lines()
                .map(String::strip)
                .filter(l -> !l.isEmpty() && !l.startsWith("--"))
                .findFirst()
                .orElse(statement.sql().strip());
        return line.length() <= 100 ? line : line.substring(0, 97) + "...";
    }

    /**
     * Reads, prepares and runs one file at a time (its warnings said right before it runs); what runs must be what was
     * compared with the history.
     */
    private List<AppliedMigration> run(List<MigrationFile> files, Work work, List<String> warnings) {
        Set<MigrationKey> outdated = work.board().inState(FileState.OUTDATED).stream()
                .map(FileStatus::key)
                .collect(Collectors.toSet());
        List<AppliedMigration> applied = new ArrayList<>();
        int reconnects = 0;
        for (int i = 0; i < files.size(); ) {
            MigrationFile file = files.get(i);
            PreparedMigration migration = source.prepare(file);
            migration.sql().ifPresent(s -> s.warnings().forEach(w -> warn(warnings, w)));
            if (!migration.checksum().equals(work.checksums().get(file.key()))) {
                throw new InvalidInputException(file.script() + " changed while migrate was running; " + applied.size()
                        + " file(s) applied before it stay applied: run migrate again");
            }
            try {
                AppliedMigration row = target.apply(migration, outdated.contains(file.key()));
                applied.add(row);
                listener.applied(row, applied.size(), files.size());
                i++;
            } catch (MigrationFailure failure) {
                throw rejected(failure, applied.size());
            } catch (ConnectionLost lost) {
                if (!migration.transactional()) {
                    throw halfApplied(migration, lost, applied.size());
                }
                if (++reconnects > MAX_RECONNECTS) {
                    throw new UnreachableException(
                            "lost the database connection " + reconnects + " times while migrating (last in "
                                    + file.script() + ": " + lost.getMessage() + "); " + applied.size()
                                    + " file(s) applied and recorded, the rest pending",
                            lost);
                }
                listener.reconnecting(file.script(), lost.getMessage());
                target.reconnect();
                // the history says what committed: the file itself just before the loss, or others by another run
                Map<MigrationKey, AppliedMigration> done = new HashMap<>();
                target.history().stream().filter(AppliedMigration::success).forEach(r -> done.put(r.key(), r));
                if (isRecorded(done, file, work)) {
                    applied.add(done.get(file.key()));
                    listener.applied(done.get(file.key()), applied.size(), files.size());
                    i++;
                }
                while (i < files.size() && isRecorded(done, files.get(i), work)) {
                    // applied by another migrator that took the lock while we were away: named, not dropped silently
                    warn(warnings, files.get(i).script() + " was applied by another migrate run during the reconnect");
                    i++;
                }
            }
        }
        return applied;
    }

    private static boolean isRecorded(Map<MigrationKey, AppliedMigration> done, MigrationFile file, Work work) {
        AppliedMigration row = done.get(file.key());
        return row != null && row.checksum().equals(work.checksums().get(file.key()));
    }

    private static UnreachableException halfApplied(PreparedMigration migration, ConnectionLost lost, int before) {
        return new UnreachableException(
                "lost the database connection while running " + migration.file().script()
                        + ", which runs outside a transaction: statements before the loss may be applied and it is not"
                        + " recorded; check the database, then run migrate again (" + before
                        + " file(s) before it applied"
                        + " and recorded): " + lost.getMessage(),
                lost);
    }

    /** CLI files whose version supabase_migrations already lists were applied by the Supabase CLI: record, not run. */
    private List<AppliedMigration> adoptable(Work work) {
        List<FileStatus> candidates = work.pending().stream()
                .filter(p -> p.key().phase() == Phase.MIGRATIONS && p.state() == FileState.PENDING)
                .toList();
        if (candidates.isEmpty()) {
            return List.of(); // nothing of the CLI folder pending (a no-op run): no query of its history
        }
        Set<BigInteger> cliVersions = target.supabaseCliVersions();
        return candidates.stream()
                .filter(p -> cliVersions.contains(p.key().version()))
                .map(p -> recorded(
                        work.byKey().get(p.key()), work.checksums().get(p.key()), AppliedMigration.KIND_ADOPTED))
                .toList();
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
