package dev.stackinit.migrator.jdbc;

import dev.stackinit.errors.InvalidInputException;
import dev.stackinit.errors.RejectedException;
import dev.stackinit.errors.UsageException;
import dev.stackinit.migrator.pull.SupabaseSchemas;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The scratch database diff migrates the folder onto. Given with --shadow-url it is emptied and reused: the app's
 * schemas are dropped and public is emptied, and what the app leaves on Supabase's own tables (policies, triggers,
 * bucket rows, realtime members) is removed, so the folder applies as on a fresh database. Without it, a temporary
 * database is created on the live server and dropped at the end; Supabase creates auth and storage per database (its
 * services migrate them), so one that lacks what the live database has there is refused instead of compared.
 */
final class ShadowDatabase {
    /** Publications of Supabase's own services (Realtime's broadcast from the database): never ours to drop. */
    private static final String PLATFORM_PUBLICATION_PREFIX = "supabase_";

    private ShadowDatabase() {}

    /** The given URL must not name the live database: emptying it would be a disaster. */
    static void refuseLive(DatabaseUrl shadow, DatabaseUrl live) {
        boolean same = shadow.host().equalsIgnoreCase(live.host())
                && shadow.port() == live.port()
                && shadow.database().equals(live.database());
        if (same) {
            throw new UsageException("--shadow-url names the live database (" + live.display() + "): the shadow is"
                    + " emptied before every diff; give a scratch database");
        }
    }

    /**
     * The same check asked of the servers, before anything is emptied: one database reached under another URL
     * (localhost for 127.0.0.1, a host name, a pooler's port) is the same server start and the same database oid.
     */
    static void refuseLive(Connection live, Connection shadow, Connection shadowAdmin, DatabaseUrl liveUrl) {
        String liveDatabase = identity(live);
        if (liveDatabase.equals(identity(shadow)) || liveDatabase.equals(identity(shadowAdmin))) {
            throw new UsageException("--shadow-url names the live database (" + liveUrl.display() + ", under another"
                    + " address): the shadow is emptied before every diff; give a scratch database");
        }
    }

    private static String identity(Connection c) {
        return Jdbc.list(
                        c,
                        "select pg_postmaster_start_time()::text || ' ' || d.oid || ' ' || d.datname"
                                + " from pg_database d where d.datname = current_database()",
                        rs -> rs.getString(1))
                .get(0);
    }

    /** Empties a reused shadow database, on its admin connection, in one transaction. */
    static void empty(Connection admin, String historySchema) {
        try {
            admin.setAutoCommit(false);
            try (Statement statement = admin.createStatement()) {
                for (String sql : emptyingStatements(admin, historySchema)) {
                    statement.execute(sql);
                }
                admin.commit();
            } catch (SQLException | RuntimeException e) {
                admin.rollback();
                throw e;
            } finally {
                admin.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw new RejectedException("emptying the shadow database failed: " + e.getMessage(), e);
        }
    }

    private static List<String> emptyingStatements(Connection c, String historySchema) {
        List<String> statements = new ArrayList<>();
        // the app's schemas (and the history's), public's content; CASCADE takes triggers on auth.users along
        for (String schema : Jdbc.list(c, "select nspname from pg_namespace order by 1", rs -> rs.getString(1))) {
            if (schema.equals(historySchema) && !schema.equals("public")
                    || !schema.equals("public") && isAppSchema(schema)) {
                statements.add("DROP SCHEMA " + Connector.quoteIdentifier(schema) + " CASCADE");
            }
        }
        statements.addAll(Jdbc.list(c, """
                select format('DROP %s IF EXISTS %s CASCADE',
                  case c.relkind when 'v' then 'VIEW' when 'm' then 'MATERIALIZED VIEW' when 'S' then 'SEQUENCE'
                    when 'f' then 'FOREIGN TABLE' else 'TABLE' end, c.oid::regclass)
                from pg_class c
                where c.relnamespace = 'public'::regnamespace and c.relkind in ('r', 'p', 'v', 'm', 'S', 'f')
                  and not c.relispartition
                  and not exists (select 1 from pg_depend d where d.classid = 'pg_class'::regclass
                                  and d.objid = c.oid and d.deptype in ('e', 'i', 'a') and d.refobjid <> c.oid)
                order by 1""", rs -> rs.getString(1)));
        statements.addAll(Jdbc.list(c, """
                select format('DROP ROUTINE IF EXISTS %s CASCADE', p.oid::regprocedure)
                from pg_proc p
                where p.pronamespace = 'public'::regnamespace
                  and not exists (select 1 from pg_depend d where d.classid = 'pg_proc'::regclass
                                  and d.objid = p.oid and d.deptype = 'e')
                order by 1""", rs -> rs.getString(1)));
        statements.addAll(Jdbc.list(c, """
                select format('DROP TYPE IF EXISTS %s CASCADE', t.oid::regtype)
                from pg_type t
                where t.typnamespace = 'public'::regnamespace and t.typtype in ('e', 'd', 'c', 'r')
                  and (t.typtype <> 'c' or (select relkind from pg_class where oid = t.typrelid) = 'c')
                  and not exists (select 1 from pg_depend d where d.classid = 'pg_type'::regclass
                                  and d.objid = t.oid and d.deptype = 'e')
                order by 1""", rs -> rs.getString(1)));
        statements.addAll(Jdbc.list(c, """
                select format('DROP EXTENSION IF EXISTS %I CASCADE', e.extname)
                from pg_extension e where e.extnamespace = 'public'::regnamespace order by 1""", rs -> rs.getString(1)));
        // what the app put on Supabase's tables: policies, triggers (webhooks too), realtime members, buckets
        statements.addAll(Jdbc.list(c, """
                select format('DROP POLICY IF EXISTS %I ON %s', p.polname, p.polrelid::regclass)
                from pg_policy p join pg_class c on c.oid = p.polrelid
                where c.relnamespace::regnamespace::text = any(?) order by 1""", rs -> rs.getString(1), owned(c)));
        statements.addAll(Jdbc.list(c, """
                select format('DROP TRIGGER IF EXISTS %I ON %s', t.tgname, t.tgrelid::regclass)
                from pg_trigger t join pg_class c on c.oid = t.tgrelid join pg_proc p on p.oid = t.tgfoid
                where not t.tgisinternal and t.tgparentid = 0 and c.relnamespace::regnamespace::text = any(?)
                  and (p.pronamespace::regnamespace::text = 'supabase_functions'
                       or not (p.pronamespace::regnamespace::text = any(?)))
                order by 1""", rs -> rs.getString(1), owned(c), owned(c)));
        for (String publication :
                Jdbc.list(c, "select pubname from pg_publication order by 1", rs -> rs.getString(1))) {
            String quoted = Connector.quoteIdentifier(publication);
            if (publication.equals("supabase_realtime")) {
                statements.add("ALTER PUBLICATION " + quoted + " SET (publish = 'insert, update, delete, truncate',"
                        + " publish_via_partition_root = false)");
                statements.add("COMMENT ON PUBLICATION " + quoted + " IS NULL");
                statements.add("DO $reset$ DECLARE r record; BEGIN FOR r IN SELECT schemaname, tablename FROM"
                        + " pg_publication_tables WHERE pubname = 'supabase_realtime' LOOP EXECUTE format('ALTER"
                        + " PUBLICATION supabase_realtime DROP TABLE %I.%I', r.schemaname, r.tablename); END LOOP;"
                        + " FOR r IN SELECT n.nspname FROM pg_publication_namespace pn JOIN pg_namespace n ON n.oid ="
                        + " pn.pnnspid JOIN pg_publication p ON p.oid = pn.pnpubid WHERE p.pubname ="
                        + " 'supabase_realtime' LOOP EXECUTE format('ALTER PUBLICATION supabase_realtime DROP TABLES"
                        + " IN SCHEMA %I', r.nspname); END LOOP; END $reset$");
            } else if (!publication.startsWith(PLATFORM_PUBLICATION_PREFIX)) {
                statements.add("DROP PUBLICATION " + quoted);
            }
        }
        if (Jdbc.bool(c, "select to_regclass('storage.buckets') is not null")) {
            statements.add("TRUNCATE storage.buckets CASCADE");
        }
        return statements;
    }

    /** Not PostgreSQL's, not Supabase's: a schema of the app (or of a migration file). */
    static boolean isAppSchema(String schema) {
        return !SupabaseSchemas.isOwned(schema) && !SupabaseSchemas.isSystem(schema) && !schema.startsWith("pg_");
    }

    private static java.sql.Array owned(Connection c) {
        try {
            List<String> schemas = Jdbc.list(c, "select nspname from pg_namespace", rs -> rs.getString(1)).stream()
                    .filter(s -> SupabaseSchemas.isOwned(s) && !SupabaseSchemas.isSystem(s))
                    .toList();
            return c.createArrayOf("text", schemas.toArray());
        } catch (SQLException e) {
            throw new RejectedException("cannot list the shadow database's schemas: " + e.getMessage(), e);
        }
    }

    /**
     * What a temporary database must have that Supabase's services create per database: every relation of the live
     * database's auth and storage schemas, and the supabase_realtime publication. Returns what it lacks.
     */
    static List<String> missingPlatform(Connection live, Connection temporary) {
        String relations = "select n.nspname || '.' || c.relname from pg_class c join pg_namespace n"
                + " on n.oid = c.relnamespace where n.nspname in ('auth', 'storage') and c.relkind in ('r', 'p')"
                + " union all select 'publication ' || pubname from pg_publication where pubname = 'supabase_realtime'";
        Set<String> there = new HashSet<>(Jdbc.list(temporary, relations, rs -> rs.getString(1)));
        return Jdbc.list(live, relations + " order by 1", rs -> rs.getString(1)).stream()
                .filter(r -> !there.contains(r))
                .toList();
    }

    static InvalidInputException lacksPlatform(List<String> missing) {
        return new InvalidInputException("a temporary database on the live server lacks "
                + String.join(", ", missing.size() > 5 ? missing.subList(0, 5) : missing)
                + (missing.size() > 5 ? " and " + (missing.size() - 5) + " more" : "")
                + ": Supabase's services create auth and storage in each database themselves, so comparing against it"
                + " would be wrong. Pass --shadow-url with a scratch Supabase database (e.g. a local stack's) that"
                + " diff may empty and reuse");
    }
}
