package dev.stackinit.webhooks.jdbc;

import static dev.stackinit.webhooks.SqlQuoting.ident;
import static dev.stackinit.webhooks.SqlQuoting.literal;

import java.util.List;

/**
 * pg_net for the webhook function: installs the extension where the server offers it, and lets the function's owner
 * call it. Found by {@code net.http_post}'s signature, so the embedded stand-in counts as installed too.
 */
final class PgNetSetup {
    static final String HTTP_POST = "net.http_post(text,jsonb,jsonb,jsonb,integer)";
    static final String HTTP_GET = "net.http_get(text,jsonb,jsonb,integer)";

    private final Sql sql;
    private final List<String> actions;
    private final List<String> warnings;

    PgNetSetup(Sql sql, List<String> actions, List<String> warnings) {
        this.sql = sql;
        this.actions = actions;
        this.warnings = warnings;
    }

    void ensureInstalled() {
        if (installed()) {
            return;
        }
        if (!sql.queryBoolean("SELECT EXISTS (SELECT 1 FROM pg_available_extensions WHERE name = 'pg_net')")) {
            warnings.add("pg_net is not available on this server: webhooks will fire but send nothing");
            return;
        }
        boolean extensionsSchema = sql.queryBoolean("SELECT to_regnamespace('extensions') IS NOT NULL");
        sql.execute("CREATE EXTENSION IF NOT EXISTS pg_net" + (extensionsSchema ? " SCHEMA extensions" : ""));
        actions.add("create extension pg_net");
    }

    /** Usage on schema net and execute on the two functions; insert on the queue where the functions need it. */
    void grantTo(String role) {
        if (!installed()) {
            return;
        }
        grant("usage on schema net", "has_schema_privilege", "net", "USAGE", "USAGE ON SCHEMA net", role);
        grant(
                "execute on net.http_post",
                "has_function_privilege",
                HTTP_POST,
                "EXECUTE",
                "EXECUTE ON FUNCTION " + HTTP_POST,
                role);
        if (sql.queryBoolean("SELECT to_regprocedure(" + literal(HTTP_GET) + ") IS NOT NULL")) {
            grant(
                    "execute on net.http_get",
                    "has_function_privilege",
                    HTTP_GET,
                    "EXECUTE",
                    "EXECUTE ON FUNCTION " + HTTP_GET,
                    role);
        }
        boolean invoker =
                !sql.queryBoolean("SELECT prosecdef FROM pg_proc WHERE oid = " + literal(HTTP_POST) + "::regprocedure");
        if (invoker && sql.queryBoolean("SELECT to_regclass('net.http_request_queue') IS NOT NULL")) {
            // invoker-rights functions write the queue as the caller, here the webhook function's owner
            if (!sql.queryBoolean("SELECT has_table_privilege(?, 'net.http_request_queue', 'INSERT')", role)) {
                sql.execute("GRANT INSERT ON net.http_request_queue TO " + ident(role));
                sql.execute("GRANT USAGE ON ALL SEQUENCES IN SCHEMA net TO " + ident(role));
                actions.add("grant insert on net.http_request_queue to " + role);
            }
        }
    }

    private boolean installed() {
        return sql.queryBoolean("SELECT to_regprocedure(" + literal(HTTP_POST) + ") IS NOT NULL");
    }

    private void grant(String what, String check, String object, String privilege, String grant, String role) {
        if (!sql.queryBoolean("SELECT " + check + "(?, ?, ?)", role, object, privilege)) {
            sql.execute("GRANT " + grant + " TO " + ident(role));
            actions.add("grant " + what + " to " + role);
        }
    }
}
