package dev.stackinit.webhooks.it;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * What the catalog says about database webhooks, one property per line and sorted, so two databases (or one database
 * before and after a run) compare line by line: role supabase_functions_admin (attributes, settings, memberships),
 * schemas supabase_functions and net (owners, grants), default privileges, the relations of supabase_functions
 * (owners, columns, indexes, comment, grants, version rows), the functions (security, settings, grants), pg_net's
 * EXECUTE rights and the event trigger issue_pg_net_access.
 */
final class WebhookCatalog {
    /** The grantee or grantor of an aclexplode row, PUBLIC for 0. */
    private static final String NAME = "CASE %s WHEN 0 THEN 'PUBLIC' ELSE %s::regrole::text END";

    private static final List<String> QUERIES = List.of(
            // the role
            "SELECT 'role ' || rolname || ': ' || concat_ws(' ',"
                    + " CASE WHEN rolcanlogin THEN 'login' ELSE 'nologin' END,"
                    + " CASE WHEN rolinherit THEN 'inherit' ELSE 'noinherit' END,"
                    + " CASE WHEN rolcreaterole THEN 'createrole' ELSE 'nocreaterole' END,"
                    + " CASE WHEN rolreplication THEN 'replication' ELSE 'noreplication' END,"
                    + " CASE WHEN rolsuper THEN 'superuser' ELSE 'nosuperuser' END,"
                    + " CASE WHEN rolcreatedb THEN 'createdb' ELSE 'nocreatedb' END,"
                    + " CASE WHEN rolbypassrls THEN 'bypassrls' ELSE 'nobypassrls' END)"
                    + " FROM pg_roles WHERE rolname IN ('supabase_functions_admin', 'supabase_pg_net_admin')",
            "SELECT 'role ' || s.setrole::regrole || ': set ' || c || ' in ' || coalesce(d.datname, 'every database')"
                    + " FROM pg_db_role_setting s LEFT JOIN pg_database d ON d.oid = s.setdatabase,"
                    + " unnest(s.setconfig) c WHERE s.setrole = 'supabase_functions_admin'::regrole",
            "SELECT 'role ' || m.roleid::regrole || ': granted to ' || m.member::regrole"
                    + " || CASE WHEN m.admin_option THEN ' with admin option' ELSE '' END"
                    + " FROM pg_auth_members m WHERE 'supabase_functions_admin'::regrole::oid IN (m.roleid, m.member)",
            // schemas
            "SELECT 'schema ' || nspname || ': owner ' || nspowner::regrole FROM pg_namespace"
                    + " WHERE nspname IN ('supabase_functions', 'net')",
            "SELECT 'schema ' || n.nspname || ': ' || a.privilege_type || ' to ' || " + name("a.grantee") + " || ' by '"
                    + " || " + name("a.grantor")
                    + " FROM pg_namespace n, aclexplode(coalesce(n.nspacl, acldefault('n', n.nspowner))) a"
                    + " WHERE n.nspname = 'supabase_functions' OR (n.nspname = 'net' AND a.grantee IN (SELECT oid"
                    + " FROM pg_roles WHERE rolname IN ('supabase_functions_admin', 'postgres', 'anon',"
                    + " 'authenticated', 'service_role')))",
            "SELECT 'default privileges of ' || d.defaclrole::regrole || ' in ' || d.defaclnamespace::regnamespace"
                    + " || ' on ' || CASE d.defaclobjtype WHEN 'r' THEN 'tables' WHEN 'S' THEN 'sequences'"
                    + " WHEN 'f' THEN 'functions' ELSE d.defaclobjtype::text END || ': ' || a.privilege_type || ' to '"
                    + " || " + name("a.grantee") + " || ' by ' || " + name("a.grantor")
                    + " FROM pg_default_acl d, aclexplode(d.defaclacl) a"
                    + " WHERE d.defaclnamespace = 'supabase_functions'::regnamespace",
            // relations
            "SELECT 'relation ' || c.oid::regclass || ' (' || CASE c.relkind WHEN 'r' THEN 'table' WHEN 'i' THEN"
                    + " 'index' WHEN 'S' THEN 'sequence' ELSE c.relkind::text END || '): owner ' || c.relowner::regrole"
                    + " FROM pg_class c WHERE c.relnamespace = 'supabase_functions'::regnamespace",
            "SELECT 'column ' || c.oid::regclass || '.' || a.attname || ': ' || format_type(a.atttypid, a.atttypmod)"
                    + " || CASE WHEN a.attnotnull THEN ' not null' ELSE '' END"
                    + " || coalesce(' default ' || pg_get_expr(d.adbin, d.adrelid), '')"
                    + " FROM pg_class c JOIN pg_attribute a ON a.attrelid = c.oid"
                    + " LEFT JOIN pg_attrdef d ON d.adrelid = c.oid AND d.adnum = a.attnum"
                    + " WHERE c.relnamespace = 'supabase_functions'::regnamespace AND c.relkind = 'r'"
                    + " AND a.attnum > 0 AND NOT a.attisdropped",
            "SELECT 'index ' || pg_get_indexdef(i.indexrelid) FROM pg_index i JOIN pg_class c ON c.oid = i.indrelid"
                    + " WHERE c.relnamespace = 'supabase_functions'::regnamespace",
            "SELECT 'constraint ' || conrelid::regclass || ' ' || conname || ': ' || pg_get_constraintdef(oid)"
                    + " FROM pg_constraint WHERE connamespace = 'supabase_functions'::regnamespace",
            "SELECT 'comment on ' || c.oid::regclass || ': ' || obj_description(c.oid, 'pg_class') FROM pg_class c"
                    + " WHERE c.relnamespace = 'supabase_functions'::regnamespace"
                    + " AND obj_description(c.oid, 'pg_class') IS NOT NULL",
            "SELECT 'relation ' || c.oid::regclass || ': ' || a.privilege_type || ' to ' || " + name("a.grantee")
                    + " || ' by ' || " + name("a.grantor")
                    + " FROM pg_class c, aclexplode(coalesce(c.relacl, acldefault(CASE c.relkind WHEN 'S' THEN 's'"
                    + " ELSE 'r' END::\"char\", c.relowner))) a"
                    + " WHERE c.relnamespace = 'supabase_functions'::regnamespace AND c.relkind IN ('r', 'S')",
            "SELECT 'sequence ' || s.seqrelid::regclass || ': owned by ' || d.refobjid::regclass || '.'"
                    + " || a.attname FROM pg_sequence s JOIN pg_depend d ON d.objid = s.seqrelid"
                    + " AND d.classid = 'pg_class'::regclass AND d.refclassid = 'pg_class'::regclass"
                    + " JOIN pg_attribute a ON a.attrelid = d.refobjid AND a.attnum = d.refobjsubid"
                    + " WHERE s.seqrelid::regclass::text LIKE 'supabase_functions.%'",
            "SELECT 'row supabase_functions.migrations: ' || version FROM supabase_functions.migrations",
            // functions
            "SELECT 'function ' || p.oid::regprocedure || ': returns ' || p.prorettype::regtype || ', '"
                    + " || l.lanname || ', owner ' || p.proowner::regrole"
                    + " || CASE WHEN p.prosecdef THEN ', security definer' ELSE ', security invoker' END"
                    + " || coalesce(', set ' || array_to_string(p.proconfig, ', '), '')"
                    + " || coalesce(', comment ' || obj_description(p.oid, 'pg_proc'), '')"
                    + " FROM pg_proc p JOIN pg_language l ON l.oid = p.prolang"
                    + " WHERE p.pronamespace = 'supabase_functions'::regnamespace"
                    + " OR p.oid = to_regprocedure('extensions.grant_pg_net_access()')",
            "SELECT 'function ' || p.oid::regprocedure || ': ' || a.privilege_type || ' to ' || " + name("a.grantee")
                    + " || ' by ' || " + name("a.grantor")
                    + " FROM pg_proc p, aclexplode(coalesce(p.proacl, acldefault('f', p.proowner))) a"
                    + " WHERE p.pronamespace = 'supabase_functions'::regnamespace",
            // pg_net: what the roles may call (the grants' form depends on the pg_net version)
            "SELECT 'function ' || p.oid::regprocedure || ': ' || r.rolname || ' may execute'"
                    + " FROM pg_proc p, pg_roles r WHERE p.pronamespace = to_regnamespace('net')"
                    + " AND p.proname IN ('http_get', 'http_post')"
                    + " AND r.rolname IN ('supabase_functions_admin', 'postgres', 'anon', 'authenticated',"
                    + " 'service_role') AND has_function_privilege(r.oid, p.oid, 'EXECUTE')",
            "SELECT 'event trigger ' || evtname || ': on ' || evtevent || ' for ' || array_to_string(evttags, ', ')"
                    + " || ' runs ' || evtfoid::regprocedure || ', owner ' || evtowner::regrole || ', enabled '"
                    + " || evtenabled::text FROM pg_event_trigger WHERE evtname = 'issue_pg_net_access'");

    private WebhookCatalog() {}

    private static String name(String column) {
        return String.format(NAME, column, column);
    }

    static List<String> snapshot(Connection connection) throws SQLException {
        List<String> lines = new ArrayList<>();
        try (Statement statement = connection.createStatement()) {
            for (String query : QUERIES) {
                try (ResultSet rows = statement.executeQuery(query)) {
                    while (rows.next()) {
                        lines.add(rows.getString(1));
                    }
                }
            }
        }
        lines.sort(null);
        return lines;
    }
}
