package dev.stackinit.migrator.pull;

import dev.stackinit.migrator.Phase;
import dev.stackinit.webhooks.WebhookSpec;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * A catalog taken apart into the objects diff compares, each with a fingerprint of everything pull would write for
 * it. Privileges are compared as sets (their order in an ACL only reflects the order they were granted in).
 */
public final class CatalogObjects {
    private final Map<String, SchemaObject> objects = new TreeMap<>();
    private final Map<Name, Integer> tableOrder = new HashMap<>();
    private final Map<Name, Integer> viewOrder = new HashMap<>();
    private final Map<Name, Integer> typeOrder = new HashMap<>();
    private final Map<Name, Integer> functionOrder = new HashMap<>();
    private final Set<Name> lateViews = new HashSet<>();

    private CatalogObjects() {}

    /** Every object of the catalog, by {@link SchemaObject#key()}. */
    public static Map<String, SchemaObject> of(Catalog catalog) {
        CatalogObjects objects = new CatalogObjects();
        objects.orders(catalog);
        objects.add(catalog);
        return objects.objects;
    }

    private void orders(Catalog catalog) {
        DependencyGraph<Name> types = new DependencyGraph<>();
        catalog.types().forEach(t -> {
            types.addNode(t.name());
            t.dependsOn().forEach(d -> types.addEdge(t.name(), d));
        });
        index(types, typeOrder);
        DependencyGraph<Name> tables = new DependencyGraph<>();
        Set<Name> names = new HashSet<>();
        catalog.tables().forEach(t -> names.add(t.name()));
        for (Catalog.Table table : catalog.tables()) {
            tables.addNode(table.name());
            PullPlanner.foreignKeys(table).stream()
                    .filter(k -> names.contains(k.references()))
                    .forEach(k -> tables.addEdge(table.name(), k.references()));
            if (table.partition() != null) {
                tables.addEdge(table.name(), table.partition().parent());
            }
        }
        index(tables, tableOrder);
        DependencyGraph<Name> views = new DependencyGraph<>();
        catalog.views().forEach(v -> {
            views.addNode(v.name());
            v.dependsOn().forEach(d -> views.addEdge(v.name(), d));
        });
        index(views, viewOrder);
        Map<Name, Catalog.View> byName = new HashMap<>();
        catalog.views().forEach(v -> byName.put(v.name(), v));
        for (Name name : views.order().order()) {
            Catalog.View view = byName.get(name);
            if (view.callsFunctions() || view.dependsOn().stream().anyMatch(lateViews::contains)) {
                lateViews.add(name);
            }
        }
        DependencyGraph<Name> functions = new DependencyGraph<>();
        catalog.functions().forEach(f -> {
            functions.addNode(f.name());
            f.dependsOn().forEach(d -> functions.addEdge(f.name(), d));
        });
        index(functions, functionOrder);
    }

    private static void index(DependencyGraph<Name> graph, Map<Name, Integer> order) {
        List<Name> sorted = graph.order().order();
        for (int i = 0; i < sorted.size(); i++) {
            order.put(sorted.get(i), i);
        }
    }

    private void add(Catalog catalog) {
        for (Catalog.Schema schema : catalog.schemas()) {
            put(
                    "schema",
                    schema.name(),
                    fp(schema.comment(), sorted(schema.grants())),
                    null,
                    Phase.TABLES,
                    owned(schema.name()),
                    0,
                    schema,
                    null);
        }
        for (Catalog.DefaultPrivilege d : catalog.defaultPrivileges()) {
            String name = d.role() + " " + DefaultPrivilegeReader.describe(d.objectType(), d.schema());
            String schema = d.schema() == null ? null : SchemaObject.key("schema", d.schema());
            put("default-privileges", name, fp(sorted(d.grants())), schema, Phase.TABLES, false, 0, d, null);
        }
        for (Catalog.Extension e : catalog.extensions()) {
            put("extension", e.name(), e.schemaSql(), null, Phase.TABLES, false, 0, e, null);
        }
        for (Catalog.Type t : catalog.types()) {
            String fp = fp(
                    t.kind(),
                    t.labels(),
                    t.attributes(),
                    t.baseType(),
                    t.collation(),
                    t.notNull(),
                    t.defaultExpr(),
                    t.domainConstraints(),
                    t.grants() == null ? null : sorted(t.grants()),
                    t.memberComments(),
                    t.comment());
            put("type", t.name().display(), fp, null, Phase.TABLES, owned(t.name()), typeOrder.get(t.name()), t, null);
        }
        for (Catalog.Sequence s : catalog.sequences()) {
            String fp = fp(
                    s.dataType(),
                    s.start(),
                    s.increment(),
                    s.min(),
                    s.max(),
                    s.cache(),
                    s.cycle(),
                    s.ownedBy(),
                    sorted(s.grants()),
                    s.comment());
            put("sequence", s.name().display(), fp, null, Phase.TABLES, owned(s.name()), 0, s, null);
        }
        Map<Name, Catalog.Table> tables = new HashMap<>();
        catalog.tables().forEach(t -> tables.put(t.name(), t));
        for (Catalog.Table t : catalog.tables()) {
            addTable(t, tables.get(t.partition() == null ? null : t.partition().parent()));
        }
        for (Catalog.Table t : catalog.platformTables()) {
            for (Catalog.Policy p : t.policies()) {
                addPolicy(t, p, null, true);
            }
        }
        for (Catalog.View v : catalog.views()) {
            String fp =
                    fp(v.materialized(), v.options(), v.query(), sorted(v.grants()), v.columnComments(), v.comment());
            Phase phase = lateViews.contains(v.name()) ? Phase.TRIGGERS : Phase.TABLES;
            put("view", v.name().display(), fp, null, phase, owned(v.name()), viewOrder.get(v.name()), v, null);
            for (Catalog.Index i : v.indexes()) {
                put(
                        "index",
                        i.name(),
                        fp(i.definition(), i.comment()),
                        key("view", v.name()),
                        phase,
                        owned(v.name()),
                        0,
                        i,
                        null);
            }
        }
        for (Catalog.Function f : catalog.functions()) {
            put(
                    "function",
                    f.name().display(),
                    fp(f.definition(), sorted(f.grants()), f.comment()),
                    null,
                    Phase.FUNCTIONS,
                    owned(f.name()),
                    functionOrder.get(f.name()),
                    f,
                    null);
        }
        for (Catalog.Trigger t : catalog.triggers()) {
            put(
                    t.webhook() ? "webhook-trigger" : "trigger",
                    t.table().display() + "." + t.name(),
                    fp(t.definition(), t.enabled(), t.comment()),
                    null,
                    Phase.TRIGGERS,
                    owned(t.table()),
                    0,
                    t,
                    null);
        }
        for (WebhookSpec w : catalog.webhooks()) {
            put(
                    "webhook-trigger",
                    w.schema() + "." + w.table() + "." + w.name(),
                    w.canonical(),
                    null,
                    Phase.WEBHOOKS,
                    false,
                    0,
                    w,
                    null);
        }
        for (Catalog.Rule r : catalog.rules()) {
            put(
                    "rule",
                    r.table().display() + "." + r.name(),
                    fp(r.definition(), r.enabled(), r.comment()),
                    null,
                    Phase.TRIGGERS,
                    owned(r.table()),
                    0,
                    r,
                    null);
        }
        for (Catalog.Publication p : catalog.publications()) {
            String fp = fp(p.preexisting(), p.allTables(), p.publish(), p.viaRoot(), p.schemas(), p.comment());
            put(
                    "publication",
                    p.name(),
                    fp,
                    null,
                    Phase.TABLES,
                    p.allTables() || !p.schemas().isEmpty(),
                    0,
                    p,
                    null);
            for (Catalog.PublicationTable member : p.tables()) {
                put(
                        "publication-table",
                        p.name() + ":" + member.table().display(),
                        fp(member.columns(), member.rowFilter()),
                        null,
                        Phase.TABLES,
                        SupabaseSchemas.isOwned(member.table().schema()),
                        0,
                        new Member(p, member),
                        null);
            }
        }
        for (Catalog.Bucket b : catalog.buckets()) {
            put("bucket", b.id(), bucketFingerprint(b), null, Phase.SEED, false, 0, b, null);
        }
    }

    /** A publication member with its publication. */
    public record Member(Catalog.Publication publication, Catalog.PublicationTable table) {}

    private void addTable(Catalog.Table t, Catalog.Table parent) {
        String tableKey = key("table", t.name());
        boolean admin = owned(t.name());
        List<Object> partition = new ArrayList<>();
        if (t.partition() != null) {
            partition.add(t.partition().parent());
            partition.add(t.partition().bound());
            partition.add(t.partition().attach());
            // a partition's columns come from its parent; what it has of its own is part of the table
            t.columns().forEach(c -> partition.add(fp(c.sql(), c.defaultExpr(), c.notNull(), c.comment())));
        }
        String fp = fp(
                t.unlogged(),
                t.rowSecurity(),
                t.forceRowSecurity(),
                t.replicaIdentity(),
                t.replicaIndex(),
                t.clusterIndex(),
                t.options(),
                t.partitionKey(),
                partition,
                sorted(t.grants()),
                t.comment());
        put("table", t.name().display(), fp, null, Phase.TABLES, admin, tableOrder.get(t.name()), t, t);
        if (t.partition() == null) {
            for (Catalog.Column c : t.columns()) {
                String column = fp(
                        c.type(),
                        c.collation(),
                        c.notNull(),
                        c.defaultExpr(),
                        c.identity(),
                        c.identityOptions(),
                        c.generated(),
                        c.statistics(),
                        c.storage(),
                        sorted(c.sequenceGrants()),
                        c.comment());
                put(
                        "column",
                        t.name().display() + "." + c.name(),
                        column,
                        tableKey,
                        c.defaultAfterFunctions() ? Phase.TRIGGERS : Phase.TABLES,
                        admin,
                        0,
                        c,
                        t);
            }
        }
        for (Catalog.Constraint c : t.constraints()) {
            put(
                    "constraint",
                    t.name().display() + "." + Name.unquote(c.sql()),
                    fp(c.type(), c.definition(), c.comment()),
                    tableKey,
                    c.afterFunctions() ? Phase.TRIGGERS : Phase.TABLES,
                    admin,
                    c.type() == 'f' ? 1 : 0,
                    c,
                    t);
        }
        for (Catalog.Index i : t.indexes()) {
            put(
                    "index",
                    i.name(),
                    fp(i.definition(), i.comment()),
                    tableKey,
                    i.afterFunctions() ? Phase.TRIGGERS : Phase.TABLES,
                    admin,
                    0,
                    i,
                    t);
        }
        for (Catalog.Statistic s : t.statistics()) {
            put(
                    "statistics",
                    s.name().display(),
                    fp(s.definition(), s.comment()),
                    tableKey,
                    Phase.TABLES,
                    admin,
                    0,
                    s,
                    t);
        }
        for (Catalog.Policy p : t.policies()) {
            addPolicy(t, p, tableKey, admin);
        }
    }

    private void addPolicy(Catalog.Table t, Catalog.Policy p, String parent, boolean admin) {
        String fp = fp(p.permissive(), p.command(), p.roles(), p.using(), p.withCheck(), p.comment());
        put(
                "policy",
                t.name().display() + "." + Name.unquote(p.sql()),
                fp,
                parent,
                p.afterFunctions() ? Phase.TRIGGERS : Phase.TABLES,
                admin,
                0,
                p,
                t);
    }

    /** The values of a bucket except its timestamps, which say when, not what. */
    private static String bucketFingerprint(Catalog.Bucket bucket) {
        List<String> values = new ArrayList<>();
        for (int i = 0; i < bucket.columns().size(); i++) {
            String column = bucket.columns().get(i);
            if (!column.equals("created_at") && !column.equals("updated_at")) {
                values.add(column + "=" + bucket.values().get(i));
            }
        }
        return String.join(", ", values);
    }

    private void put(
            String kind,
            String name,
            String fingerprint,
            String parent,
            Phase phase,
            boolean asAdmin,
            Integer order,
            Object payload,
            Catalog.Table table) {
        SchemaObject object = new SchemaObject(
                kind, name, fingerprint, parent, phase, asAdmin, order == null ? 0 : order, payload, table);
        objects.put(object.key(), object);
    }

    private static String key(String kind, Name name) {
        return SchemaObject.key(kind, name.display());
    }

    private static boolean owned(Name name) {
        return owned(name.schema());
    }

    private static boolean owned(String schema) {
        return SupabaseSchemas.isOwned(schema);
    }

    private static List<String> sorted(Collection<Catalog.Grant> grants) {
        return grants.stream().map(Object::toString).sorted().toList();
    }

    private static String fp(Object... parts) {
        return String.join("\u0001", Stream.of(parts).map(String::valueOf).toList());
    }
}
