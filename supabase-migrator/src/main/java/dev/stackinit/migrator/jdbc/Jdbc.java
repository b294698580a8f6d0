package dev.stackinit.migrator.jdbc;

import dev.stackinit.errors.RejectedException;
import dev.stackinit.errors.ToolException;
import dev.stackinit.errors.UnreachableException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * The few query shapes our own bookkeeping needs, on plain JDBC. (Jdbi was the first choice; its start-up — about 500
 * classes and JFR — cost most of the one-second budget of a no-op run.) A failure of our own SQL is the server refusing
 * it: exit 5.
 */
final class Jdbc {
    private Jdbc() {}

    @FunctionalInterface
    interface RowMapper<T> {
        T map(ResultSet rs) throws SQLException;
    }

    static <T> List<T> list(Connection c, String sql, RowMapper<T> mapper, Object... params) {
        try (PreparedStatement ps = prepare(c, sql, params);
                ResultSet rs = ps.executeQuery()) {
            List<T> rows = new ArrayList<>();
            while (rs.next()) {
                rows.add(mapper.map(rs));
            }
            return rows;
        } catch (SQLException e) {
            throw refused(sql, e);
        }
    }

    static <T> T one(Connection c, String sql, RowMapper<T> mapper, Object... params) {
        List<T> rows = list(c, sql, mapper, params);
        if (rows.size() != 1) {
            throw new IllegalStateException("expected one row from " + sql + ", got " + rows.size());
        }
        return rows.get(0);
    }

    static boolean bool(Connection c, String sql, Object... params) {
        return one(c, sql, rs -> rs.getBoolean(1), params);
    }

    static String text(Connection c, String sql, Object... params) {
        return one(c, sql, rs -> rs.getString(1), params);
    }

    static int update(Connection c, String sql, Object... params) {
        try (PreparedStatement ps = prepare(c, sql, params)) {
            return ps.executeUpdate();
        } catch (SQLException e) {
            throw refused(sql, e);
        }
    }

    /** Several statements in one go (no parameters). */
    static void script(Connection c, String sql) {
        try (Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw refused(sql, e);
        }
    }

    private static PreparedStatement prepare(Connection c, String sql, Object... params) throws SQLException {
        PreparedStatement ps = c.prepareStatement(sql);
        for (int i = 0; i < params.length; i++) {
            ps.setObject(i + 1, params[i]);
        }
        return ps;
    }

    /** A SQL error of our own statements: the server refusing it (5), or the connection gone (4, never 5). */
    static ToolException refused(String sql, SQLException e) {
        // the statement itself, not the comment that explains it
        String first = sql.lines()
                .map(String::strip)
                .filter(line -> !line.isEmpty() && !line.startsWith("--"))
                .findFirst()
                .orElse(sql.strip());
        first = first.length() <= 80 ? first : first.substring(0, 77) + "...";
        if (Disconnects.isLost(e.getSQLState())) {
            return new UnreachableException(
                    "lost the database connection (" + first + "): "
                            + e.getMessage().replace('\n', ' '),
                    e);
        }
        String hint = "42501".equals(e.getSQLState())
                ? ". Hint: the migrator keeps its history in a table of its own (--history-table, default "
                        + MigrationSetup.Settings.DEFAULT_HISTORY_TABLE + "): the user needs CREATE on the database"
                        + " for its schema, or name a table in a schema it may write to"
                : "";
        return new RejectedException(
                "the database refused the migrator's own SQL (" + first + "): "
                        + e.getMessage().replace('\n', ' ') + hint,
                e);
    }
}
