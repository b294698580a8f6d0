package dev.stackinit.migrator.pull;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** What the readers share while reading one catalog: the query runner, privileges, function dependents, warnings. */
final class ReadContext {
    final CatalogQuery query;
    final List<String> warnings = new ArrayList<>();
    private final Map<String, List<Catalog.Grant>> grants = new HashMap<>();
    private final Set<String> callsPulledFunction = new HashSet<>();
    private final Map<Long, Set<Long>> functionCalls = new HashMap<>();

    private ReadContext(CatalogQuery query) {
        this.query = query;
    }

    static ReadContext load(CatalogQuery query) throws SQLException {
        ReadContext context = new ReadContext(query);
        query.list("grants.sql", row -> {
            String key = row.getString("cls") + ":" + row.getLong("oid");
            context.grants
                    .computeIfAbsent(key, k -> new ArrayList<>())
                    .add(new Catalog.Grant(
                            row.getString("grantee"),
                            row.getString("privilege_type"),
                            row.getBoolean("is_grantable"),
                            row.getString("column_sql")));
            return key;
        });
        query.list("function-dependents.sql", row -> {
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

    /** Object privileges (pg_class, pg_proc, pg_namespace); for pg_class also the column privileges. */
    List<Catalog.Grant> grants(String catalog, long oid) {
        List<Catalog.Grant> all = new ArrayList<>(grants.getOrDefault(catalog + ":" + oid, List.of()));
        if ("pg_class".equals(catalog)) {
            all.addAll(grants.getOrDefault("pg_attribute:" + oid, List.of()));
        }
        return List.copyOf(all);
    }

    /** True if the object's expressions call a function that pull writes into functions/. */
    boolean callsPulledFunction(String catalog, long oid) {
        return callsPulledFunction.contains(catalog + ":" + oid);
    }

    /** Pulled functions a function with a SQL-standard body depends on (pg_depend records those). */
    Set<Long> functionCalls(long functionOid) {
        return functionCalls.getOrDefault(functionOid, Set.of());
    }

    void warn(String message) {
        warnings.add(message);
    }
}
