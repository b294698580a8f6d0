package dev.stackinit.webhooks.jdbc;

import static dev.stackinit.webhooks.SqlQuoting.ident;
import static dev.stackinit.webhooks.SqlQuoting.literal;

import dev.stackinit.errors.InvalidInputException;
import dev.stackinit.webhooks.BootstrapReport;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;

/**
 * Enables database webhooks so that the catalog ends up as Supabase's own webhook set-up leaves it (run as
 * supabase_admin, as its CLI does): role supabase_functions_admin with its search_path, schema supabase_functions with
 * its grants, default privileges, tables, indexes and version rows, the http_request() trigger function, pg_net's
 * grants and event trigger. Each step checks first and runs only when something is missing or different, so a second
 * run changes nothing, and neither does a run on a database that already has Supabase's set-up. Runs on the caller's
 * connection and transaction as supabase_admin (switching to it from another superuser), so what it creates has the
 * owner and default privileges Supabase's objects have.
 */
public final class WebhookBootstrap {
    static final String ADMIN = "supabase_functions_admin";
    static final String FUNCTION = "supabase_functions.http_request()";
    static final String CREATOR = "supabase_admin";
    /** Created by old Supabase set-ups, dropped by the current one. */
    static final String LEGACY_NET_ADMIN = "supabase_pg_net_admin";

    private final BootstrapSteps steps;

    public WebhookBootstrap(Connection adminConnection) {
        this.steps = new BootstrapSteps(new Sql(adminConnection));
    }

    public BootstrapReport run() {
        String user = steps.sql.queryString("SELECT current_user");
        if (!steps.fact("SELECT rolsuper FROM pg_roles WHERE rolname = current_user")) {
            throw new InvalidInputException("enabling database webhooks needs a superuser connection (on Supabase:"
                    + " supabase_admin); " + user + " is not one");
        }
        String creator = steps.roleExists(CREATOR) ? CREATOR : user;
        boolean switched = !creator.equals(user);
        if (switched) {
            steps.sql.execute("SET ROLE " + ident(creator));
        }
        boolean done = false;
        try {
            enable(creator);
            done = true;
        } finally {
            if (switched) {
                restoreRole(user, done);
            }
        }
        return new BootstrapReport(steps.actions(), steps.warnings());
    }

    private void enable(String creator) {
        steps.step(
                "create role " + ADMIN,
                !steps.roleExists(ADMIN),
                "CREATE ROLE " + ident(ADMIN) + " NOINHERIT CREATEROLE LOGIN NOREPLICATION");
        steps.step(
                "set search_path of " + ADMIN + " to supabase_functions",
                !steps.fact("SELECT EXISTS (SELECT 1 FROM pg_db_role_setting WHERE setrole = " + literal(ADMIN)
                        + "::regrole AND setdatabase = 0 AND 'search_path=supabase_functions' = ANY (setconfig))"),
                "ALTER ROLE " + ident(ADMIN) + " SET search_path = supabase_functions");
        PgNetSetup pgNet = new PgNetSetup(steps);
        pgNet.ensureInstalled();
        new FunctionsSchemaSetup(steps, ADMIN).ensure(creator);
        ensureFunction();
        if (steps.roleExists("postgres")) {
            steps.step(
                    "grant " + ADMIN + " to postgres",
                    !steps.fact(
                            "SELECT EXISTS (SELECT 1 FROM pg_auth_members WHERE roleid = ?::regrole"
                                    + " AND member = 'postgres'::regrole)",
                            ADMIN),
                    "GRANT " + ident(ADMIN) + " TO postgres");
        }
        List<String> netRoles = new ArrayList<>(List.of(ADMIN));
        netRoles.addAll(steps.apiRoles());
        pgNet.grantTo(ADMIN, netRoles);
        pgNet.ensureAccessTrigger();
        steps.step(
                "drop the unused role " + LEGACY_NET_ADMIN + " (what it owned now belongs to " + creator + ")",
                steps.roleExists(LEGACY_NET_ADMIN),
                "REASSIGN OWNED BY " + ident(LEGACY_NET_ADMIN) + " TO " + ident(creator),
                "DROP OWNED BY " + ident(LEGACY_NET_ADMIN),
                "DROP ROLE " + ident(LEGACY_NET_ADMIN));
    }

    private void ensureFunction() {
        boolean exists = steps.fact("SELECT to_regprocedure(" + literal(FUNCTION) + ") IS NOT NULL");
        if (exists && !functionFact("prorettype = 'trigger'::regtype")) {
            throw new InvalidInputException(
                    FUNCTION + " exists but is not a trigger function; drop or rename it first");
        }
        steps.step("create function " + FUNCTION, !exists, Sql.resource("http-request-function.sql"));
        steps.step(
                "make " + ADMIN + " owner of " + FUNCTION,
                !functionFact("pg_get_userbyid(proowner) = " + literal(ADMIN)),
                "ALTER FUNCTION " + FUNCTION + " OWNER TO " + ident(ADMIN));
        steps.step(
                "make " + FUNCTION + " SECURITY DEFINER with search_path supabase_functions",
                !functionFact("prosecdef AND coalesce('search_path=supabase_functions' = ANY (proconfig), false)"),
                "ALTER FUNCTION " + FUNCTION + " SECURITY DEFINER SET search_path = supabase_functions");
        steps.step(
                "revoke execute on " + FUNCTION + " from PUBLIC",
                functionFact("EXISTS (SELECT 1 FROM aclexplode(coalesce(proacl, acldefault('f', proowner))) a"
                        + " WHERE a.grantee = 0 AND a.privilege_type = 'EXECUTE')"),
                "REVOKE ALL ON FUNCTION " + FUNCTION + " FROM PUBLIC");
        for (String role : steps.apiRoles()) {
            steps.step(
                    "grant execute on " + FUNCTION + " to " + role,
                    !steps.explicitGrant(
                            "SELECT coalesce(proacl, acldefault('f', proowner)) AS acl FROM pg_proc WHERE oid = "
                                    + literal(FUNCTION) + "::regprocedure",
                            role,
                            "EXECUTE"),
                    "GRANT EXECUTE ON FUNCTION " + FUNCTION + " TO " + ident(role));
        }
    }

    private boolean functionFact(String condition) {
        return steps.fact("SELECT " + condition + " FROM pg_proc WHERE oid = " + literal(FUNCTION) + "::regprocedure");
    }

    /** Back to the connection's own role; after a failure the transaction may refuse it, which must not hide why. */
    private void restoreRole(String user, boolean done) {
        try {
            steps.sql.execute("SET ROLE " + ident(user));
        } catch (RuntimeException e) {
            if (done) {
                throw e;
            }
        }
    }
}
