package dev.stackinit.migrator.pull;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * What the readers share while reading one catalog: the query runner, privileges, function dependents, and the
 * findings (warnings, what cannot be reproduced, what is left to the platform).
 */
final class ReadContext {
    final CatalogQuery query;
    final List<String> warnings = new ArrayList<>();
    final List<String> notReproduced = new ArrayList<>();
    final List<String> leftToPlatform = new ArrayList<>();
    private final Map<String, List<Catalog.Grant>> grants = new HashMap<>();
    private final Map<String, Set<String>> otherGrantees = new HashMap<>();
    private final Set<String> callsPulledFunction = new HashSet<>();
    private final Map<Long, Set<Long>> functionCalls = new HashMap<>();

    private ReadContext(CatalogQuery query) {
        this.query = query;
    }

    static ReadContext load(CatalogQuery query) throws SQLException {
        ReadContext context = new ReadContext(query);
        query.list("grants.sql", row -> {
            String cls = row.getString("cls");
            String key = ("pg_attribute".equals(cls) ? "pg_class" : cls) + ":" + row.getLong("oid");
            String name = row.getString("grantee_name");
            if (SupabaseSchemas.isManagedGrantee(name)) {
                context.grants
                        .computeIfAbsent(key, k -> new ArrayList<>())
                        .add(new Catalog.Grant(
                                row.getString("grantee"),
                                row.getString("privilege_type"),
                                row.getBoolean("is_grantable"),
                                row.getString("column_sql")));
            } else if (!SupabaseSchemas.isPlatformRole(name) && !"postgres".equals(name)) {
                context.otherGrantees.computeIfAbsent(key, k -> new TreeSet<>()).add(name);
            }
            return key;
        });
        query.list("function-dependents.sql", row -> {
            if (SupabaseSchemas.isOwned(row.getString("function_schema"))
                    && SupabaseSchemas.isPlatformRole(row.getString("function_owner"))) {
                return row; // the platform's function (auth.uid()): there before any file runs, never pulled
            }
            String cls = row.getString("cls");
            long oid = row.getLong("oid");
            context.callsPulledFunction.add(cls + ":" + oid);
            if ("pg_proc".equals(cls)) {
                context.functionCalls.computeIfAbsent(oid, k -> new HashSet<>()).add(row.getLong("function_oid"));
            }
            return cls;
        });
        return context;
    }

    /**
     * Privileges of PUBLIC and the API roles on an object (pg_class, pg_proc, pg_type, pg_namespace; for pg_class also
     * its column privileges). Privileges of the app's own roles cannot be recreated (roles are not pulled): they are
     * reported against {@code what}.
     */
    List<Catalog.Grant> grants(String catalog, long oid, String what) {
        String key = catalog + ":" + oid;
        Set<String> others = otherGrantees.get(key);
        if (others != null) {
            lost("privileges of role(s) " + String.join(", ", others) + " on " + what
                    + " (only PUBLIC and the API roles' privileges are pulled; roles are not)");
        }
        return List.copyOf(grants.getOrDefault(key, List.of()));
    }

    /** True if the object's expressions call a function that pull writes into functions/. */
    boolean callsPulledFunction(String catalog, long oid) {
        return callsPulledFunction.contains(catalog + ":" + oid);
    }

    /** Pulled functions a function with a SQL-standard body depends on (pg_depend records those). */
    Set<Long> functionCalls(long functionOid) {
        return functionCalls.getOrDefault(functionOid, Set.of());
    }

    /** Worth knowing; nothing is lost. */
    void warn(String message) {
        warnings.add(message);
    }

    /** Something the pulled files will not recreate. */
    void lost(String message) {
        notReproduced.add(message);
    }

    /** Something Supabase creates on every database by itself. */
    void platform(String message) {
        leftToPlatform.add(message);
    }

    /** True (and noted) when an object in a Supabase-owned schema belongs to a platform role. */
    boolean ownedByPlatform(String schema, String owner, String what) {
        if (SupabaseSchemas.isOwned(schema) && SupabaseSchemas.isPlatformRole(owner)) {
            platform(what + " (owned by " + owner + ")");
            return true;
        }
        return false;
    }
}
