package dev.stackinit.migrator.pull;

import dev.stackinit.migrator.Phase;
import dev.stackinit.migrator.SqlScript;
import dev.stackinit.webhooks.DeclarationWriter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Puts a catalog into phase files in an order that applies on an empty database:
 *
 * <ul>
 *   <li>tables/: schemas with their exact privileges and the default privileges (before any object they govern),
 *       extensions, types (dependencies first), sequences, tables (every foreign key's target and every partition's
 *       parent first; keys inside a cycle are added after all tables), views (dependencies first), then policies (they
 *       may read other tables), the app's policies on Supabase-owned tables, publications (after the replica
 *       identities, which their row filters and column lists must cover);
 *   <li>functions/: functions, callees first;
 *   <li>triggers/: first what of the tables phase calls a pulled function (views, CHECKs, defaults, indexes,
 *       policies), then the triggers and rules;
 *   <li>webhooks/: one YAML file;
 *   <li>seed/: the storage.buckets rows.
 * </ul>
 *
 * Files follow the migrator's naming rule, {@code <number>_<name>.sql} numbered per phase ({@code 001_profiles.sql});
 * the same catalog always gives the same files. Every file starts with {@link #HEADER}, and a file that changes an
 * object of a Supabase-owned schema (a trigger on auth.users, a policy on storage.objects) also carries {@code --
 * migrator:as-admin}: on Supabase only the admin user may change those tables.
 */
public final class PullPlanner {
    /** The folders pull writes, in apply order. */
    public static final List<Phase> PHASES =
            List.of(Phase.TABLES, Phase.FUNCTIONS, Phase.TRIGGERS, Phase.WEBHOOKS, Phase.SEED);

    /** First line of every pulled file; how a later pull knows which files are its own. */
    public static final String HEADER = "-- pulled by supabase-migrator pull: a new pull rewrites or removes this file";

    private final List<PulledFile> files = new ArrayList<>();
    private final Map<Phase, Integer> counters = new HashMap<>();

    public static List<PulledFile> plan(Catalog catalog) {
        return new PullPlanner().build(catalog);
    }

    private List<PulledFile> build(Catalog catalog) {
        GrantRenderer grants = new GrantRenderer(catalog.apiRoles());
        TableRenderer tables = new TableRenderer(grants);
        RoutineRenderer routines = new RoutineRenderer(grants);
        // the app's schemas and postgres's default privileges as postgres (created by supabase_admin, an app schema
        // would be supabase_admin's and postgres could not use it); Supabase's own schemas apart, as admin
        add(
                Phase.TABLES,
                "schemas",
                schemas(
                        catalog.schemas().stream().filter(s -> !owned(s)).toList(),
                        catalog.defaultPrivileges(),
                        grants),
                false);
        add(
                Phase.TABLES,
                "supabase_schemas",
                schemas(catalog.schemas().stream().filter(PullPlanner::owned).toList(), List.of(), grants),
                true);
        add(Phase.TABLES, "extensions", extensions(catalog), false);
        Map<Name, Catalog.Type> types = new HashMap<>();
        DependencyGraph<Name> typeGraph = new DependencyGraph<>();
        for (Catalog.Type type : catalog.types()) {
            types.put(type.name(), type);
            typeGraph.addNode(type.name());
            type.dependsOn().forEach(dep -> typeGraph.addEdge(type.name(), dep));
        }
        typeGraph
                .order()
                .order()
                .forEach(n -> add(Phase.TABLES, "type_" + n.label(), tables.type(types.get(n)), owned(n)));
        // likewise: an app sequence created by supabase_admin would be its own, and postgres's tables could not use it
        add(
                Phase.TABLES,
                "sequences",
                tables.sequences(catalog.sequences().stream()
                        .filter(s -> !owned(s.name()))
                        .toList()),
                false);
        add(
                Phase.TABLES,
                "supabase_sequences",
                tables.sequences(catalog.sequences().stream()
                        .filter(s -> owned(s.name()))
                        .toList()),
                true);
        addTables(catalog, tables);
        List<Catalog.View> lateViews = addViews(catalog, tables);
        for (Catalog.Table table : catalog.tables()) {
            add(
                    Phase.TABLES,
                    table.name().label() + "_policies",
                    TableRenderer.policies(new SqlFile(), table, false).text(),
                    owned(table.name()));
        }
        for (Catalog.Table table : catalog.platformTables()) {
            SqlFile file = new SqlFile();
            TableRenderer.rowSecurity(file, table);
            add(
                    Phase.TABLES,
                    table.name().label() + "_policies",
                    TableRenderer.policies(file, table, false).text(),
                    true);
        }
        for (Catalog.Publication publication : catalog.publications()) {
            String label = "publication_" + Name.fileLabel(publication.name());
            add(Phase.TABLES, label, PublicationRenderer.publication(publication), false);
            add(Phase.TABLES, label + "_as_admin", PublicationRenderer.asAdmin(publication), true);
        }
        addFunctions(catalog, routines);
        lateViews.forEach(view -> add(Phase.TRIGGERS, view.name().label(), tables.view(view), owned(view.name())));
        for (Catalog.Table table : Stream.concat(catalog.tables().stream(), catalog.platformTables().stream())
                .toList()) {
            if (TableRenderer.hasAfterFunctions(table)) {
                add(
                        Phase.TRIGGERS,
                        table.name().label() + "_after_functions",
                        TableRenderer.afterFunctions(table),
                        owned(table.name()));
            }
        }
        for (Catalog.Trigger trigger : catalog.triggers()) {
            add(
                    Phase.TRIGGERS,
                    trigger.table().label() + "_" + trigger.name(),
                    RoutineRenderer.trigger(trigger),
                    owned(trigger.table()));
        }
        for (Catalog.Rule rule : catalog.rules()) {
            add(
                    Phase.TRIGGERS,
                    rule.table().label() + "_rule_" + rule.name(),
                    RoutineRenderer.rule(rule),
                    owned(rule.table()));
        }
        if (!catalog.webhooks().isEmpty()) {
            String yaml = "#" + HEADER.substring(2) + "\n" + DeclarationWriter.write(catalog.webhooks());
            addFile(Phase.WEBHOOKS, "webhooks", ".yml", yaml);
        }
        add(Phase.SEED, "storage_buckets", BucketRenderer.buckets(catalog.buckets()), false);
        return numbered();
    }

    private void addTables(Catalog catalog, TableRenderer tables) {
        Map<Name, Catalog.Table> byName = new HashMap<>();
        DependencyGraph<Name> graph = new DependencyGraph<>();
        for (Catalog.Table table : catalog.tables()) {
            byName.put(table.name(), table);
            graph.addNode(table.name());
        }
        for (Catalog.Table table : catalog.tables()) {
            for (Catalog.Constraint key : foreignKeys(table)) {
                if (byName.containsKey(key.references())) {
                    graph.addEdge(table.name(), key.references());
                }
            }
            if (table.partition() != null) {
                graph.addEdge(table.name(), table.partition().parent());
            }
        }
        DependencyGraph.Ordering<Name> ordering = graph.order();
        Set<DependencyGraph.Edge<Name>> broken = new HashSet<>(ordering.brokenEdges());
        Map<Name, List<Catalog.Constraint>> deferredKeys = new HashMap<>();
        for (Name name : ordering.order()) {
            Catalog.Table table = byName.get(name);
            List<Catalog.Constraint> inline = new ArrayList<>();
            for (Catalog.Constraint key : foreignKeys(table)) {
                if (broken.contains(new DependencyGraph.Edge<>(name, key.references()))) {
                    deferredKeys.computeIfAbsent(name, k -> new ArrayList<>()).add(key);
                } else {
                    inline.add(key);
                }
            }
            List<Catalog.Sequence> owned = catalog.sequences().stream()
                    .filter(s -> s.ownedBy() != null && s.ownedBy().startsWith(name.sql() + "."))
                    .toList();
            Catalog.Table parent = table.partition() == null
                    ? null
                    : byName.get(table.partition().parent());
            add(Phase.TABLES, name.label(), tables.table(table, inline, owned, parent), owned(name));
        }
        for (Name name : ordering.order()) {
            if (deferredKeys.containsKey(name)) {
                add(
                        Phase.TABLES,
                        name.label() + "_foreign_keys",
                        TableRenderer.foreignKeys(byName.get(name), deferredKeys.get(name)),
                        owned(name));
            }
        }
    }

    static List<Catalog.Constraint> foreignKeys(Catalog.Table table) {
        return table.constraints().stream()
                .filter(c -> c.type() == 'f' && !c.afterFunctions())
                .toList();
    }

    /** Adds the views that call no pulled function; returns the others (and views on them), in order. */
    private List<Catalog.View> addViews(Catalog catalog, TableRenderer tables) {
        Map<Name, Catalog.View> byName = new HashMap<>();
        DependencyGraph<Name> graph = new DependencyGraph<>();
        for (Catalog.View view : catalog.views()) {
            byName.put(view.name(), view);
            graph.addNode(view.name());
            view.dependsOn().forEach(dep -> graph.addEdge(view.name(), dep));
        }
        Set<Name> late = new HashSet<>();
        List<Catalog.View> lateViews = new ArrayList<>();
        for (Name name : graph.order().order()) {
            Catalog.View view = byName.get(name);
            if (view.callsFunctions() || view.dependsOn().stream().anyMatch(late::contains)) {
                late.add(name);
                lateViews.add(view);
            } else {
                add(Phase.TABLES, name.label(), tables.view(view), owned(name));
            }
        }
        return lateViews;
    }

    private void addFunctions(Catalog catalog, RoutineRenderer routines) {
        Map<Name, Catalog.Function> byName = new HashMap<>();
        DependencyGraph<Name> graph = new DependencyGraph<>();
        for (Catalog.Function function : catalog.functions()) {
            byName.put(function.name(), function);
            graph.addNode(function.name());
            function.dependsOn().forEach(dep -> graph.addEdge(function.name(), dep));
        }
        for (Name name : graph.order().order()) {
            // overloads share a label; the version prefix keeps their files apart
            String bare =
                    new Name(name.schema(), name.name().substring(0, name.name().indexOf('(')), "").label();
            Catalog.Function function = byName.get(name);
            if (function.atomic()) {
                // JDBC drivers (pgjdbc) send everything after BEGIN ATOMIC as one command: keep it alone in its file
                add(Phase.FUNCTIONS, bare, RoutineRenderer.definition(function), owned(name));
                add(Phase.FUNCTIONS, bare + "_privileges", routines.privileges(function), owned(name));
            } else {
                add(
                        Phase.FUNCTIONS,
                        bare,
                        RoutineRenderer.definition(function) + "\n" + routines.privileges(function),
                        owned(name));
            }
        }
    }

    /**
     * Schemas, their comments and exact privileges (a fresh Supabase database grants the API roles usage on public:
     * REVOKE first), then the default privileges, which must be in place before the objects they govern.
     */
    static String schemas(
            List<Catalog.Schema> schemas, List<Catalog.DefaultPrivilege> defaultPrivileges, GrantRenderer grants) {
        SqlFile file = new SqlFile();
        for (Catalog.Schema schema : schemas) {
            file.group();
            schema(file, grants, schema, true);
        }
        for (Catalog.DefaultPrivilege privileges : defaultPrivileges) {
            file.group();
            grants.defaults(file, privileges);
        }
        return file.text();
    }

    /** One schema: created unless it is public (which every database has), commented, its privileges exact. */
    static void schema(SqlFile file, GrantRenderer grants, Catalog.Schema schema, boolean create) {
        boolean existing = "public".equals(schema.name());
        if (create && !existing) {
            file.statement("CREATE SCHEMA IF NOT EXISTS " + schema.sql());
        }
        if (existing && schema.comment() == null) {
            file.statement("COMMENT ON SCHEMA " + schema.sql() + " IS NULL");
        } else {
            file.comment("SCHEMA " + schema.sql(), schema.comment());
        }
        grants.exact(file, "SCHEMA", schema.sql(), schema.grants());
    }

    private static String extensions(Catalog catalog) {
        SqlFile file = new SqlFile();
        catalog.extensions()
                .forEach(e ->
                        file.statement("CREATE EXTENSION IF NOT EXISTS " + e.sql() + " WITH SCHEMA " + e.schemaSql()));
        return file.text();
    }

    private void add(Phase phase, String label, String content, boolean asAdmin) {
        if (!content.isBlank()) {
            String marker = asAdmin ? SqlScript.AS_ADMIN_MARKER + "\n" : "";
            addFile(phase, label, ".sql", HEADER + "\n" + marker + "\n" + content);
        }
    }

    private static boolean owned(Name name) {
        return SupabaseSchemas.isOwned(name.schema());
    }

    private static boolean owned(Catalog.Schema schema) {
        return SupabaseSchemas.isOwned(schema.name());
    }

    private void addFile(Phase phase, String label, String extension, String content) {
        files.add(new PulledFile(phase, label + extension, content));
        counters.merge(phase, 1, Integer::sum);
    }

    /** Prefixes {@code <n>_} with one width per phase (at least 3 digits), so names also sort in apply order. */
    private List<PulledFile> numbered() {
        Map<Phase, Integer> next = new HashMap<>();
        List<PulledFile> result = new ArrayList<>();
        for (PulledFile file : files) {
            int width = Math.max(3, String.valueOf(counters.get(file.phase())).length());
            int number = next.merge(file.phase(), 1, Integer::sum);
            String prefix = String.format("%0" + width + "d", number) + "_";
            result.add(new PulledFile(file.phase(), prefix + file.fileName(), file.content()));
        }
        return List.copyOf(result);
    }
}
