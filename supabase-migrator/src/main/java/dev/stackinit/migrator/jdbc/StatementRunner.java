package dev.stackinit.migrator.jdbc;

import dev.stackinit.migrator.MigrationFailure;
import dev.stackinit.migrator.PreparedMigration;
import dev.stackinit.migrator.SqlStatement;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.postgresql.util.PSQLException;
import org.postgresql.util.ServerErrorMessage;

/**
 * Runs a SQL file. In a transaction, the whole file goes out in one round trip; if it fails, the transaction is rolled
 * back and the file is run again statement by statement (and rolled back again) only to find the failing statement, so
 * the error names the file line the server points at. Outside a transaction, statement by statement.
 */
final class StatementRunner {
    private static final Pattern ATOMIC = Pattern.compile("(?i)\\bbegin\\s+atomic\\b");

    private StatementRunner() {}

    static void run(Connection connection, PreparedMigration migration) {
        run(connection, migration, null);
    }

    /**
     * @param trailer SQL to send in the same round trip after the file (its history row), or null
     * @return true if the trailer was sent; false if the file ran statement by statement and the caller must do it
     */
    static boolean run(Connection connection, PreparedMigration migration, String trailer) {
        List<SqlStatement> statements = migration.sql().orElseThrow().statements();
        if (!migration.transactional() || hasAtomicBody(statements)) {
            oneByOne(connection, migration, statements);
            return false;
        }
        try (Statement statement = connection.createStatement()) {
            // like the Supabase CLI: a SET in one file must not leak into the next;
            // the newline before each ';' ends a trailing line comment of the statement before it
            String file = statements.stream().map(SqlStatement::sql).collect(Collectors.joining("\n;\n"));
            statement.execute("RESET ALL\n;\n" + file + (trailer == null ? "" : "\n;\n" + trailer));
            return trailer != null;
        } catch (SQLException e) {
            throw locate(connection, migration, statements, e);
        }
    }

    private static void oneByOne(Connection connection, PreparedMigration migration, List<SqlStatement> statements) {
        try (Statement statement = connection.createStatement()) {
            statement.execute("RESET ALL");
            for (SqlStatement sql : statements) {
                try {
                    statement.execute(sql.sql());
                } catch (SQLException e) {
                    throw failure(migration, sql, e);
                }
            }
        } catch (SQLException e) {
            throw failure(migration, new SqlStatement("", 1), e);
        }
    }

    private static MigrationFailure locate(
            Connection connection, PreparedMigration migration, List<SqlStatement> statements, SQLException original) {
        try {
            connection.rollback();
            oneByOne(connection, migration, statements);
        } catch (MigrationFailure located) {
            return located;
        } catch (SQLException e) {
            original.addSuppressed(e);
        } finally {
            try {
                connection.rollback();
            } catch (SQLException e) {
                original.addSuppressed(e);
            }
        }
        return failure(migration, statements.isEmpty() ? new SqlStatement("", 1) : statements.get(0), original);
    }

    /** PgJDBC's own splitter does not know SQL-standard bodies; send those files statement by statement. */
    private static boolean hasAtomicBody(List<SqlStatement> statements) {
        return statements.stream().anyMatch(s -> ATOMIC.matcher(s.sql()).find());
    }

    static MigrationFailure failure(PreparedMigration migration, SqlStatement sql, SQLException e) {
        ServerErrorMessage server = e instanceof PSQLException psql ? psql.getServerErrorMessage() : null;
        int line = server == null ? sql.line() : sql.lineOfPosition(server.getPosition());
        String message = server == null ? e.getMessage() : describe(server);
        String state = e.getSQLState() == null ? "?" : e.getSQLState();
        return new MigrationFailure(migration.file().script(), line, state, message, migration.transactional(), e);
    }

    private static String describe(ServerErrorMessage server) {
        StringBuilder text = new StringBuilder(server.getMessage());
        if (server.getDetail() != null) {
            text.append(" (").append(server.getDetail()).append(')');
        }
        if (server.getHint() != null) {
            text.append(" [server hint: ").append(server.getHint()).append(']');
        }
        return text.toString();
    }
}
