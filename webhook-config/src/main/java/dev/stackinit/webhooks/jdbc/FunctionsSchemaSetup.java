package dev.stackinit.webhooks.jdbc;

import static dev.stackinit.webhooks.SqlQuoting.ident;
import static dev.stackinit.webhooks.SqlQuoting.literal;

import java.util.ArrayList;
import java.util.List;

/**
 * Schema supabase_functions as Supabase's webhook set-up leaves it: owned by supabase_admin, USAGE for the API roles,
 * USAGE and CREATE for supabase_functions_admin, default privileges that give the API roles every privilege on what
 * supabase_admin creates there, and the tables migrations (with its two version rows) and hooks (with its two indexes
 * and comment), owned by supabase_functions_admin.
 */
final class FunctionsSchemaSetup {
    static final String SCHEMA = "supabase_functions";
    static final String HOOKS = "supabase_functions.hooks";
    static final String HOOKS_COMMENT = "Supabase Functions Hooks: Audit trail for triggered hooks.";
    /** What earlier versions of this bootstrap wrote; replaced so the catalog matches Supabase's. */
    static final String EARLIER_HOOKS_COMMENT = "Database webhooks: audit trail of fired hooks.";

    private static final String SCHEMA_ACL = "SELECT coalesce(nspacl, acldefault('n', nspowner)) AS acl"
            + " FROM pg_namespace WHERE nspname = 'supabase_functions'";

    static final List<String> VERSIONS = List.of("initial", "20210809183423_update_grants");

    /** An index of hooks: Supabase's name, the name earlier versions of this bootstrap used, its columns. */
    private record Index(String name, String earlierName, String columns) {}

    private static final List<Index> INDEXES = List.of(
            new Index("supabase_functions_hooks_request_id_idx", "hooks_request_id_idx", "request_id"),
            new Index(
                    "supabase_functions_hooks_h_table_id_h_name_idx",
                    "hooks_table_id_name_idx",
                    "hook_table_id, hook_name"));

    /** Object kinds with default privileges: keyword, pg_default_acl code, acldefault code, has_*_privilege. */
    private record Kind(String keyword, String defaultAclCode, String aclCode, String check) {}

    private static final Kind TABLES = new Kind("TABLES", "r", "r", "has_table_privilege");
    private static final Kind SEQUENCES = new Kind("SEQUENCES", "S", "s", "has_sequence_privilege");
    private static final Kind FUNCTIONS = new Kind("FUNCTIONS", "f", "f", "has_function_privilege");

    private final BootstrapSteps steps;
    private final String admin;

    FunctionsSchemaSetup(BootstrapSteps steps, String admin) {
        this.steps = steps;
        this.admin = admin;
    }

    void ensure(String owner) {
        steps.step(
                "create schema supabase_functions owned by " + owner,
                !steps.fact("SELECT to_regnamespace('supabase_functions') IS NOT NULL"),
                "CREATE SCHEMA supabase_functions AUTHORIZATION " + ident(owner));
        // granted by name, as Supabase does: a superuser or PUBLIC holding them does not count
        for (String role : steps.apiRoles()) {
            steps.step(
                    "grant usage on schema supabase_functions to " + role,
                    !steps.explicitGrant(SCHEMA_ACL, role, "USAGE"),
                    "GRANT USAGE ON SCHEMA supabase_functions TO " + ident(role));
        }
        steps.step(
                "grant usage and create on schema supabase_functions to " + admin,
                !steps.explicitGrant(SCHEMA_ACL, admin, "USAGE") || !steps.explicitGrant(SCHEMA_ACL, admin, "CREATE"),
                "GRANT ALL ON SCHEMA supabase_functions TO " + ident(admin));
        for (Kind kind : List.of(TABLES, FUNCTIONS, SEQUENCES)) {
            defaultPrivileges(kind);
        }
        tables();
        indexes();
        steps.step(
                "comment on table " + HOOKS,
                steps.fact("SELECT coalesce(obj_description(" + literal(HOOKS) + "::regclass, 'pg_class') = "
                        + literal(EARLIER_HOOKS_COMMENT) + ", true)"),
                "COMMENT ON TABLE " + HOOKS + " IS " + literal(HOOKS_COMMENT));
        for (String version : VERSIONS) {
            steps.step(
                    "record supabase_functions migration " + version,
                    !steps.fact("SELECT EXISTS (SELECT 1 FROM supabase_functions.migrations WHERE version = "
                            + literal(version) + ")"),
                    "INSERT INTO supabase_functions.migrations (version) VALUES (" + literal(version) + ")");
        }
    }

    /**
     * Every privilege of the kind for each API role on what gets created in the schema. Found whoever's defaults hold
     * them (Supabase's compose runs its set-up as postgres, its CLI as supabase_admin); new ones are the current role's,
     * which creates the tables next.
     */
    private void defaultPrivileges(Kind kind) {
        List<String> missing = new ArrayList<>();
        for (String role : steps.apiRoles()) {
            boolean complete = steps.fact(
                    "SELECT NOT EXISTS (SELECT a.privilege_type FROM pg_roles r, aclexplode(acldefault(?::\"char\","
                            + " r.oid)) a WHERE r.rolname = ? AND a.grantee = r.oid"
                            + " EXCEPT SELECT a.privilege_type FROM pg_default_acl d, aclexplode(d.defaclacl) a"
                            + " WHERE d.defaclnamespace = 'supabase_functions'::regnamespace"
                            + " AND d.defaclobjtype = ?::\"char\" AND a.grantee = ?::regrole)",
                    kind.aclCode(),
                    role,
                    kind.defaultAclCode(),
                    role);
            if (!complete) {
                missing.add(role);
            }
        }
        steps.step(
                "default privileges on " + kind.keyword().toLowerCase(java.util.Locale.ROOT)
                        + " in supabase_functions for " + String.join(", ", missing),
                !missing.isEmpty(),
                "ALTER DEFAULT PRIVILEGES IN SCHEMA supabase_functions GRANT ALL ON " + kind.keyword() + " TO "
                        + String.join(", ", missing.stream().map(r -> ident(r)).toList()));
    }

    private void tables() {
        for (String table : List.of("migrations", "hooks")) {
            String name = SCHEMA + "." + table;
            steps.step(
                    "create table " + name,
                    !steps.fact("SELECT to_regclass(" + literal(name) + ") IS NOT NULL"),
                    Sql.resource(table + "-table.sql"));
            steps.step(
                    "make " + admin + " owner of " + name,
                    !steps.fact("SELECT pg_get_userbyid(relowner) = " + literal(admin) + " FROM pg_class WHERE oid = "
                            + literal(name) + "::regclass"),
                    "ALTER TABLE " + name + " OWNER TO " + ident(admin));
            grantAll(TABLES, "TABLE", name);
        }
        String sequence = steps.sql.queryString("SELECT pg_get_serial_sequence('supabase_functions.hooks', 'id')");
        if (sequence != null) {
            grantAll(SEQUENCES, "SEQUENCE", sequence);
        }
    }

    /** ALL on the object for each API role that lacks a privilege of it (Supabase's defaults give them ALL). */
    private void grantAll(Kind kind, String keyword, String object) {
        List<String> privileges = steps.sql.queryStrings(
                "SELECT a.privilege_type FROM pg_roles r, aclexplode(acldefault(?::\"char\", r.oid)) a"
                        + " WHERE r.rolname = current_user AND a.grantee = r.oid",
                kind.aclCode());
        for (String role : steps.apiRoles()) {
            steps.step(
                    "grant all on " + object + " to " + role,
                    !steps.holdsAll(kind.check(), role, object, privileges),
                    "GRANT ALL ON " + keyword + " " + object + " TO " + ident(role));
        }
    }

    private void indexes() {
        for (Index index : INDEXES) {
            String name = SCHEMA + "." + index.name();
            boolean present = steps.fact("SELECT to_regclass(" + literal(name) + ") IS NOT NULL");
            boolean earlier = !present
                    && steps.fact("SELECT EXISTS (SELECT 1 FROM pg_index WHERE indrelid = " + literal(HOOKS)
                            + "::regclass AND indexrelid = to_regclass(" + literal(SCHEMA + "." + index.earlierName())
                            + "))");
            steps.step(
                    "rename index " + SCHEMA + "." + index.earlierName() + " to " + index.name(),
                    earlier,
                    "ALTER INDEX " + SCHEMA + "." + index.earlierName() + " RENAME TO " + index.name());
            steps.step(
                    "create index " + name,
                    !present && !earlier,
                    "CREATE INDEX " + index.name() + " ON " + HOOKS + " USING btree (" + index.columns() + ")");
        }
    }
}
