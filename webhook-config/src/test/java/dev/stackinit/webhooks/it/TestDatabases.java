package dev.stackinit.webhooks.it;

import dev.stackinit.embedded.EmbeddedSupabase;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/** A fresh database per test on one embedded server, with helpers to run SQL and read the trigger catalog. */
public final class TestDatabases {
    private static final AtomicInteger COUNTER = new AtomicInteger();
    private final EmbeddedSupabase server;

    public TestDatabases(EmbeddedSupabase server) {
        this.server = server;
    }

    public String fresh() {
        String name = "wh_" + COUNTER.incrementAndGet();
        server.createDatabase(name);
        return name;
    }

    public String url(String database) {
        return "postgres://postgres:" + server.password() + "@localhost:" + server.port() + "/" + database;
    }

    public String adminUrl(String database) {
        return "postgres://supabase_admin:" + server.password() + "@localhost:" + server.port() + "/" + database;
    }

    public Connection connect(String database, String user) throws SQLException {
        return DriverManager.getConnection(
                "jdbc:postgresql://localhost:" + server.port() + "/" + database, user, server.password());
    }

    public void sql(String database, String... statements) throws SQLException {
        try (Connection connection = connect(database, "postgres");
                Statement statement = connection.createStatement()) {
            for (String sql : statements) {
                statement.execute(sql);
            }
        }
    }

    public List<String> column(String database, String query) throws SQLException {
        try (Connection connection = connect(database, "postgres");
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery(query)) {
            List<String> values = new ArrayList<>();
            while (rows.next()) {
                values.add(rows.getString(1));
            }
            return values;
        }
    }

    /** pg_get_triggerdef of every non-internal trigger outside the system schemas, sorted. */
    public List<String> triggerDefinitions(String database) throws SQLException {
        return column(
                database,
                "SELECT pg_get_triggerdef(t.oid) FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid"
                        + " JOIN pg_namespace n ON n.oid = c.relnamespace WHERE NOT t.tgisinternal"
                        + " AND n.nspname NOT IN ('pg_catalog', 'information_schema', 'net', 'supabase_functions')"
                        + " ORDER BY 1");
    }
}
