package dev.stackinit.migrator.pull;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/** Reads tables (columns, constraints, indexes, policies) and views of the pulled schemas. */
final class RelationReader {
    private record Relation(
            long oid,
            Name name,
            char kind,
            boolean unlogged,
            boolean rowSecurity,
            boolean forceRowSecurity,
            boolean inheritance,
            String viewQuery,
            List<String> options,
            List<Long> depends,
            String comment) {}

    private final ReadContext context;
    private final Map<Long, List<Catalog.Column>> columns = new HashMap<>();
    private final Map<Long, List<Catalog.Constraint>> constraints = new HashMap<>();
    private final Map<Long, List<Catalog.Index>> indexes = new HashMap<>();
    private final Map<Long, List<Catalog.Policy>> policies = new HashMap<>();

    RelationReader(ReadContext context) {
        this.context = context;
    }

    /** Reads everything; call {@link #tables} and {@link #views} afterwards. */
    RelationReader read() throws SQLException {
        context.query.list("columns.sql", row -> add(columns, row.getLong("attrelid"), column(row)));
        context.query.list("constraints.sql", row -> add(constraints, row.getLong("conrelid"), constraint(row)));
        context.query.list("indexes.sql", row -> add(indexes, row.getLong("indrelid"), index(row)));
        context.query.list("policies.sql", row -> add(policies, row.getLong("polrelid"), policy(row)));
        relations = context.query.list("relations.sql", RelationReader::relation);
        return this;
    }

    private List<Relation> relations = List.of();

    List<Catalog.Table> tables() {
        List<Catalog.Table> tables = new ArrayList<>();
        for (Relation relation : relations) {
            if (relation.kind() == 'v' || relation.kind() == 'm') {
                continue;
            }
            if (relation.inheritance() || relation.kind() == 'f') {
                context.warn("not pulled: " + relation.name().display()
                        + " (partitioned, inherited and foreign tables are not supported)");
                continue;
            }
            tables.add(new Catalog.Table(
                    relation.name(),
                    relation.unlogged(),
                    columns.getOrDefault(relation.oid(), List.of()),
                    constraints.getOrDefault(relation.oid(), List.of()),
                    indexes.getOrDefault(relation.oid(), List.of()),
                    relation.rowSecurity(),
                    relation.forceRowSecurity(),
                    policies.getOrDefault(relation.oid(), List.of()),
                    context.grants("pg_class", relation.oid()),
                    relation.comment()));
        }
        return tables;
    }

    List<Catalog.View> views() {
        Map<Long, Name> names = new HashMap<>();
        relations.forEach(r -> names.put(r.oid(), r.name()));
        List<Catalog.View> views = new ArrayList<>();
        for (Relation relation : relations) {
            if (relation.kind() != 'v' && relation.kind() != 'm') {
                continue;
            }
            Set<Name> depends = new TreeSet<>();
            relation.depends().stream().map(names::get).filter(Objects::nonNull).forEach(depends::add);
            views.add(new Catalog.View(
                    relation.name(),
                    relation.kind() == 'm',
                    relation.options(),
                    relation.viewQuery().strip().replaceAll(";$", ""),
                    depends,
                    context.callsPulledFunction("pg_class", relation.oid()),
                    indexes.getOrDefault(relation.oid(), List.of()),
                    context.grants("pg_class", relation.oid()),
                    relation.comment()));
        }
        return views;
    }

    private static <T> T add(Map<Long, List<T>> map, long oid, T value) {
        map.computeIfAbsent(oid, k -> new ArrayList<>()).add(value);
        return value;
    }

    private static Relation relation(ResultSet row) throws SQLException {
        return new Relation(
                row.getLong("oid"),
                new Name(row.getString("nspname"), row.getString("relname"), row.getString("sql")),
                row.getString("relkind").charAt(0),
                "u".equals(row.getString("relpersistence")),
                row.getBoolean("relrowsecurity"),
                row.getBoolean("relforcerowsecurity"),
                row.getBoolean("inheritance"),
                row.getString("view_query"),
                CatalogQuery.strings(row, "options"),
                CatalogQuery.longs(row, "depends"),
                row.getString("comment"));
    }

    private Catalog.Column column(ResultSet row) throws SQLException {
        String identity = row.getString("identity");
        String generated = row.getString("generated");
        boolean afterFunctions = context.callsPulledFunction("pg_attrdef", row.getLong("default_oid"));
        if (afterFunctions && !generated.isEmpty()) {
            context.warn("generated column " + row.getString("table_name") + "." + row.getString("sql")
                    + " calls a pulled function; it is created with the table and may fail to apply");
            afterFunctions = false;
        }
        return new Catalog.Column(
                row.getString("sql"),
                row.getString("type"),
                row.getString("collation"),
                row.getBoolean("attnotnull"),
                row.getString("default_expr"),
                afterFunctions,
                identity,
                identity.isEmpty() ? "" : IdentityOptions.render(row),
                generated,
                row.getString("comment"));
    }

    private Catalog.Constraint constraint(ResultSet row) throws SQLException {
        String refSchema = row.getString("ref_schema");
        Name references =
                refSchema == null ? null : new Name(refSchema, row.getString("ref_name"), row.getString("ref_sql"));
        return new Catalog.Constraint(
                row.getString("sql"),
                row.getString("type").charAt(0),
                row.getString("definition"),
                references,
                context.callsPulledFunction("pg_constraint", row.getLong("oid")));
    }

    private Catalog.Index index(ResultSet row) throws SQLException {
        return new Catalog.Index(
                row.getString("name"),
                row.getString("definition"),
                context.callsPulledFunction("pg_class", row.getLong("oid")));
    }

    private Catalog.Policy policy(ResultSet row) throws SQLException {
        return new Catalog.Policy(
                row.getString("sql"),
                row.getBoolean("polpermissive"),
                row.getString("command"),
                CatalogQuery.strings(row, "roles"),
                row.getString("using_expr"),
                row.getString("check_expr"),
                context.callsPulledFunction("pg_policy", row.getLong("oid")));
    }
}
