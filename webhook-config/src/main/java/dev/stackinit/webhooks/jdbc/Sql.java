package dev.stackinit.webhooks.jdbc;

import dev.stackinit.errors.InvalidInputException;
import dev.stackinit.errors.RejectedException;
import dev.stackinit.errors.UnreachableException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/** Small JDBC helpers on one borrowed connection: typed failures, no escape processing, SQL from resources. */
public final class Sql {
    @FunctionalInterface
    interface Work<T> {
        T run(Connection connection) throws SQLException;
    }

    private final Connection connection;

    Sql(Connection connection) {
        this.connection = connection;
    }

    <T> T withConnection(String what, Work<T> work) {
        try {
            return work.run(connection);
        } catch (SQLException e) {
            throw failure(what, e);
        }
    }

    boolean queryBoolean(String query, String... parameters) {
        return withConnection("querying the catalog", c -> {
            try (PreparedStatement statement = c.prepareStatement(query)) {
                for (int i = 0; i < parameters.length; i++) {
                    statement.setString(i + 1, parameters[i]);
                }
                try (ResultSet rows = statement.executeQuery()) {
                    return rows.next() && rows.getBoolean(1);
                }
            }
        });
    }

    /** The first column of every row. */
    java.util.List<String> queryStrings(String query, String... parameters) {
        return withConnection("querying the catalog", c -> {
            try (PreparedStatement statement = c.prepareStatement(query)) {
                for (int i = 0; i < parameters.length; i++) {
                    statement.setString(i + 1, parameters[i]);
                }
                try (ResultSet rows = statement.executeQuery()) {
                    java.util.List<String> values = new java.util.ArrayList<>();
                    while (rows.next()) {
                        values.add(rows.getString(1));
                    }
                    return values;
                }
            }
        });
    }

    String queryString(String query) {
        return withConnection("querying the catalog", c -> {
            try (Statement statement = c.createStatement();
                    ResultSet rows = statement.executeQuery(query)) {
                return rows.next() ? rows.getString(1) : null;
            }
        });
    }

    /** Runs generated SQL as written: JDBC escape processing off, so nothing in a literal is rewritten. */
    void execute(String sql) {
        withConnection("running " + firstWords(sql), c -> {
            try (Statement statement = c.createStatement()) {
                statement.setEscapeProcessing(false);
                statement.execute(sql);
                return null;
            }
        });
    }

    /** How the server stores text, so raw bytes from the catalog (trigger arguments) decode right. */
    Charset serverCharset() {
        String encoding = queryString("SHOW server_encoding");
        if (encoding == null || encoding.equalsIgnoreCase("UTF8")) {
            return StandardCharsets.UTF_8;
        }
        if (encoding.equalsIgnoreCase("SQL_ASCII") || encoding.equalsIgnoreCase("LATIN1")) {
            return StandardCharsets.ISO_8859_1;
        }
        try {
            return Charset.forName(encoding.replace("WIN", "windows-"));
        } catch (IllegalArgumentException e) {
            return StandardCharsets.UTF_8;
        }
    }

    static String resource(String name) {
        try (InputStream in = Sql.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * What a SQL failure means for the exit code: a failed login is invalid input (3, as in every tool), a dropped
     * connection or a server going away is unreachable (4, never 5), anything else the server refusing (5).
     */
    public static RuntimeException failure(String what, SQLException e) {
        String state = e.getSQLState() == null ? "" : e.getSQLState();
        String reason = String.valueOf(e.getMessage()).replace('\n', ' ');
        if (state.startsWith("28")) {
            return new InvalidInputException(
                    "authentication failed for " + what + ": " + reason
                            + " (check the password: --password-file, the URL or PGPASSWORD)",
                    e);
        }
        if (state.equals("3D000")) {
            return new InvalidInputException(what + ": " + reason, e);
        }
        if (state.startsWith("08") || state.equals("57P01") || state.equals("57P02") || state.equals("57P03")) {
            return new UnreachableException("lost the database connection while " + what + ": " + reason, e);
        }
        return new RejectedException(
                "database refused " + what + ": " + reason + (state.isEmpty() ? "" : " [" + state + "]"), e);
    }

    private static String firstWords(String sql) {
        String[] words = sql.split("\\s+", 4);
        return words.length < 3 ? sql : words[0] + " " + words[1] + " " + words[2];
    }
}
