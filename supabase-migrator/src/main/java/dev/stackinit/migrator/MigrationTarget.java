package dev.stackinit.migrator;

import java.math.BigInteger;
import java.util.List;
import java.util.Set;

/** The database side of migrating, as the core needs it; {@code dev.stackinit.migrator.jdbc} implements it. */
public interface MigrationTarget {

    /** Held while migrating, repairing or baselining; closing releases it. */
    interface Lock extends AutoCloseable {
        @Override
        void close();
    }

    /** Blocks until no other migrator holds the lock; {@code onWait} runs once if it has to wait. */
    Lock lock(Runnable onWait);

    /** Creates the history table if missing. */
    void ensureHistory();

    /** The history rows; empty if there is no history table yet. */
    List<AppliedMigration> history();

    /**
     * Runs one migration and records it, in one transaction when it is transactional.
     *
     * @param replace true if a row for it exists already (a changed YAML webhook file applied again)
     * @throws MigrationFailure if a statement fails (the transaction is rolled back; a non-transactional file is recorded
     *     as failed)
     * @throws ConnectionLost if the connection dropped meanwhile (nothing of a transactional file stays)
     */
    AppliedMigration apply(PreparedMigration migration, boolean replace);

    /** Records rows without running anything (baseline, adopted Supabase CLI versions). */
    void record(List<AppliedMigration> rows);

    /** Repair: stores the file's current name and checksum for an applied row. */
    void accept(MigrationKey key, String name, String script, String checksum);

    /** Repair: removes a row (failed entries). */
    void forget(MigrationKey key);

    /** Versions in supabase_migrations.schema_migrations when mirroring into it is on; empty otherwise. */
    Set<BigInteger> supabaseCliVersions();

    /**
     * Dry run: what applying a non-SQL file (YAML webhooks) would do, for people, changing nothing. By default the
     * file's kind only.
     */
    default List<String> plan(PreparedMigration migration) {
        return List.of(migration.kind());
    }

    /**
     * After {@link ConnectionLost}: opens new connections (waiting for a restarting server) and takes the lock again if
     * one was held. A target that cannot reconnect says so by throwing.
     */
    default void reconnect() {
        throw new dev.stackinit.errors.UnreachableException("the database connection was lost");
    }
}
