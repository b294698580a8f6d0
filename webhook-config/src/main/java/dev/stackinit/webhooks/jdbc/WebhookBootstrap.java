package dev.stackinit.webhooks.jdbc;

import static dev.stackinit.webhooks.SqlQuoting.ident;
import static dev.stackinit.webhooks.SqlQuoting.literal;

import dev.stackinit.errors.InvalidInputException;
import dev.stackinit.webhooks.BootstrapReport;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;

/**
 * Enables database webhooks the way Supabase's own setup does: role supabase_functions_admin, schema
 * supabase_functions with its hooks and migrations tables, the http_request() trigger function and the grants around
 * them. Each step checks first and runs only when something is missing or different, so a second run changes nothing.
 * Runs on the caller's connection and transaction; needs a superuser (supabase_admin on Supabase).
 */
public final class WebhookBootstrap {
    static final String ADMIN = "supabase_functions_admin";
    static final String FUNCTION = "supabase_functions.http_request()";
    private static final List<String> API_ROLES = List.of("postgres", "anon", "authenticated", "service_role");

    private final Sql sql;
    private final List<String> actions = new ArrayList<>();
    private final List<String> warnings = new ArrayList<>();

    public WebhookBootstrap(Connection adminConnection) {
        this.sql = new Sql(adminConnection);
    }

    public BootstrapReport run() {
        if (!sql.queryBoolean("SELECT rolsuper FROM pg_roles WHERE rolname = current_user")) {
            throw new InvalidInputException("enabling database webhooks needs a superuser connection (on Supabase:"
                    + " supabase_admin); " + sql.queryString("SELECT current_user") + " is not one");
        }
        step(
                "create role " + ADMIN,
                !roleExists(ADMIN),
                "CREATE ROLE " + ident(ADMIN) + " NOINHERIT CREATEROLE LOGIN NOREPLICATION");
        new PgNetSetup(sql, actions, warnings).ensureInstalled();
        ensureSchema();
        ensureTables();
        ensureFunction();
        if (roleExists("postgres")) {
            step(
                    "grant " + ADMIN + " to postgres",
                    !isMember("postgres", ADMIN),
                    "GRANT " + ident(ADMIN) + " TO postgres");
        }
        new PgNetSetup(sql, actions, warnings).grantTo(ADMIN);
        return new BootstrapReport(actions, warnings);
    }

    private void ensureSchema() {
        String owner = roleExists("supabase_admin") ? "supabase_admin" : sql.queryString("SELECT current_user");
        boolean create = !sql.queryBoolean("SELECT to_regnamespace('supabase_functions') IS NOT NULL");
        List<String> roles = existing(API_ROLES);
        List<String> statements = new ArrayList<>();
        statements.add("CREATE SCHEMA supabase_functions AUTHORIZATION " + ident(owner));
        if (!roles.isEmpty()) {
            String grantees =
                    String.join(", ", roles.stream().map(r -> ident(r)).toList());
            for (String kind : List.of("TABLES", "FUNCTIONS", "SEQUENCES")) {
                statements.add("ALTER DEFAULT PRIVILEGES IN SCHEMA supabase_functions GRANT ALL ON " + kind + " TO "
                        + grantees);
            }
        }
        step("create schema supabase_functions owned by " + owner, create, statements.toArray(String[]::new));
        List<String> needUsage = new ArrayList<>(roles);
        needUsage.add(ADMIN);
        for (String role : needUsage) {
            step(
                    "grant usage on schema supabase_functions to " + role,
                    !privilege("has_schema_privilege", role, "supabase_functions", "USAGE"),
                    "GRANT USAGE ON SCHEMA supabase_functions TO " + ident(role));
        }
    }

    private void ensureTables() {
        for (String table : List.of("migrations", "hooks")) {
            String name = "supabase_functions." + table;
            step(
                    "create table " + name,
                    !sql.queryBoolean("SELECT to_regclass(" + literal(name) + ") IS NOT NULL"),
                    Sql.resource(table + "-table.sql"));
            step(
                    "make " + ADMIN + " owner of " + name,
                    !sql.queryBoolean("SELECT pg_get_userbyid(relowner) = " + literal(ADMIN)
                            + " FROM pg_class WHERE oid = " + literal(name) + "::regclass"),
                    "ALTER TABLE " + name + " OWNER TO " + ident(ADMIN));
        }
        for (String version : List.of("initial", "20210809183423_update_grants")) {
            step(
                    "record supabase_functions migration " + version,
                    !sql.queryBoolean("SELECT EXISTS (SELECT 1 FROM supabase_functions.migrations WHERE version = "
                            + literal(version) + ")"),
                    "INSERT INTO supabase_functions.migrations (version) VALUES (" + literal(version) + ")");
        }
    }

    private void ensureFunction() {
        boolean exists = sql.queryBoolean("SELECT to_regprocedure(" + literal(FUNCTION) + ") IS NOT NULL");
        if (exists && !functionFact("prorettype = 'trigger'::regtype")) {
            throw new InvalidInputException(
                    FUNCTION + " exists but is not a trigger function; drop or rename it first");
        }
        step("create function " + FUNCTION, !exists, Sql.resource("http-request-function.sql"));
        step(
                "make " + ADMIN + " owner of " + FUNCTION,
                !functionFact("pg_get_userbyid(proowner) = " + literal(ADMIN)),
                "ALTER FUNCTION " + FUNCTION + " OWNER TO " + ident(ADMIN));
        step(
                "make " + FUNCTION + " SECURITY DEFINER with search_path supabase_functions",
                !functionFact("prosecdef AND coalesce('search_path=supabase_functions' = ANY (proconfig), false)"),
                "ALTER FUNCTION " + FUNCTION + " SECURITY DEFINER SET search_path = supabase_functions");
        step(
                "revoke execute on " + FUNCTION + " from PUBLIC",
                functionFact("EXISTS (SELECT 1 FROM aclexplode(coalesce(proacl, acldefault('f', proowner))) a"
                        + " WHERE a.grantee = 0 AND a.privilege_type = 'EXECUTE')"),
                "REVOKE ALL ON FUNCTION " + FUNCTION + " FROM PUBLIC");
        for (String role : existing(API_ROLES)) {
            step(
                    "grant execute on " + FUNCTION + " to " + role,
                    !privilege("has_function_privilege", role, FUNCTION, "EXECUTE"),
                    "GRANT EXECUTE ON FUNCTION " + FUNCTION + " TO " + ident(role));
        }
    }

    private boolean functionFact(String condition) {
        return sql.queryBoolean(
                "SELECT " + condition + " FROM pg_proc WHERE oid = " + literal(FUNCTION) + "::regprocedure");
    }

    private void step(String description, boolean needed, String... statements) {
        if (needed) {
            for (String statement : statements) {
                sql.execute(statement);
            }
            actions.add(description);
        }
    }

    private boolean roleExists(String role) {
        return sql.queryBoolean("SELECT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = ?)", role);
    }

    private List<String> existing(List<String> roles) {
        return roles.stream().filter(this::roleExists).toList();
    }

    private boolean isMember(String role, String group) {
        return sql.queryBoolean("SELECT pg_has_role(?, ?, 'MEMBER')", role, group);
    }

    private boolean privilege(String function, String role, String object, String privilege) {
        return sql.queryBoolean("SELECT " + function + "(?, ?, ?)", role, object, privilege);
    }
}
