package dev.stackinit.webhooks.jdbc;

import dev.stackinit.webhooks.Event;
import dev.stackinit.webhooks.LiveWebhook;
import dev.stackinit.webhooks.WebhookDatabase;
import java.nio.charset.Charset;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * The webhook catalog on one JDBC connection, inside whatever transaction the caller has open: it never commits, rolls
 * back or changes auto-commit. SQL errors become RejectedException (exit 5).
 */
public final class JdbcWebhookDatabase implements WebhookDatabase {
    // pg_trigger.tgtype bits (src/include/catalog/pg_trigger.h)
    private static final int ROW = 1;
    private static final int BEFORE = 2;
    private static final int INSERT = 4;
    private static final int DELETE = 8;
    private static final int UPDATE = 16;
    private static final int INSTEAD = 64;
    /** Any value; only appliers of this tool wait on it. */
    private static final long LOCK_KEY = 0x77656268L;

    private final Sql sql;

    public JdbcWebhookDatabase(Connection connection) {
        this.sql = new Sql(connection);
    }

    @Override
    public boolean webhooksEnabled() {
        return sql.queryBoolean("SELECT to_regprocedure('supabase_functions.http_request()') IS NOT NULL");
    }

    @Override
    public boolean pgNetPresent() {
        return sql.queryBoolean("SELECT to_regprocedure('net.http_post(text,jsonb,jsonb,jsonb,integer)') IS NOT NULL");
    }

    @Override
    public boolean tableExists(String schema, String table) {
        return sql.queryBoolean(
                "SELECT EXISTS (SELECT 1 FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace"
                        + " WHERE n.nspname = ? AND c.relname = ? AND c.relkind IN ('r', 'p', 'f'))",
                schema,
                table);
    }

    @Override
    public void lock() {
        sql.queryBoolean("SELECT pg_advisory_xact_lock(" + LOCK_KEY + ") IS NULL");
    }

    @Override
    public void execute(String statement) {
        sql.execute(statement);
    }

    @Override
    public List<LiveWebhook> webhooks() {
        Charset charset = sql.serverCharset();
        return sql.withConnection("reading the webhooks", connection -> {
            List<LiveWebhook> webhooks = new ArrayList<>();
            try (PreparedStatement statement = connection.prepareStatement(Sql.resource("list-webhooks.sql"));
                    ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    webhooks.add(row(rows, charset));
                }
            }
            return webhooks;
        });
    }

    private static LiveWebhook row(ResultSet rows, Charset charset) throws SQLException {
        int type = rows.getInt("type");
        return new LiveWebhook(
                rows.getString("name"),
                rows.getString("schema"),
                rows.getString("table"),
                events(type),
                (type & INSTEAD) != 0 ? "INSTEAD OF" : (type & BEFORE) != 0 ? "BEFORE" : "AFTER",
                (type & ROW) != 0,
                rows.getString("function_schema"),
                rows.getString("function_name"),
                TriggerArguments.decode(rows.getBytes("args"), rows.getInt("nargs"), charset),
                rows.getBoolean("enabled"),
                rows.getBoolean("extra_clauses"),
                rows.getString("definition"));
    }

    private static Set<Event> events(int type) {
        Set<Event> events = EnumSet.noneOf(Event.class);
        if ((type & INSERT) != 0) {
            events.add(Event.INSERT);
        }
        if ((type & UPDATE) != 0) {
            events.add(Event.UPDATE);
        }
        if ((type & DELETE) != 0) {
            events.add(Event.DELETE);
        }
        return events;
    }
}
