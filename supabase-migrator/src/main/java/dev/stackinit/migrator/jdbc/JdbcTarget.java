package dev.stackinit.migrator.jdbc;

import dev.stackinit.errors.RejectedException;
import dev.stackinit.migrator.AppliedMigration;
import dev.stackinit.migrator.ConnectionLost;
import dev.stackinit.migrator.MigrationFailure;
import dev.stackinit.migrator.MigrationKey;
import dev.stackinit.migrator.MigrationTarget;
import dev.stackinit.migrator.Phase;
import dev.stackinit.migrator.PreparedMigration;
import dev.stackinit.migrator.SqlScript;
import dev.stackinit.migrator.SqlStatement;
import java.math.BigInteger;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** {@link MigrationTarget} on PostgreSQL: advisory lock, one transaction per file, history rows in the same one. */
public final class JdbcTarget implements MigrationTarget {
    private final Session session;
    private final HistoryTable history;
    private final Optional<SupabaseCliHistory> cliHistory;
    private final WebhookConfigAdapter webhooks;
    private final Clock clock;
    private AdvisoryLock lock;

    public JdbcTarget(
            Session session,
            HistoryTable history,
            Optional<SupabaseCliHistory> cliHistory,
            WebhookConfigAdapter webhooks,
            Clock clock) {
        this.session = session;
        this.history = history;
        this.cliHistory = cliHistory;
        this.webhooks = webhooks;
        this.clock = clock;
    }

    @Override
    public Lock lock(Runnable onWait) {
        lock = AdvisoryLock.acquire(session.main(), history.name(), onWait);
        return () -> {
            AdvisoryLock held = lock;
            lock = null;
            if (held != null) {
                held.close();
            }
        };
    }

    /** New connections, and the lock again on the new main one (the server dropped it with the old connection). */
    @Override
    public void reconnect() {
        session.reopen();
        if (lock != null) {
            lock = AdvisoryLock.acquire(session.main(), history.name(), () -> {});
        }
    }

    @Override
    public void ensureHistory() {
        history.ensure(session.main());
        cliHistory.ifPresent(cli -> cli.ensure(session.main()));
    }

    @Override
    public List<AppliedMigration> history() {
        return history.load(session.main());
    }

    @Override
    public AppliedMigration apply(PreparedMigration migration, boolean replace) {
        Connection connection = migration.asAdmin() ? session.admin() : session.main();
        long started = clock.millis();
        try {
            return migration.transactional()
                    ? inTransaction(connection, migration, replace, started)
                    : withoutTransaction(connection, migration, replace, started);
        } catch (RuntimeException e) {
            if (Disconnects.isLost(e, connection)) {
                throw new ConnectionLost(lostMessage(e), e);
            }
            throw e;
        }
    }

    private static String lostMessage(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && Disconnects.isLost(sql.getSQLState())) {
                return sql.getMessage().replace('\n', ' ');
            }
        }
        return e.getMessage() == null ? "connection closed" : e.getMessage().replace('\n', ' ');
    }

    private AppliedMigration inTransaction(
            Connection connection, PreparedMigration migration, boolean replace, long started) {
        try {
            connection.setAutoCommit(false);
            try {
                AppliedMigration row = executeAndRecord(connection, migration, replace, started);
                mirror(connection, migration);
                connection.commit();
                return row;
            } catch (RuntimeException | SQLException e) {
                connection.rollback();
                throw e;
            } finally {
                connection.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw new RejectedException("recording " + migration.file().script() + " failed: " + e.getMessage(), e);
        }
    }

    private AppliedMigration withoutTransaction(
            Connection connection, PreparedMigration migration, boolean replace, long started) {
        try {
            execute(connection, migration);
        } catch (MigrationFailure failure) {
            if (Disconnects.isLost(failure, connection)) {
                throw failure; // no connection to record it on: the caller reports what may be half applied
            }
            history.write(connection, row(migration, false, started), replace);
            throw failure;
        }
        AppliedMigration row = history.write(connection, row(migration, true, started), replace);
        try {
            mirror(connection, migration);
        } catch (SQLException e) {
            throw new RejectedException("recording " + migration.file().script() + " failed: " + e.getMessage(), e);
        }
        return row;
    }

    /**
     * A SQL file, its history row and the commit in one round trip where possible: the commit goes in the same batch
     * unless the Supabase CLI history must be written after it (the driver's own commit then finds nothing to do). On
     * an error the server skips the rest of the batch, the commit included, and the caller rolls back.
     */
    private AppliedMigration executeAndRecord(
            Connection connection, PreparedMigration migration, boolean replace, long started) {
        if (migration.sql().isPresent() && !replace) {
            String insert = history.insertStatement(row(migration, true, started));
            String trailer = mirrored(migration) ? insert : insert + "\n;\nCOMMIT";
            if (StatementRunner.run(connection, migration, trailer)) {
                return row(migration, true, started);
            }
        } else {
            execute(connection, migration);
        }
        return history.write(connection, row(migration, true, started), replace);
    }

    private void execute(Connection connection, PreparedMigration migration) {
        if (migration.sql().isPresent()) {
            StatementRunner.run(connection, migration);
            return;
        }
        try {
            webhooks.apply(connection, migration.file().path());
        } catch (RejectedException e) {
            throw new MigrationFailure(
                    migration.file().script(), 1, "webhook-config", e.getMessage(), migration.transactional(), e);
        }
    }

    /** Whether the file is also recorded in supabase_migrations (in its transaction, after the file). */
    private boolean mirrored(PreparedMigration migration) {
        return cliHistory.isPresent() && migration.file().phase() == Phase.MIGRATIONS;
    }

    private void mirror(Connection connection, PreparedMigration migration) throws SQLException {
        if (mirrored(migration)) {
            List<String> statements = migration.sql().map(SqlScript::statements).orElse(List.of()).stream()
                    .map(SqlStatement::sql)
                    .toList();
            cliHistory
                    .get()
                    .record(
                            connection,
                            migration.file().version(),
                            migration.file().name(),
                            statements);
        }
    }

    private AppliedMigration row(PreparedMigration migration, boolean success, long started) {
        return new AppliedMigration(
                migration.file().phase(),
                migration.file().version(),
                migration.file().name(),
                migration.file().script(),
                migration.kind(),
                migration.checksum(),
                success,
                null,
                null,
                clock.millis() - started);
    }

    @Override
    public void record(List<AppliedMigration> rows) {
        Connection c = session.main();
        try {
            c.setAutoCommit(false);
            try {
                rows.forEach(row -> history.write(c, row, false));
                c.commit();
            } catch (RuntimeException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw Jdbc.refused("recording history rows", e);
        }
    }

    @Override
    public void accept(MigrationKey key, String name, String script, String checksum) {
        history.accept(session.main(), key, name, script, checksum);
    }

    @Override
    public void forget(MigrationKey key) {
        history.delete(session.main(), key);
    }

    @Override
    public List<String> plan(PreparedMigration migration) {
        if (migration.sql().isPresent()) {
            return List.of();
        }
        return webhooks.plan(session.main(), migration.file().path());
    }

    @Override
    public Set<BigInteger> supabaseCliVersions() {
        return cliHistory.map(cli -> cli.versions(session.main())).orElse(Set.of());
    }
}
