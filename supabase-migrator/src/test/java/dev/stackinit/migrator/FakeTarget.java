package dev.stackinit.migrator;

import java.math.BigInteger;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** In-memory history; fails the file whose script is set in {@link #failOn}. */
final class FakeTarget implements MigrationTarget {
    final Map<MigrationKey, AppliedMigration> rows = new LinkedHashMap<>();
    final List<String> executed = new ArrayList<>();
    Set<BigInteger> cliVersions = Set.of();
    int cliVersionQueries;
    String failOn;
    /** Runs after each applied file, e.g. to change a file on disk mid-run. */
    Runnable afterApply = () -> {};

    int locks;
    int lockCalls;
    int ensureCalls;

    @Override
    public Lock lock(Runnable onWait) {
        locks++;
        lockCalls++;
        return () -> locks--;
    }

    @Override
    public void ensureHistory() {
        ensureCalls++;
    }

    @Override
    public List<AppliedMigration> history() {
        return List.copyOf(rows.values());
    }

    /** The connection drops in this file, {@link #losses} times; after the commit when {@link #lostAfterCommit}. */
    String loseConnectionOn;

    int losses;
    boolean lostAfterCommit;
    int reconnects;
    /** Files another migrator applies while this one reconnects. */
    List<PreparedMigration> appliedByOthersOnReconnect = new ArrayList<>();

    RuntimeException reconnectFailure;

    @Override
    public void reconnect() {
        if (reconnectFailure != null) {
            throw reconnectFailure;
        }
        reconnects++;
        appliedByOthersOnReconnect.forEach(m -> apply(m, false));
        appliedByOthersOnReconnect = new ArrayList<>();
    }

    @Override
    public AppliedMigration apply(PreparedMigration migration, boolean replace) {
        if (migration.file().script().equals(loseConnectionOn) && losses > 0) {
            losses--;
            if (lostAfterCommit) {
                record(migration);
            }
            throw new ConnectionLost("FATAL: terminating connection due to administrator command", null);
        }
        return record(migration);
    }

    private AppliedMigration record(PreparedMigration migration) {
        if (migration.file().script().equals(failOn)) {
            throw new MigrationFailure(
                    migration.file().script(), 3, "42883", "function nope() does not exist", true, null);
        }
        executed.add(migration.file().script());
        AppliedMigration row = new AppliedMigration(
                migration.file().phase(),
                migration.file().version(),
                migration.file().name(),
                migration.file().script(),
                migration.kind(),
                migration.checksum(),
                true,
                "postgres",
                Instant.EPOCH,
                1);
        rows.put(row.key(), row);
        afterApply.run();
        return row;
    }

    @Override
    public void record(List<AppliedMigration> recorded) {
        recorded.forEach(r -> rows.put(r.key(), r));
    }

    @Override
    public void accept(MigrationKey key, String name, String script, String checksum) {
        AppliedMigration r = rows.get(key);
        rows.put(
                key,
                new AppliedMigration(
                        r.phase(),
                        r.version(),
                        name,
                        script,
                        r.kind(),
                        checksum,
                        true,
                        r.installedBy(),
                        r.installedOn(),
                        r.executionMillis()));
    }

    @Override
    public void forget(MigrationKey key) {
        rows.remove(key);
    }

    @Override
    public Set<BigInteger> supabaseCliVersions() {
        cliVersionQueries++;
        return cliVersions;
    }
}
