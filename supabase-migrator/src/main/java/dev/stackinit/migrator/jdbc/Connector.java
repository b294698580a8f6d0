package dev.stackinit.migrator.jdbc;

import dev.stackinit.errors.InvalidInputException;
import dev.stackinit.errors.UnreachableException;
import dev.stackinit.shared.Retry;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;

/**
 * Opens connections, waiting with bounded backoff until the server accepts them (a database container that is still
 * starting), and optionally until tables exist (GoTrue's auth.users) or after creating a missing database.
 */
public final class Connector {
    private final Retry retry;
    private final Retry.Policy policy;
    private final Consumer<String> progress;

    public Connector(Retry retry, Duration timeout, Consumer<String> progress) {
        this.retry = retry;
        this.policy = Retry.Policy.waitingUpTo(timeout);
        this.progress = progress;
    }

    public Connection open(DatabaseUrl url) {
        try {
            return retry.until(
                    "PostgreSQL at " + url.display(),
                    policy,
                    Connector::isStarting,
                    Retry.Listener.printing(progress, url.display()),
                    url::connect);
        } catch (SQLException e) {
            throw classify(e, url);
        }
    }

    /** Connects to the server's maintenance database and creates {@code url}'s database if it does not exist. */
    public boolean createDatabaseIfMissing(DatabaseUrl url) {
        try (Connection c = openMaintenance(url)) {
            if (exists(c, url.database())) {
                return false;
            }
            try (Statement create = c.createStatement()) {
                create.execute("create database " + quoteIdentifier(url.database()));
            }
            return true;
        } catch (SQLException e) {
            throw new InvalidInputException(
                    "cannot create database " + url.database() + " as " + url.user() + ": " + e.getMessage(), e);
        }
    }

    /** Whether {@code url}'s database exists, asked of the server's maintenance database; changes nothing. */
    public boolean databaseExists(DatabaseUrl url) {
        try (Connection c = openMaintenance(url)) {
            return exists(c, url.database());
        } catch (SQLException e) {
            throw new UnreachableException("cannot look up database " + url.database() + ": " + e.getMessage(), e);
        }
    }

    /** The server's maintenance database, to look up or create {@code url}'s. */
    private Connection openMaintenance(DatabaseUrl url) {
        return open(url.withDatabase(url.database().equals("postgres") ? "template1" : "postgres"));
    }

    private static boolean exists(Connection c, String database) throws SQLException {
        try (PreparedStatement exists = c.prepareStatement("select 1 from pg_database where datname = ?")) {
            exists.setString(1, database);
            try (ResultSet rs = exists.executeQuery()) {
                return rs.next();
            }
        }
    }

    /** {@code schema.table} or {@code table}, each part a plain or a double-quoted identifier. */
    private static final java.util.regex.Pattern TABLE_NAME = java.util.regex.Pattern.compile(
            "(?:[A-Za-z_][A-Za-z0-9_$]*|\"(?:[^\"\\x00]|\"\")+\")(?:\\.(?:[A-Za-z_][A-Za-z0-9_$]*|\"(?:[^\"\\x00]|\"\")+\"))?");

    /**
     * Refuses a name that cannot be a table before anything connects: waiting a minute for {@code auth.users;x} to
     * appear and then reporting an unreachable database would send the user looking in the wrong place.
     */
    public static void checkTableNames(List<String> tables) {
        for (String table : tables) {
            if (table == null
                    || table.length() > 200
                    || !TABLE_NAME.matcher(table.strip()).matches()) {
                throw new InvalidInputException("--wait-for-table '" + table + "' is not a table name (schema.table,"
                        + " e.g. auth.users; quote unusual names with double quotes)");
            }
        }
    }

    /** Waits until every table ({@code schema.name}) exists, e.g. auth.users created by GoTrue at start-up. */
    public void waitForTables(Connection connection, List<String> tables) {
        checkTableNames(tables);
        for (String table : tables) {
            try {
                waitForTable(connection, table.strip());
            } catch (SQLException e) {
                String state = e.getSQLState() == null ? "" : e.getSQLState();
                if (state.startsWith("08") || state.startsWith("57P")) {
                    throw new UnreachableException(
                            "lost the connection while waiting for table " + table + ": " + e.getMessage(), e);
                }
                // 42602 invalid name, 3F000 no schema …: the name, not the server, is the problem
                throw new InvalidInputException("--wait-for-table " + table + ": " + e.getMessage(), e);
            }
        }
    }

    private void waitForTable(Connection connection, String table) throws SQLException {
        retry.until(
                "table " + table,
                policy,
                e -> e instanceof TableMissing,
                (attempt, delay, cause) -> progress.accept("waiting for table " + table + " (GoTrue/Storage still"
                        + " migrating?), retrying in " + delay.toMillis() + " ms"),
                () -> {
                    try (PreparedStatement ps = connection.prepareStatement("select to_regclass(?) is not null")) {
                        ps.setString(1, table);
                        try (ResultSet rs = ps.executeQuery()) {
                            rs.next();
                            if (!rs.getBoolean(1)) {
                                throw new TableMissing();
                            }
                        }
                    }
                    return true;
                });
    }

    private static boolean isStarting(Exception e) {
        if (!(e instanceof SQLException sql)) {
            return false;
        }
        String state = sql.getSQLState() == null ? "" : sql.getSQLState();
        // 08: connection refused/reset; 57P03: the database system is starting up
        return state.startsWith("08") || state.equals("57P03");
    }

    private static RuntimeException classify(SQLException e, DatabaseUrl url) {
        String state = e.getSQLState() == null ? "" : e.getSQLState();
        if (state.startsWith("28")) {
            return new InvalidInputException(
                    "authentication as " + url.user() + " failed at " + url.display()
                            + ": check the password (URL, PGPASSWORD or POSTGRES_PASSWORD)",
                    e);
        }
        if (state.equals("3D000")) {
            return new InvalidInputException(
                    "database " + url.database() + " does not exist: pass --create-database to create it", e);
        }
        return new UnreachableException("cannot connect to " + url.display() + ": " + e.getMessage(), e);
    }

    static String quoteIdentifier(String name) {
        return "\"" + name.replace("\"", "\"\"") + "\"";
    }

    private static final class TableMissing extends SQLException {
        private static final long serialVersionUID = 1L;

        TableMissing() {
            super("not there yet", "42P01");
        }
    }
}
