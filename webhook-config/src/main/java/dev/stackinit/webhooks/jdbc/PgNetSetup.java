package dev.stackinit.webhooks.jdbc;

import static dev.stackinit.webhooks.SqlQuoting.ident;
import static dev.stackinit.webhooks.SqlQuoting.literal;

import java.util.List;

/**
 * pg_net for the webhook function, as Supabase's set-up leaves it: the extension where the server offers it, USAGE on
 * schema net granted by name to supabase_functions_admin and the API roles, their right to call net.http_post and
 * net.http_get, and the event trigger issue_pg_net_access that grants the same whenever pg_net is created again. pg_net
 * is found by {@code net.http_post}'s signature, so the embedded stand-in counts as installed too. The security of
 * net's own functions is left to pg_net and the image (definer up to pg_net 0.11, invoker and PUBLIC since 0.12).
 */
final class PgNetSetup {
    static final String HTTP_POST = "net.http_post(text,jsonb,jsonb,jsonb,integer)";
    static final String HTTP_GET = "net.http_get(text,jsonb,jsonb,integer)";
    static final String ACCESS_FUNCTION = "extensions.grant_pg_net_access()";
    static final String ACCESS_TRIGGER = "issue_pg_net_access";

    private final BootstrapSteps steps;

    PgNetSetup(BootstrapSteps steps) {
        this.steps = steps;
    }

    void ensureInstalled() {
        if (installed()) {
            return;
        }
        if (!steps.fact("SELECT EXISTS (SELECT 1 FROM pg_available_extensions WHERE name = 'pg_net')")) {
            steps.warn("pg_net is not available on this server: webhooks will fire but send nothing");
            return;
        }
        boolean extensionsSchema = steps.fact("SELECT to_regnamespace('extensions') IS NOT NULL");
        steps.step(
                "create extension pg_net",
                true,
                "CREATE EXTENSION IF NOT EXISTS pg_net" + (extensionsSchema ? " SCHEMA extensions" : ""));
    }

    /**
     * USAGE on schema net by name and EXECUTE on the two functions for each role; INSERT on the queue for the webhook
     * function's owner where the functions run with the caller's rights and it lacks it.
     */
    void grantTo(String functionOwner, List<String> roles) {
        if (!installed()) {
            return;
        }
        List<String> noUsage = roles.stream()
                .filter(role -> !steps.explicitGrant(
                        "SELECT coalesce(nspacl, acldefault('n', nspowner)) AS acl FROM pg_namespace"
                                + " WHERE nspname = 'net'",
                        role,
                        "USAGE"))
                .toList();
        steps.step(
                "grant usage on schema net to " + String.join(", ", noUsage),
                !noUsage.isEmpty(),
                "GRANT USAGE ON SCHEMA net TO " + grantees(noUsage));
        for (String function : List.of(HTTP_POST, HTTP_GET)) {
            if (!steps.fact("SELECT to_regprocedure(" + literal(function) + ") IS NOT NULL")) {
                continue;
            }
            List<String> noExecute = roles.stream()
                    .filter(role -> !steps.fact("SELECT has_function_privilege(?, ?, 'EXECUTE')", role, function))
                    .toList();
            steps.step(
                    "grant execute on " + function.substring(0, function.indexOf('(')) + " to "
                            + String.join(", ", noExecute),
                    !noExecute.isEmpty(),
                    "GRANT EXECUTE ON FUNCTION " + function + " TO " + grantees(noExecute));
        }
        boolean invoker =
                !steps.fact("SELECT prosecdef FROM pg_proc WHERE oid = " + literal(HTTP_POST) + "::regprocedure");
        // invoker-rights functions write the queue as the caller, here the webhook function's owner
        steps.step(
                "grant insert on net.http_request_queue to " + functionOwner,
                invoker
                        && steps.fact("SELECT to_regclass('net.http_request_queue') IS NOT NULL")
                        && !steps.fact(
                                "SELECT has_table_privilege(?, 'net.http_request_queue', 'INSERT')", functionOwner),
                "GRANT INSERT ON net.http_request_queue TO " + ident(functionOwner),
                "GRANT USAGE ON ALL SEQUENCES IN SCHEMA net TO " + ident(functionOwner));
    }

    /** The event trigger that repeats the USAGE grant when pg_net is created again; where schema extensions exists. */
    void ensureAccessTrigger() {
        if (!steps.fact("SELECT to_regnamespace('extensions') IS NOT NULL")
                || steps.fact("SELECT EXISTS (SELECT 1 FROM pg_event_trigger WHERE evtname = ?)", ACCESS_TRIGGER)) {
            return;
        }
        steps.step(
                "create function " + ACCESS_FUNCTION,
                !steps.fact("SELECT to_regprocedure(" + literal(ACCESS_FUNCTION) + ") IS NOT NULL"),
                Sql.resource("grant-pg-net-access.sql"),
                "COMMENT ON FUNCTION " + ACCESS_FUNCTION + " IS 'Grants access to pg_net'");
        steps.step(
                "create event trigger " + ACCESS_TRIGGER,
                true,
                "CREATE EVENT TRIGGER " + ACCESS_TRIGGER + " ON ddl_command_end WHEN TAG IN ('CREATE EXTENSION')"
                        + " EXECUTE FUNCTION " + ACCESS_FUNCTION);
    }

    private boolean installed() {
        return steps.fact("SELECT to_regprocedure(" + literal(HTTP_POST) + ") IS NOT NULL");
    }

    private static String grantees(List<String> roles) {
        return String.join(", ", roles.stream().map(r -> ident(r)).toList());
    }
}
