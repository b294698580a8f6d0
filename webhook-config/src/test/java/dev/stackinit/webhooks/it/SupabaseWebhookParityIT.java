package dev.stackinit.webhooks.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stackinit.embedded.EmbeddedSupabase;
import dev.stackinit.webhooks.BootstrapReport;
import dev.stackinit.webhooks.Webhooks;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The catalog our bootstrap leaves, property by property, against the catalog Supabase's own webhook set-up leaves
 * (its CLI runs it as supabase_admin on every local database; its compose runs the same statements as postgres). The
 * expected lines below are written from what that set-up is documented to do, statement by statement:
 *
 * <ul>
 *   <li>role supabase_functions_admin is created NOINHERIT CREATEROLE LOGIN NOREPLICATION, its search_path set to
 *       supabase_functions, and it is granted to postgres;
 *   <li>schema supabase_functions is created AUTHORIZATION supabase_admin, USAGE is granted to postgres, anon,
 *       authenticated and service_role, ALL to supabase_functions_admin, and default privileges grant ALL on tables,
 *       functions and sequences to the four API roles;
 *   <li>tables migrations (version text primary key, inserted_at timestamptz not null default now(), rows 'initial'
 *       and '20210809183423_update_grants') and hooks (id bigserial primary key, hook_table_id integer not null,
 *       hook_name text not null, created_at timestamptz not null default now(), request_id bigint), with indexes
 *       supabase_functions_hooks_request_id_idx (request_id) and supabase_functions_hooks_h_table_id_h_name_idx
 *       (hook_table_id, hook_name), the comment "Supabase Functions Hooks: Audit trail for triggered hooks.", ALL on
 *       them (and the sequences) to supabase_functions_admin, then owned by it;
 *   <li>the plpgsql trigger function http_request() owned by supabase_functions_admin, SECURITY DEFINER with
 *       search_path supabase_functions, EXECUTE revoked from PUBLIC and granted to the four API roles;
 *   <li>USAGE on schema net (and calling net.http_get / http_post) for supabase_functions_admin and the API roles,
 *       the event trigger issue_pg_net_access on ddl_command_end for CREATE EXTENSION running
 *       extensions.grant_pg_net_access() (commented "Grants access to pg_net"), and no role supabase_pg_net_admin.
 * </ul>
 *
 * Grantors and owners follow from PostgreSQL's rules: a superuser's grant is recorded as the object owner's, and a
 * change of owner rewrites the old owner's entries. The embedded server has pg_net's stand-in, created by
 * supabase_admin as CREATE EXTENSION is there.
 */
class SupabaseWebhookParityIT {
    private static final String SFA = "supabase_functions_admin";
    private static final List<String> API = List.of("postgres", "anon", "authenticated", "service_role");
    private static final List<String> TABLE_PRIVILEGES =
            List.of("DELETE", "INSERT", "REFERENCES", "SELECT", "TRIGGER", "TRUNCATE", "UPDATE");
    private static final List<String> SEQUENCE_PRIVILEGES = List.of("SELECT", "UPDATE", "USAGE");
    private static final String FUNCTION = "supabase_functions.http_request()";

    static EmbeddedSupabase server;
    static TestDatabases databases;

    @BeforeAll
    static void start() {
        server = EmbeddedSupabase.start();
        databases = new TestDatabases(server);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    /** The catalog after Supabase's webhook set-up, run as supabase_admin. */
    static List<String> supabaseSetUp() {
        List<String> lines = new ArrayList<>(List.of(
                "role supabase_functions_admin: login noinherit createrole noreplication nosuperuser nocreatedb"
                        + " nobypassrls",
                "role supabase_functions_admin: set search_path=supabase_functions in every database",
                "role supabase_functions_admin: granted to postgres",
                "schema supabase_functions: owner supabase_admin",
                "schema supabase_functions: USAGE to supabase_admin by supabase_admin",
                "schema supabase_functions: CREATE to supabase_admin by supabase_admin",
                "schema supabase_functions: USAGE to supabase_functions_admin by supabase_admin",
                "schema supabase_functions: CREATE to supabase_functions_admin by supabase_admin",
                "schema net: owner supabase_admin",
                "relation supabase_functions.migrations (table): owner supabase_functions_admin",
                "relation supabase_functions.migrations_pkey (index): owner supabase_functions_admin",
                "relation supabase_functions.hooks (table): owner supabase_functions_admin",
                "relation supabase_functions.hooks_pkey (index): owner supabase_functions_admin",
                "relation supabase_functions.hooks_id_seq (sequence): owner supabase_functions_admin",
                "relation supabase_functions.supabase_functions_hooks_request_id_idx (index): owner"
                        + " supabase_functions_admin",
                "relation supabase_functions.supabase_functions_hooks_h_table_id_h_name_idx (index): owner"
                        + " supabase_functions_admin",
                "column supabase_functions.migrations.version: text not null",
                "column supabase_functions.migrations.inserted_at: timestamp with time zone not null default now()",
                "column supabase_functions.hooks.id: bigint not null default"
                        + " nextval('supabase_functions.hooks_id_seq'::regclass)",
                "column supabase_functions.hooks.hook_table_id: integer not null",
                "column supabase_functions.hooks.hook_name: text not null",
                "column supabase_functions.hooks.created_at: timestamp with time zone not null default now()",
                "column supabase_functions.hooks.request_id: bigint",
                "constraint supabase_functions.migrations migrations_pkey: PRIMARY KEY (version)",
                "constraint supabase_functions.hooks hooks_pkey: PRIMARY KEY (id)",
                "index CREATE UNIQUE INDEX migrations_pkey ON supabase_functions.migrations USING btree (version)",
                "index CREATE UNIQUE INDEX hooks_pkey ON supabase_functions.hooks USING btree (id)",
                "index CREATE INDEX supabase_functions_hooks_request_id_idx ON supabase_functions.hooks USING btree"
                        + " (request_id)",
                "index CREATE INDEX supabase_functions_hooks_h_table_id_h_name_idx ON supabase_functions.hooks USING"
                        + " btree (hook_table_id, hook_name)",
                "comment on supabase_functions.hooks: Supabase Functions Hooks: Audit trail for triggered hooks.",
                "sequence supabase_functions.hooks_id_seq: owned by supabase_functions.hooks.id",
                "row supabase_functions.migrations: initial",
                "row supabase_functions.migrations: 20210809183423_update_grants",
                "function supabase_functions.http_request(): returns trigger, plpgsql, owner supabase_functions_admin,"
                        + " security definer, set search_path=supabase_functions",
                "function extensions.grant_pg_net_access(): returns event_trigger, plpgsql, owner supabase_admin,"
                        + " security invoker, comment Grants access to pg_net",
                "event trigger issue_pg_net_access: on ddl_command_end for CREATE EXTENSION runs"
                        + " extensions.grant_pg_net_access(), owner supabase_admin, enabled O"));
        for (String role : API) {
            lines.add("schema supabase_functions: USAGE to " + role + " by supabase_admin");
            TABLE_PRIVILEGES.forEach(
                    p -> lines.add("default privileges of supabase_admin in supabase_functions on tables: " + p + " to "
                            + role + " by supabase_admin"));
            SEQUENCE_PRIVILEGES.forEach(
                    p -> lines.add("default privileges of supabase_admin in supabase_functions on sequences: " + p
                            + " to " + role + " by supabase_admin"));
            lines.add("default privileges of supabase_admin in supabase_functions on functions: EXECUTE to " + role
                    + " by supabase_admin");
        }
        List<String> withAdmin = new ArrayList<>(List.of(SFA));
        withAdmin.addAll(API);
        for (String role : withAdmin) {
            for (String table : List.of("migrations", "hooks")) {
                TABLE_PRIVILEGES.forEach(p -> lines.add("relation supabase_functions." + table + ": " + p + " to "
                        + role + " by supabase_functions_admin"));
            }
            SEQUENCE_PRIVILEGES.forEach(p -> lines.add(
                    "relation supabase_functions.hooks_id_seq: " + p + " to " + role + " by supabase_functions_admin"));
            lines.add("function " + FUNCTION + ": EXECUTE to " + role + " by supabase_functions_admin");
            lines.add("schema net: USAGE to " + role + " by supabase_admin");
            lines.add("function net.http_get(text,jsonb,jsonb,integer): " + role + " may execute");
            lines.add("function net.http_post(text,jsonb,jsonb,jsonb,integer): " + role + " may execute");
        }
        lines.sort(null);
        return lines;
    }

    private BootstrapReport bootstrap(String db, String user) throws Exception {
        try (Connection admin = databases.connect(db, user)) {
            return Webhooks.bootstrap(admin);
        }
    }

    private List<String> catalog(String db) throws Exception {
        try (Connection connection = databases.connect(db, "postgres")) {
            return WebhookCatalog.snapshot(connection);
        }
    }

    @Test
    void aFreshDatabaseEndsAsSupabasesSetUpLeavesItPropertyByProperty() throws Exception {
        String db = databases.fresh();
        assertThat(bootstrap(db, "supabase_admin").changed()).isTrue();
        assertThat(catalog(db)).containsExactlyElementsOf(supabaseSetUp());
    }

    @Test
    void anotherSuperuserGetsTheSameCatalogAndASecondRunChangesNothing() throws Exception {
        String db = databases.fresh();
        // the embedded server's postgres is a superuser: the objects must still be supabase_admin's, and the
        // connection is handed back as the role it came in
        try (Connection connection = databases.connect(db, "postgres")) {
            Webhooks.bootstrap(connection);
            try (var statement = connection.createStatement();
                    var rows = statement.executeQuery("SELECT current_user")) {
                rows.next();
                assertThat(rows.getString(1)).isEqualTo("postgres");
            }
        }
        assertThat(catalog(db)).containsExactlyElementsOf(supabaseSetUp());
        BootstrapReport second = bootstrap(db, "supabase_admin");
        assertThat(second.actions()).isEmpty();
        assertThat(second.summary()).isEqualTo("database webhooks already enabled: 0 changes");
        assertThat(catalog(db)).containsExactlyElementsOf(supabaseSetUp());
    }

    @Test
    void aDatabaseSetUpByTheEarlierBootstrapIsBroughtToParity() throws Exception {
        String db = databases.fresh();
        bootstrap(db, "supabase_admin");
        // what the earlier version of this bootstrap left: its own index names and comment, no CREATE for the
        // functions admin, no role search_path, net USAGE for the functions admin only, no event trigger
        databases.sql(
                db,
                "ALTER INDEX supabase_functions.supabase_functions_hooks_request_id_idx RENAME TO hooks_request_id_idx",
                "ALTER INDEX supabase_functions.supabase_functions_hooks_h_table_id_h_name_idx"
                        + " RENAME TO hooks_table_id_name_idx",
                "COMMENT ON TABLE supabase_functions.hooks IS 'Database webhooks: audit trail of fired hooks.'",
                "REVOKE CREATE ON SCHEMA supabase_functions FROM supabase_functions_admin",
                "ALTER ROLE supabase_functions_admin RESET search_path",
                "REVOKE USAGE ON SCHEMA net FROM postgres, anon, authenticated, service_role",
                "DROP EVENT TRIGGER issue_pg_net_access",
                "DROP FUNCTION extensions.grant_pg_net_access()");
        assertThat(catalog(db)).isNotEqualTo(supabaseSetUp());
        BootstrapReport upgrade = bootstrap(db, "supabase_admin");
        assertThat(upgrade.actions())
                .contains(
                        "rename index supabase_functions.hooks_request_id_idx to"
                                + " supabase_functions_hooks_request_id_idx",
                        "rename index supabase_functions.hooks_table_id_name_idx to"
                                + " supabase_functions_hooks_h_table_id_h_name_idx",
                        "comment on table supabase_functions.hooks",
                        "grant usage and create on schema supabase_functions to supabase_functions_admin",
                        "set search_path of supabase_functions_admin to supabase_functions",
                        "grant usage on schema net to postgres, anon, authenticated, service_role",
                        "create event trigger issue_pg_net_access")
                .noneMatch(action ->
                        action.startsWith("create table") || action.startsWith("create function " + FUNCTION));
        assertThat(catalog(db)).containsExactlyElementsOf(supabaseSetUp());
    }

    @Test
    void aDatabaseWithSupabasesComposeSetUpIsLeftExactlyAsItIs() throws Exception {
        String db = databases.fresh();
        bootstrap(db, "supabase_admin");
        // Supabase's compose runs the set-up as postgres (still a superuser then): the default privileges are
        // postgres's, which (as owner at creation) has no grant of its own left on the tables after the change of
        // owner (it reaches them as a member of supabase_functions_admin); its retry variant records a third version
        databases.sql(
                db,
                "ALTER DEFAULT PRIVILEGES FOR ROLE supabase_admin IN SCHEMA supabase_functions REVOKE ALL ON TABLES"
                        + " FROM postgres, anon,"
                        + " authenticated, service_role",
                "ALTER DEFAULT PRIVILEGES FOR ROLE supabase_admin IN SCHEMA supabase_functions REVOKE ALL ON FUNCTIONS"
                        + " FROM postgres, anon,"
                        + " authenticated, service_role",
                "ALTER DEFAULT PRIVILEGES FOR ROLE supabase_admin IN SCHEMA supabase_functions REVOKE ALL ON SEQUENCES"
                        + " FROM postgres, anon,"
                        + " authenticated, service_role",
                "ALTER DEFAULT PRIVILEGES FOR ROLE postgres IN SCHEMA supabase_functions GRANT ALL ON TABLES TO"
                        + " postgres, anon, authenticated, service_role",
                "ALTER DEFAULT PRIVILEGES FOR ROLE postgres IN SCHEMA supabase_functions GRANT ALL ON FUNCTIONS TO"
                        + " postgres, anon, authenticated, service_role",
                "ALTER DEFAULT PRIVILEGES FOR ROLE postgres IN SCHEMA supabase_functions GRANT ALL ON SEQUENCES TO"
                        + " postgres, anon, authenticated, service_role",
                "REVOKE ALL ON supabase_functions.hooks, supabase_functions.migrations FROM postgres",
                "REVOKE ALL ON SEQUENCE supabase_functions.hooks_id_seq FROM postgres",
                "INSERT INTO supabase_functions.migrations (version) VALUES"
                        + " ('20240115163000_add_retry_to_http_request')",
                // and CREATE EXTENSION ran as postgres there
                "ALTER SCHEMA net OWNER TO postgres");
        List<String> compose = catalog(db);
        assertThat(compose).isNotEqualTo(supabaseSetUp());

        BootstrapReport report = bootstrap(db, "supabase_admin");
        assertThat(report.actions()).isEmpty();
        assertThat(catalog(db)).containsExactlyElementsOf(compose);
    }

    @Test
    void theUnusedNetAdminRoleOfOldSetUpsIsDroppedAndItsObjectsKept() throws Exception {
        String db = databases.fresh();
        databases.sql(
                db,
                "CREATE ROLE supabase_pg_net_admin",
                "CREATE TABLE public.net_admin_leftover (id int)",
                "ALTER TABLE public.net_admin_leftover OWNER TO supabase_pg_net_admin");
        try {
            BootstrapReport report = bootstrap(db, "supabase_admin");
            assertThat(report.actions())
                    .contains("drop the unused role supabase_pg_net_admin (what it owned now belongs to"
                            + " supabase_admin)");
            assertThat(databases.column(db, "SELECT tableowner FROM pg_tables WHERE tablename = 'net_admin_leftover'"))
                    .containsExactly("supabase_admin");
            assertThat(catalog(db)).containsExactlyElementsOf(supabaseSetUp());
        } finally {
            // roles are cluster-wide: leave none behind for the other tests
            databases.sql("postgres", "DROP ROLE IF EXISTS supabase_pg_net_admin");
        }
    }
}
