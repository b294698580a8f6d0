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
import java.util.regex.Pattern;

/**
 * Reads tables (columns, constraints, indexes, policies, statistics, partitions) and views of the pulled schemas, and
 * the Supabase-owned tables the app put policies on.
 */
final class RelationReader {
    private record Relation(
            long oid,
            Name name,
            char kind,
            String owner,
            boolean unlogged,
            boolean rowSecurity,
            boolean forceRowSecurity,
            char replicaIdentity,
            String replicaIndex,
            String clusterIndex,
            boolean isPartition,
            boolean inherits,
            long parent,
            String partitionBound,
            String partitionKey,
            String viewQuery,
            List<String> options,
            List<Long> depends,
            String comment) {}

    private record PolicyRow(long table, String schema, Catalog.Policy policy) {}

    private final ReadContext context;
    private final Map<Long, List<Catalog.Column>> columns = new HashMap<>();
    private final Map<Long, List<Catalog.Constraint>> constraints = new HashMap<>();
    private final Map<Long, List<Catalog.Index>> indexes = new HashMap<>();
    private final Map<Long, List<Catalog.Policy>> policies = new HashMap<>();
    private final Map<Long, List<Catalog.Statistic>> statistics = new HashMap<>();
    private final Map<Long, List<Catalog.IndexName>> partitionIndexNames = new HashMap<>();
    private final Map<Long, List<Catalog.Comment>> viewColumnComments = new HashMap<>();
    private final Map<Long, Relation> byOid = new HashMap<>();
    private final List<Catalog.Table> platformTables = new ArrayList<>();
    private List<Relation> relations = List.of();

    RelationReader(ReadContext context) {
        this.context = context;
    }

    /** Reads everything; call {@link #tables}, {@link #views} and {@link #platformTables} afterwards. */
    RelationReader read() throws SQLException {
        context.query.list("columns.sql", row -> add(columns, row.getLong("attrelid"), column(row)));
        context.query.list("constraints.sql", row -> add(constraints, row.getLong("conrelid"), constraint(row)));
        context.query.list("indexes.sql", row -> add(indexes, row.getLong("indrelid"), index(row)));
        context.query.list("statistics.sql", row -> add(statistics, row.getLong("stxrelid"), statistic(row)));
        context.query.list("partition-indexes.sql", row -> {
            String name = row.getString("name");
            if (!looksGenerated(name, row.getString("table_name"))) {
                add(
                        partitionIndexNames,
                        row.getLong("indrelid"),
                        new Catalog.IndexName(row.getString("parent_index"), name));
            }
            return name;
        });
        context.query.list(
                "view-column-comments.sql",
                row -> add(
                        viewColumnComments,
                        row.getLong("attrelid"),
                        new Catalog.Comment(row.getString("sql"), row.getString("comment"))));
        List<PolicyRow> policyRows = context.query.list(
                "policies.sql", row -> new PolicyRow(row.getLong("polrelid"), row.getString("nspname"), policy(row)));
        policyRows.forEach(p -> add(policies, p.table(), p.policy()));
        relations = context.query.list("relations.sql", RelationReader::relation);
        relations.forEach(r -> byOid.put(r.oid(), r));
        context.query.list("platform-tables.sql", row -> {
            Name name = new Name(row.getString("nspname"), row.getString("relname"), row.getString("sql"));
            if (SupabaseSchemas.isOwned(name.schema())) {
                platformTables.add(platformTable(
                        name,
                        row.getBoolean("relrowsecurity"),
                        row.getBoolean("relforcerowsecurity"),
                        policies.getOrDefault(row.getLong("oid"), List.of())));
            }
            return name;
        });
        return this;
    }

    List<Catalog.Table> tables() {
        List<Catalog.Table> tables = new ArrayList<>();
        for (Relation relation : relations) {
            if (relation.kind() == 'v' || relation.kind() == 'm') {
                continue;
            }
            if (context.ownedByPlatform(
                    relation.name().schema(),
                    relation.owner(),
                    "table " + relation.name().display())) {
                List<Catalog.Policy> own = policies.getOrDefault(relation.oid(), List.of());
                if (!own.isEmpty()) {
                    platformTables.add(
                            platformTable(relation.name(), relation.rowSecurity(), relation.forceRowSecurity(), own));
                }
                continue;
            }
            if (relation.inherits() || relation.kind() == 'f') {
                context.lost(relation.name().display() + ": " + (relation.kind() == 'f' ? "foreign" : "inherited")
                        + " tables (INHERITS, FOREIGN TABLE) are not pulled");
                continue;
            }
            Catalog.Partition partition = null;
            if (relation.isPartition()) {
                Relation parent = byOid.get(relation.parent());
                if (parent == null) {
                    context.lost(relation.name().display() + ": a partition of a table outside the pulled schemas");
                    continue;
                }
                partition = new Catalog.Partition(
                        parent.name(),
                        relation.partitionBound(),
                        !sameColumns(relation.oid(), parent.oid()),
                        partitionIndexNames.getOrDefault(relation.oid(), List.of()));
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
                    context.grants(
                            "pg_class",
                            relation.oid(),
                            "table " + relation.name().display()),
                    relation.comment(),
                    relation.replicaIdentity(),
                    relation.replicaIndex(),
                    relation.clusterIndex(),
                    relation.options(),
                    relation.partitionKey(),
                    partition,
                    statistics.getOrDefault(relation.oid(), List.of())));
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
            if (context.ownedByPlatform(
                    relation.name().schema(),
                    relation.owner(),
                    "view " + relation.name().display())) {
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
                    context.grants(
                            "pg_class",
                            relation.oid(),
                            "view " + relation.name().display()),
                    columnComments(relation),
                    relation.comment()));
        }
        return views;
    }

    /** Supabase-owned tables with the app's policies; after {@link #tables}. */
    List<Catalog.Table> platformTables() {
        return platformTables.stream()
                .sorted((a, b) -> a.name().compareTo(b.name()))
                .toList();
    }

    private static Catalog.Table platformTable(
            Name name, boolean rowSecurity, boolean forceRowSecurity, List<Catalog.Policy> policies) {
        return new Catalog.Table(
                name, false, List.of(), List.of(), List.of(), rowSecurity, forceRowSecurity, policies, List.of(), null);
    }

    /** View columns have no defaults or constraints, but comments. */
    private List<Catalog.Comment> columnComments(Relation view) {
        return viewColumnComments.getOrDefault(view.oid(), List.of()).stream()
                .map(c -> new Catalog.Comment("COLUMN " + view.name().sql() + "." + c.on(), c.text()))
                .toList();
    }

    /** A partition created with PARTITION OF has its parent's columns, in its parent's order. */
    private boolean sameColumns(long partition, long parent) {
        List<String> mine = columns.getOrDefault(partition, List.of()).stream()
                .map(c -> c.sql() + " " + c.type())
                .toList();
        List<String> theirs = columns.getOrDefault(parent, List.of()).stream()
                .map(c -> c.sql() + " " + c.type())
                .toList();
        return mine.equals(theirs);
    }

    /** Names PostgreSQL picks for an index it creates on a partition: {@code <table>_<columns>_idx}, …_key, …_pkey. */
    private static boolean looksGenerated(String index, String table) {
        String prefix = table.length() > 20 ? table.substring(0, 20) : table;
        return index.startsWith(prefix) && GENERATED_SUFFIX.matcher(index).find();
    }

    private static final Pattern GENERATED_SUFFIX = Pattern.compile("_(idx|key|pkey|excl)\\d*$");

    private static <T> T add(Map<Long, List<T>> map, long oid, T value) {
        map.computeIfAbsent(oid, k -> new ArrayList<>()).add(value);
        return value;
    }

    private static Relation relation(ResultSet row) throws SQLException {
        return new Relation(
                row.getLong("oid"),
                new Name(row.getString("nspname"), row.getString("relname"), row.getString("sql")),
                row.getString("relkind").charAt(0),
                row.getString("owner"),
                "u".equals(row.getString("relpersistence")),
                row.getBoolean("relrowsecurity"),
                row.getBoolean("relforcerowsecurity"),
                row.getString("replident").charAt(0),
                row.getString("replica_index"),
                row.getString("cluster_index"),
                row.getBoolean("relispartition"),
                row.getBoolean("inherits"),
                row.getLong("parent"),
                row.getString("partition_bound"),
                row.getString("partition_key"),
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
        long sequence = row.getLong("seq_oid");
        return new Catalog.Column(
                row.getString("attname"),
                row.getString("sql"),
                row.getString("type"),
                row.getString("collation"),
                row.getBoolean("attnotnull"),
                row.getString("default_expr"),
                afterFunctions,
                identity,
                identity.isEmpty() ? "" : IdentityOptions.render(row),
                generated,
                sequence == 0 ? null : row.getString("seq_sql"),
                sequence == 0
                        ? List.of()
                        : context.grants("pg_class", sequence, "sequence " + row.getString("seq_sql")),
                row.getInt("attstattarget"),
                row.getString("storage"),
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
                context.callsPulledFunction("pg_constraint", row.getLong("oid")),
                row.getString("comment"));
    }

    private Catalog.Index index(ResultSet row) throws SQLException {
        return new Catalog.Index(
                row.getString("name"),
                // a partitioned table's index is ON ONLY the parent until its partitions' are attached; created
                // without ONLY it cascades to the partitions, as the source's did
                row.getString("definition").replaceFirst(" ON ONLY ", " ON "),
                context.callsPulledFunction("pg_class", row.getLong("oid")),
                row.getString("comment"));
    }

    private Catalog.Statistic statistic(ResultSet row) throws SQLException {
        return new Catalog.Statistic(
                new Name(row.getString("nspname"), row.getString("stxname"), row.getString("sql")),
                row.getString("definition"),
                row.getString("comment"));
    }

    private Catalog.Policy policy(ResultSet row) throws SQLException {
        return new Catalog.Policy(
                row.getString("sql"),
                row.getBoolean("polpermissive"),
                row.getString("command"),
                CatalogQuery.strings(row, "roles"),
                row.getString("using_expr"),
                row.getString("check_expr"),
                context.callsPulledFunction("pg_policy", row.getLong("oid")),
                row.getString("comment"));
    }
}
