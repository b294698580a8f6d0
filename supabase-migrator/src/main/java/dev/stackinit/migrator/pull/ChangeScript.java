package dev.stackinit.migrator.pull;

import dev.stackinit.migrator.Phase;
import dev.stackinit.migrator.SqlScript;
import dev.stackinit.webhooks.DeclarationWriter;
import dev.stackinit.webhooks.SqlQuoting;
import dev.stackinit.webhooks.WebhookSpec;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Turns differences into migration files that take a database built from the files to the live database's state.
 * What is added or changed goes into the phase pull would put it in (tables, functions, triggers, webhooks as YAML
 * where a declaration reproduces the trigger, seed for buckets; policies and privileges with their table). What is
 * removed goes into the phase that made it when nothing of a later phase can depend on it (an index, a policy, a
 * trigger), otherwise into the last phase the folder uses (a column, a table, a function), dependents first, so that
 * in a fresh migrate every earlier file still finds what it expects.
 */
public final class ChangeScript {
    /** A file to write: {@code label} is appended to the name the caller gives ({@code 012_drift_as_admin.sql}). */
    public record ChangeFile(Phase phase, String label, String extension, String content) {}

    /** The files, or what cannot be written as a change (then nothing should be written). */
    public record Result(List<ChangeFile> files, List<String> inexpressible) {}

    private record Step(Phase phase, boolean asAdmin, boolean drop, int rank, int order, String sql, String alone) {}

    private static final List<String> DROP_ORDER = List.of(
            "publication-table",
            "webhook-trigger",
            "trigger",
            "rule",
            "policy",
            "view",
            "statistics",
            "index",
            "constraint",
            "column",
            "table",
            "sequence",
            "function",
            "type",
            "extension",
            "publication",
            "bucket",
            "default-privileges",
            "schema");

    /**
     * Removals that nothing of a later phase can depend on: dropped in the phase that made them. Columns, tables,
     * functions, types… may be used by views, triggers or checks of later phases: dropped in the last phase.
     */
    private static final Set<String> IN_PLACE_REMOVALS = Set.of(
            "index",
            "constraint",
            "statistics",
            "policy",
            "publication-table",
            "publication",
            "trigger",
            "webhook-trigger",
            "rule",
            "bucket");

    private final GrantRenderer grants;
    private final TableRenderer tables;
    private final RoutineRenderer routines;
    private final List<Step> steps = new ArrayList<>();
    private final List<WebhookSpec> declarations = new ArrayList<>();
    private final List<String> inexpressible = new ArrayList<>();
    private final Phase lastPhase;
    private final Set<String> wholeTables = new HashSet<>();
    private final Map<Name, Catalog.Table> liveTables = new HashMap<>();

    private ChangeScript(Catalog live, Phase lastPhase) {
        this.grants = new GrantRenderer(live.apiRoles());
        this.tables = new TableRenderer(grants);
        this.routines = new RoutineRenderer(grants);
        this.lastPhase = lastPhase;
        live.tables().forEach(t -> liveTables.put(t.name(), t));
    }

    /**
     * @param live the live catalog (the state to reach)
     * @param lastPhase the last of tables…webhooks the folder has files in: where removals go
     */
    public static Result of(List<SchemaDiff.Difference> differences, Catalog live, Phase lastPhase) {
        ChangeScript script = new ChangeScript(live, lastPhase);
        for (SchemaDiff.Difference d : differences) {
            if (d.change() != SchemaDiff.Change.CHANGED
                    && Set.of("table", "view").contains(d.kind())) {
                script.wholeTables.add(d.object().key());
            }
        }
        for (SchemaDiff.Difference d : differences) {
            if (d.object().parent() != null
                    && script.wholeTables.contains(d.object().parent())) {
                script.partOfWhole(d);
                continue;
            }
            switch (d.change()) {
                case ADDED -> script.create(d.live());
                case REMOVED -> script.remove(d.files());
                case CHANGED -> script.change(d.files(), d.live());
            }
        }
        return new Result(script.files(), List.copyOf(script.inexpressible));
    }

    // ---- added -------------------------------------------------------------------------------------------------

    private void create(SchemaObject o) {
        switch (o.kind()) {
            case "schema" -> {
                SqlFile file = new SqlFile();
                PullPlanner.schema(file, grants, (Catalog.Schema) o.payload(), true);
                add(o, 0, file);
            }
            case "default-privileges" -> {
                SqlFile file = new SqlFile();
                grants.defaults(file, (Catalog.DefaultPrivilege) o.payload());
                add(o, 1, file);
            }
            case "extension" -> {
                Catalog.Extension e = (Catalog.Extension) o.payload();
                add(o, 2, "CREATE EXTENSION IF NOT EXISTS " + e.sql() + " WITH SCHEMA " + e.schemaSql());
            }
            case "type" -> add(o, 3, tables.type((Catalog.Type) o.payload()));
            case "sequence" -> {
                Catalog.Sequence s = (Catalog.Sequence) o.payload();
                SqlFile file = new SqlFile().statement(TableRenderer.createSequence(s));
                grants.exact(file, "SEQUENCE", s.name().sql(), s.grants());
                file.comment("SEQUENCE " + s.name().sql(), s.comment());
                add(o, 4, file);
                if (s.ownedBy() != null) {
                    add(o, 11, "ALTER SEQUENCE " + s.name().sql() + " OWNED BY " + s.ownedBy());
                }
            }
            case "table" -> createTable(o);
            case "column" -> addColumn(o);
            case "constraint" -> addConstraint(o);
            case "index" -> {
                Catalog.Index i = (Catalog.Index) o.payload();
                SqlFile file = new SqlFile().statement(i.definition());
                file.comment("INDEX " + i.name(), i.comment());
                add(o, 9, file);
            }
            case "statistics" -> {
                Catalog.Statistic s = (Catalog.Statistic) o.payload();
                add(
                        o,
                        10,
                        new SqlFile()
                                .statement(s.definition())
                                .comment("STATISTICS " + s.name().sql(), s.comment()));
            }
            case "view" -> add(o, 12, tables.view((Catalog.View) o.payload()));
            case "policy" -> createPolicy(o);
            case "publication" -> add(o, 14, createPublication((Catalog.Publication) o.payload()));
            case "publication-table" -> {
                CatalogObjects.Member m = (CatalogObjects.Member) o.payload();
                add(o, 15, PublicationRenderer.addTable(m.publication(), m.table()));
            }
            case "function" -> createFunction(o, false);
            case "trigger" -> add(o, 30, RoutineRenderer.trigger((Catalog.Trigger) o.payload()));
            case "webhook-trigger" -> createWebhook(o);
            case "rule" -> add(o, 31, RoutineRenderer.rule((Catalog.Rule) o.payload()));
            case "bucket" -> add(o, 40, BucketRenderer.upsert((Catalog.Bucket) o.payload()));
            default -> throw new IllegalStateException("unknown kind " + o.kind());
        }
    }

    /**
     * A new table: everything of its own in one CREATE (columns, its CHECKs, indexes, settings, RLS, grants,
     * comments); foreign keys, policies and what calls functions come through their own differences.
     */
    private void createTable(SchemaObject o) {
        Catalog.Table t = (Catalog.Table) o.payload();
        Catalog.Table parent =
                t.partition() == null ? null : liveTables.get(t.partition().parent());
        add(o, 5, tables.table(t, List.of(), List.of(), parent));
        for (Catalog.Column c : t.columns()) {
            if (c.defaultAfterFunctions()) {
                step(
                        Phase.TRIGGERS,
                        o.asAdmin(),
                        false,
                        6,
                        o.order(),
                        alterColumn(t, c) + " SET DEFAULT " + c.defaultExpr());
            }
        }
    }

    private void addColumn(SchemaObject o) {
        Catalog.Table t = o.table();
        Catalog.Column c = (Catalog.Column) o.payload();
        SqlFile file =
                new SqlFile().statement("ALTER TABLE " + t.name().sql() + " ADD COLUMN " + TableRenderer.column(c));
        columnSettings(file, t, c);
        if (c.identitySequence() != null) {
            grants.exact(file, "SEQUENCE", c.identitySequence(), c.sequenceGrants());
        }
        file.comment("COLUMN " + t.name().sql() + "." + c.sql(), c.comment());
        step(Phase.TABLES, o.asAdmin(), false, 6, 0, file.text(), null);
        if (c.defaultAfterFunctions()) {
            step(Phase.TRIGGERS, o.asAdmin(), false, 6, 0, alterColumn(t, c) + " SET DEFAULT " + c.defaultExpr());
        }
    }

    private void addConstraint(SchemaObject o) {
        Catalog.Table t = o.table();
        Catalog.Constraint c = (Catalog.Constraint) o.payload();
        SqlFile file =
                new SqlFile().statement(TableRenderer.addConstraint(t.name().sql(), c));
        file.comment(TableRenderer.constraintTarget(t, c), c.comment());
        add(o, c.type() == 'f' ? 8 : 7, file);
    }

    private void createPolicy(SchemaObject o) {
        Catalog.Table t = o.table();
        SqlFile file = new SqlFile();
        if (isPlatform(o)) {
            TableRenderer.rowSecurity(file, t);
        }
        TableRenderer.policy(file, t.name(), (Catalog.Policy) o.payload());
        add(o, 13, file);
    }

    private static String createPublication(Catalog.Publication p) {
        Catalog.Publication bare = new Catalog.Publication(
                p.name(),
                p.sql(),
                p.preexisting(),
                p.allTables(),
                p.publish(),
                p.viaRoot(),
                List.of(),
                p.schemas(),
                p.comment());
        return PublicationRenderer.publication(bare) + PublicationRenderer.asAdmin(bare);
    }

    private void createFunction(SchemaObject o, boolean dropFirst) {
        Catalog.Function f = (Catalog.Function) o.payload();
        String kind = f.procedure() ? "PROCEDURE" : "FUNCTION";
        String drop = dropFirst ? "DROP " + kind + " " + f.name().sql() + ";\n" : "";
        if (f.atomic()) {
            // pgjdbc sends everything after BEGIN ATOMIC as one command: alone in its file (see PullPlanner)
            if (!drop.isEmpty()) {
                step(Phase.FUNCTIONS, o.asAdmin(), false, 20, o.order(), drop, null);
            }
            step(
                    Phase.FUNCTIONS,
                    o.asAdmin(),
                    false,
                    20,
                    o.order(),
                    RoutineRenderer.definition(f),
                    f.name().label());
            step(Phase.FUNCTIONS, o.asAdmin(), false, 20, o.order(), routines.privileges(f), null);
        } else {
            step(
                    Phase.FUNCTIONS,
                    o.asAdmin(),
                    false,
                    20,
                    o.order(),
                    drop + RoutineRenderer.definition(f) + routines.privileges(f),
                    null);
        }
    }

    private void createWebhook(SchemaObject o) {
        if (o.payload() instanceof WebhookSpec spec) {
            declarations.add(spec);
        } else {
            add(o, 30, RoutineRenderer.trigger((Catalog.Trigger) o.payload()));
        }
    }

    // ---- removed -----------------------------------------------------------------------------------------------

    private void remove(SchemaObject o) {
        String sql = switch (o.kind()) {
            case "schema" -> "DROP SCHEMA " + ((Catalog.Schema) o.payload()).sql();
            case "default-privileges" -> null; // went with its schema
            case "extension" -> "DROP EXTENSION " + ((Catalog.Extension) o.payload()).sql();
            case "type" -> {
                Catalog.Type t = (Catalog.Type) o.payload();
                yield "DROP " + (t.kind() == 'd' ? "DOMAIN " : "TYPE ")
                        + t.name().sql();
            }
            case "sequence" ->
                "DROP SEQUENCE " + ((Catalog.Sequence) o.payload()).name().sql();
            case "table" -> "DROP TABLE " + ((Catalog.Table) o.payload()).name().sql();
            case "column" ->
                "ALTER TABLE " + o.table().name().sql() + " DROP COLUMN " + ((Catalog.Column) o.payload()).sql();
            case "constraint" ->
                "ALTER TABLE " + o.table().name().sql() + " DROP CONSTRAINT "
                        + ((Catalog.Constraint) o.payload()).sql();
            case "index" -> "DROP INDEX " + ((Catalog.Index) o.payload()).name();
            case "statistics" ->
                "DROP STATISTICS " + ((Catalog.Statistic) o.payload()).name().sql();
            case "view" -> {
                Catalog.View v = (Catalog.View) o.payload();
                yield "DROP " + (v.materialized() ? "MATERIALIZED VIEW " : "VIEW ")
                        + v.name().sql();
            }
            case "policy" ->
                "DROP POLICY " + ((Catalog.Policy) o.payload()).sql() + " ON "
                        + o.table().name().sql();
            case "publication" -> dropPublication((Catalog.Publication) o.payload());
            case "publication-table" -> {
                CatalogObjects.Member m = (CatalogObjects.Member) o.payload();
                yield "ALTER PUBLICATION " + m.publication().sql() + " DROP TABLE "
                        + m.table().table().sql();
            }
            case "function" -> {
                Catalog.Function f = (Catalog.Function) o.payload();
                yield "DROP " + (f.procedure() ? "PROCEDURE " : "FUNCTION ")
                        + f.name().sql();
            }
            case "trigger", "webhook-trigger" -> dropTrigger(o.payload());
            case "rule" -> {
                Catalog.Rule r = (Catalog.Rule) o.payload();
                yield "DROP RULE " + r.sql() + " ON " + r.table().sql();
            }
            case "bucket" ->
                "DELETE FROM storage.buckets WHERE id = " + SqlFile.literal(((Catalog.Bucket) o.payload()).id());
            default -> throw new IllegalStateException("unknown kind " + o.kind());
        };
        if (sql != null) {
            Phase phase = IN_PLACE_REMOVALS.contains(o.kind()) ? o.phase() : lastPhase;
            step(phase, o.asAdmin(), true, DROP_ORDER.indexOf(o.kind()), -o.order(), sql, null);
        }
    }

    private static String dropPublication(Catalog.Publication p) {
        if (!p.preexisting()) {
            return "DROP PUBLICATION " + p.sql();
        }
        // every Supabase database has it: back to how it comes, members went one by one
        return "ALTER PUBLICATION " + p.sql() + " SET (publish = 'insert, update, delete, truncate',"
                + " publish_via_partition_root = false);\nCOMMENT ON PUBLICATION " + p.sql() + " IS NULL";
    }

    private static String dropTrigger(Object payload) {
        if (payload instanceof WebhookSpec spec) {
            return "DROP TRIGGER " + SqlQuoting.ident(spec.name()) + " ON " + SqlQuoting.ident(spec.schema()) + "."
                    + SqlQuoting.ident(spec.table());
        }
        Catalog.Trigger t = (Catalog.Trigger) payload;
        return "DROP TRIGGER " + t.sql() + " ON " + t.table().sql();
    }

    /** A part of a table or view that comes or goes as a whole: the whole's own SQL covers most of it. */
    private void partOfWhole(SchemaDiff.Difference d) {
        if (d.change() != SchemaDiff.Change.ADDED) {
            return; // DROP TABLE / DROP VIEW takes its parts along
        }
        SchemaObject o = d.live();
        switch (o.kind()) {
            case "constraint" -> {
                Catalog.Constraint c = (Catalog.Constraint) o.payload();
                if (c.type() == 'f' || c.afterFunctions()) {
                    addConstraint(o);
                }
            }
            case "index" -> {
                Catalog.Index i = (Catalog.Index) o.payload();
                if (i.afterFunctions() && o.table() != null) {
                    create(o);
                }
            }
            case "policy" -> createPolicy(o);
            default -> {
                // columns, indexes, statistics: in the CREATE TABLE / CREATE VIEW file
            }
        }
    }

    // ---- changed -----------------------------------------------------------------------------------------------

    private void change(SchemaObject before, SchemaObject after) {
        Phase phase = later(before.phase(), after.phase());
        switch (after.kind()) {
            case "schema" -> {
                SqlFile file = new SqlFile();
                PullPlanner.schema(file, grants, (Catalog.Schema) after.payload(), false);
                step(phase, after.asAdmin(), false, 0, 0, file.text(), null);
            }
            case "default-privileges" -> create(after);
            case "extension" -> {
                Catalog.Extension e = (Catalog.Extension) after.payload();
                step(phase, false, false, 2, 0, "ALTER EXTENSION " + e.sql() + " SET SCHEMA " + e.schemaSql(), null);
            }
            case "type" -> changeType(before, after, phase);
            case "sequence" -> changeSequence(after, phase);
            case "table" -> changeTable(before, after, phase);
            case "column" -> changeColumn(before, after);
            case "constraint" -> {
                Catalog.Constraint old = (Catalog.Constraint) before.payload();
                Catalog.Constraint now = (Catalog.Constraint) after.payload();
                SqlFile file = new SqlFile();
                if (!old.definition().equals(now.definition()) || old.type() != now.type()) {
                    file.statement("ALTER TABLE " + after.table().name().sql() + " DROP CONSTRAINT " + old.sql());
                    file.statement(
                            TableRenderer.addConstraint(after.table().name().sql(), now));
                }
                commentChange(file, TableRenderer.constraintTarget(after.table(), now), old.comment(), now.comment());
                step(phase, after.asAdmin(), false, now.type() == 'f' ? 8 : 7, 0, file.text(), null);
            }
            case "index" -> {
                Catalog.Index old = (Catalog.Index) before.payload();
                Catalog.Index now = (Catalog.Index) after.payload();
                SqlFile file = new SqlFile();
                if (!old.definition().equals(now.definition())) {
                    file.statement("DROP INDEX " + old.name()).statement(now.definition());
                }
                commentChange(file, "INDEX " + now.name(), old.comment(), now.comment());
                step(phase, after.asAdmin(), false, 9, 0, file.text(), null);
            }
            case "statistics" -> {
                Catalog.Statistic now = (Catalog.Statistic) after.payload();
                SqlFile file = new SqlFile()
                        .statement("DROP STATISTICS " + now.name().sql())
                        .statement(now.definition())
                        .comment("STATISTICS " + now.name().sql(), now.comment());
                step(phase, after.asAdmin(), false, 10, 0, file.text(), null);
            }
            case "view" -> changeView(before, after, phase);
            case "policy" -> changePolicy(before, after, phase);
            case "publication" -> changePublication(before, after, phase);
            case "publication-table" -> {
                CatalogObjects.Member m = (CatalogObjects.Member) after.payload();
                step(
                        phase,
                        after.asAdmin(),
                        false,
                        15,
                        0,
                        "ALTER PUBLICATION " + m.publication().sql()
                                + " DROP TABLE " + m.table().table().sql() + ";\n"
                                + PublicationRenderer.addTable(m.publication(), m.table()),
                        null);
            }
            case "function" -> {
                Catalog.Function old = (Catalog.Function) before.payload();
                Catalog.Function now = (Catalog.Function) after.payload();
                createFunction(
                        after, !Objects.equals(old.result(), now.result()) || old.procedure() != now.procedure());
            }
            case "trigger", "webhook-trigger" -> changeTrigger(before, after, phase);
            case "rule" -> {
                Catalog.Rule now = (Catalog.Rule) after.payload();
                SqlFile file = new SqlFile()
                        .statement(
                                "DROP RULE " + now.sql() + " ON " + now.table().sql());
                step(phase, after.asAdmin(), false, 31, 0, file.text() + RoutineRenderer.rule(now), null);
            }
            case "bucket" -> create(after);
            default -> throw new IllegalStateException("unknown kind " + after.kind());
        }
    }

    private void changeType(SchemaObject before, SchemaObject after, Phase phase) {
        Catalog.Type old = (Catalog.Type) before.payload();
        Catalog.Type now = (Catalog.Type) after.payload();
        String name = now.name().sql();
        boolean sameShape = old.kind() == now.kind()
                && old.attributes().equals(now.attributes())
                && Objects.equals(old.baseType(), now.baseType())
                && Objects.equals(old.collation(), now.collation());
        if (!sameShape) {
            inexpressible.add("type " + after.name() + " changed its definition (attributes, base type or kind):"
                    + " write the ALTER TYPE (or a new type and a column change) by hand");
            return;
        }
        SqlFile file = new SqlFile();
        if (!old.labels().equals(now.labels())) {
            if (!isSubsequence(old.labels(), now.labels())) {
                inexpressible.add("enum " + after.name() + " lost or reordered labels (" + old.labels() + " → "
                        + now.labels() + "): PostgreSQL can only add labels; rebuild the type by hand");
                return;
            }
            // ADD VALUE cannot share a transaction with a use of the new value: a file of its own, outside one
            StringBuilder values = new StringBuilder();
            for (int i = 0; i < now.labels().size(); i++) {
                String label = now.labels().get(i);
                if (!old.labels().contains(label)) {
                    String position = i + 1 < now.labels().size()
                                    && old.labels().contains(now.labels().get(i + 1))
                            ? " BEFORE " + now.labels().get(i + 1)
                            : i > 0 ? " AFTER " + now.labels().get(i - 1) : "";
                    values.append("ALTER TYPE ")
                            .append(name)
                            .append(" ADD VALUE ")
                            .append(label)
                            .append(position)
                            .append(";\n");
                }
            }
            step(phase, after.asAdmin(), false, -1, 0, values.toString(), "enum_values");
        }
        if (now.kind() == 'd') {
            String alter = "ALTER DOMAIN " + name;
            if (!Objects.equals(old.defaultExpr(), now.defaultExpr())) {
                file.statement(
                        alter + (now.defaultExpr() == null ? " DROP DEFAULT" : " SET DEFAULT " + now.defaultExpr()));
            }
            if (old.notNull() != now.notNull()) {
                file.statement(alter + (now.notNull() ? " SET NOT NULL" : " DROP NOT NULL"));
            }
            for (String c : old.domainConstraints()) {
                if (!now.domainConstraints().contains(c)) {
                    file.statement(alter + " DROP " + c.substring(0, c.indexOf(' ', "CONSTRAINT ".length())));
                }
            }
            for (String c : now.domainConstraints()) {
                if (!old.domainConstraints().contains(c)) {
                    file.statement(alter + " ADD " + c);
                }
            }
        }
        if (!Objects.equals(old.grants(), now.grants()) && now.grants() != null) {
            grants.exact(file, "TYPE", name, now.grants());
        }
        commentChange(file, (now.kind() == 'd' ? "DOMAIN " : "TYPE ") + name, old.comment(), now.comment());
        Set<String> targets = new HashSet<>();
        old.memberComments().forEach(c -> targets.add(c.on()));
        now.memberComments().forEach(c -> targets.add(c.on()));
        for (String target : targets.stream().sorted().toList()) {
            commentChange(
                    file, target, commentOf(old.memberComments(), target), commentOf(now.memberComments(), target));
        }
        step(phase, after.asAdmin(), false, 3, after.order(), file.text(), null);
    }

    private void changeSequence(SchemaObject after, Phase phase) {
        Catalog.Sequence s = (Catalog.Sequence) after.payload();
        SqlFile file = new SqlFile();
        file.statement("ALTER SEQUENCE " + s.name().sql() + " AS " + s.dataType() + " INCREMENT BY " + s.increment()
                + " MINVALUE " + s.min() + " MAXVALUE " + s.max() + " START WITH " + s.start() + " CACHE " + s.cache()
                + (s.cycle() ? " CYCLE" : " NO CYCLE") + " OWNED BY " + (s.ownedBy() == null ? "NONE" : s.ownedBy()));
        grants.exact(file, "SEQUENCE", s.name().sql(), s.grants());
        file.comment("SEQUENCE " + s.name().sql(), s.comment() == null ? null : s.comment());
        if (s.comment() == null) {
            file.statement("COMMENT ON SEQUENCE " + s.name().sql() + " IS NULL");
        }
        step(phase, after.asAdmin(), false, 11, 0, file.text(), null);
    }

    private void changeTable(SchemaObject before, SchemaObject after, Phase phase) {
        Catalog.Table old = (Catalog.Table) before.payload();
        Catalog.Table now = (Catalog.Table) after.payload();
        String name = now.name().sql();
        String alter = "ALTER TABLE " + name;
        if (!Objects.equals(old.partitionKey(), now.partitionKey())
                || (old.partition() == null) != (now.partition() == null)) {
            inexpressible.add("table " + after.name() + " changed how it is partitioned: rebuild it by hand");
            return;
        }
        SqlFile file = new SqlFile();
        if (old.unlogged() != now.unlogged()) {
            file.statement(alter + (now.unlogged() ? " SET UNLOGGED" : " SET LOGGED"));
        }
        if (now.partition() != null) {
            Catalog.Partition p = now.partition();
            if (!p.bound().equals(old.partition().bound())
                    || !p.parent().equals(old.partition().parent())) {
                file.statement("ALTER TABLE " + old.partition().parent().sql() + " DETACH PARTITION " + name);
                file.statement("ALTER TABLE " + p.parent().sql() + " ATTACH PARTITION " + name + " " + p.bound());
            }
            for (Catalog.Column c : now.columns()) {
                Catalog.Column was = old.columns().stream()
                        .filter(x -> x.sql().equals(c.sql()))
                        .findFirst()
                        .orElse(null);
                if (was != null && !Objects.equals(was.defaultExpr(), c.defaultExpr())) {
                    file.statement(alterColumn(now, c)
                            + (c.defaultExpr() == null ? " DROP DEFAULT" : " SET DEFAULT " + c.defaultExpr()));
                }
                if (was != null && was.notNull() != c.notNull()) {
                    file.statement(alterColumn(now, c) + (c.notNull() ? " SET NOT NULL" : " DROP NOT NULL"));
                }
                if (was != null) {
                    commentChange(file, "COLUMN " + name + "." + c.sql(), was.comment(), c.comment());
                }
            }
        }
        if (!old.options().equals(now.options())) {
            List<String> keys = old.options().stream()
                    .map(o -> o.substring(0, o.indexOf('=')))
                    .toList();
            if (!keys.isEmpty()) {
                file.statement(alter + " RESET (" + String.join(", ", keys) + ")");
            }
            if (!now.options().isEmpty()) {
                file.statement(alter + " SET (" + String.join(", ", now.options()) + ")");
            }
        }
        if (old.replicaIdentity() != now.replicaIdentity() || !Objects.equals(old.replicaIndex(), now.replicaIndex())) {
            file.statement(TableRenderer.replicaIdentity(now).orElse(alter + " REPLICA IDENTITY DEFAULT"));
        }
        if (!Objects.equals(old.clusterIndex(), now.clusterIndex())) {
            file.statement(
                    now.clusterIndex() == null
                            ? alter + " SET WITHOUT CLUSTER"
                            : alter + " CLUSTER ON " + now.clusterIndex());
        }
        if (old.rowSecurity() != now.rowSecurity()) {
            file.statement(alter + (now.rowSecurity() ? " ENABLE" : " DISABLE") + " ROW LEVEL SECURITY");
        }
        if (old.forceRowSecurity() != now.forceRowSecurity()) {
            file.statement(alter + (now.forceRowSecurity() ? " FORCE" : " NO FORCE") + " ROW LEVEL SECURITY");
        }
        if (!sameGrants(old.grants(), now.grants())) {
            grants.exact(file, "TABLE", name, now.grants());
        }
        commentChange(file, "TABLE " + name, old.comment(), now.comment());
        // after new indexes (a replica identity may name one) and columns
        step(phase, after.asAdmin(), false, 11, after.order(), file.text(), null);
    }

    private void changeColumn(SchemaObject before, SchemaObject after) {
        Catalog.Table t = after.table();
        Catalog.Column old = (Catalog.Column) before.payload();
        Catalog.Column now = (Catalog.Column) after.payload();
        String alter = alterColumn(t, now);
        if (!old.generated().equals(now.generated())
                || (!now.generated().isEmpty() && !Objects.equals(old.defaultExpr(), now.defaultExpr()))) {
            inexpressible.add("column " + after.name() + " changed its generation expression: a generated column"
                    + " cannot be altered in place (drop and re-add it by hand)");
            return;
        }
        SqlFile file = new SqlFile();
        if (!old.type().equals(now.type()) || !Objects.equals(old.collation(), now.collation())) {
            file.statement(alter + " TYPE " + now.type()
                    + (now.collation() == null ? "" : " COLLATE " + now.collation()) + " USING " + now.sql() + "::"
                    + now.type());
        }
        if (!old.identity().equals(now.identity())) {
            if (now.identity().isEmpty()) {
                file.statement(alter + " DROP IDENTITY");
            } else if (old.identity().isEmpty()) {
                file.statement(alter + " ADD GENERATED " + ("a".equals(now.identity()) ? "ALWAYS" : "BY DEFAULT")
                        + " AS IDENTITY" + (now.identityOptions().isEmpty() ? "" : " (" + now.identityOptions() + ")"));
            } else {
                file.statement(alter + " SET GENERATED " + ("a".equals(now.identity()) ? "ALWAYS" : "BY DEFAULT"));
            }
        } else if (!now.identity().isEmpty() && !old.identityOptions().equals(now.identityOptions())) {
            inexpressible.add("column " + after.name() + " changed its identity sequence options: write the ALTER"
                    + " SEQUENCE by hand");
            return;
        }
        if (old.notNull() != now.notNull() && now.identity().isEmpty()) {
            file.statement(alter + (now.notNull() ? " SET NOT NULL" : " DROP NOT NULL"));
        }
        if (now.statistics() != old.statistics()) {
            file.statement(alter + " SET STATISTICS " + now.statistics());
        }
        if (!Objects.equals(old.storage(), now.storage()) && now.storage() != null) {
            file.statement(alter + " SET STORAGE " + now.storage());
        }
        if (!sameGrants(old.sequenceGrants(), now.sequenceGrants()) && now.identitySequence() != null) {
            grants.exact(file, "SEQUENCE", now.identitySequence(), now.sequenceGrants());
        }
        commentChange(file, "COLUMN " + t.name().sql() + "." + now.sql(), old.comment(), now.comment());
        step(Phase.TABLES, after.asAdmin(), false, 6, 0, file.text(), null);
        if (!Objects.equals(old.defaultExpr(), now.defaultExpr())
                && now.generated().isEmpty()
                && now.identity().isEmpty()) {
            String sql =
                    now.defaultExpr() == null ? alter + " DROP DEFAULT" : alter + " SET DEFAULT " + now.defaultExpr();
            step(later(before.phase(), after.phase()), after.asAdmin(), false, 6, 0, sql, null);
        }
    }

    private void changeView(SchemaObject before, SchemaObject after, Phase phase) {
        Catalog.View old = (Catalog.View) before.payload();
        Catalog.View now = (Catalog.View) after.payload();
        String kind = now.materialized() ? "MATERIALIZED VIEW" : "VIEW";
        SqlFile file = new SqlFile();
        boolean rebuilt = !old.query().equals(now.query())
                || !old.options().equals(now.options())
                || old.materialized() != now.materialized();
        if (rebuilt) {
            if (now.materialized() || old.materialized()) {
                file.statement("DROP " + (old.materialized() ? "MATERIALIZED VIEW " : "VIEW ")
                        + old.name().sql());
                step(phase, after.asAdmin(), false, 12, after.order(), file.text() + tables.view(now), null);
                return;
            }
            // CREATE OR REPLACE keeps what depends on the view (its new columns must extend the old ones)
            String options = now.options().isEmpty() ? "" : " WITH (" + String.join(", ", now.options()) + ")";
            file.statement("CREATE OR REPLACE VIEW " + now.name().sql() + options + " AS\n" + now.query());
        }
        if (!sameGrants(old.grants(), now.grants())) {
            grants.exact(file, "TABLE", now.name().sql(), now.grants());
        }
        commentChange(file, kind + " " + now.name().sql(), old.comment(), now.comment());
        Set<String> targets = new HashSet<>();
        old.columnComments().forEach(c -> targets.add(c.on()));
        now.columnComments().forEach(c -> targets.add(c.on()));
        for (String target : targets.stream().sorted().toList()) {
            commentChange(
                    file, target, commentOf(old.columnComments(), target), commentOf(now.columnComments(), target));
        }
        step(phase, after.asAdmin(), false, 12, after.order(), file.text(), null);
    }

    private void changePolicy(SchemaObject before, SchemaObject after, Phase phase) {
        Catalog.Policy old = (Catalog.Policy) before.payload();
        Catalog.Policy now = (Catalog.Policy) after.payload();
        Catalog.Table t = after.table();
        SqlFile file = new SqlFile();
        boolean same = old.permissive() == now.permissive()
                && old.command().equals(now.command())
                && old.roles().equals(now.roles())
                && Objects.equals(old.using(), now.using())
                && Objects.equals(old.withCheck(), now.withCheck());
        if (same) {
            commentChange(file, "POLICY " + now.sql() + " ON " + t.name().sql(), old.comment(), now.comment());
        } else {
            file.statement("DROP POLICY " + old.sql() + " ON " + t.name().sql());
            TableRenderer.policy(file, t.name(), now);
        }
        step(phase, after.asAdmin(), false, 13, 0, file.text(), null);
    }

    private void changePublication(SchemaObject before, SchemaObject after, Phase phase) {
        Catalog.Publication old = (Catalog.Publication) before.payload();
        Catalog.Publication now = (Catalog.Publication) after.payload();
        if (old.allTables() != now.allTables()) {
            step(lastPhase, after.asAdmin(), true, DROP_ORDER.indexOf("publication"), 0, dropPublication(old), null);
            create(after);
            return;
        }
        SqlFile file = new SqlFile();
        if (!old.publish().equals(now.publish()) || old.viaRoot() != now.viaRoot()) {
            file.statement("ALTER PUBLICATION " + now.sql() + " SET (" + PublicationRenderer.settings(now) + ")");
        }
        for (String schema : old.schemas()) {
            if (!now.schemas().contains(schema)) {
                file.statement("ALTER PUBLICATION " + now.sql() + " DROP TABLES IN SCHEMA " + schema);
            }
        }
        for (String schema : now.schemas()) {
            if (!old.schemas().contains(schema)) {
                file.statement("ALTER PUBLICATION " + now.sql() + " ADD TABLES IN SCHEMA " + schema);
            }
        }
        commentChange(file, "PUBLICATION " + now.sql(), old.comment(), now.comment());
        step(phase, after.asAdmin(), false, 14, 0, file.text(), null);
    }

    private void changeTrigger(SchemaObject before, SchemaObject after, Phase phase) {
        if (after.payload() instanceof WebhookSpec spec) {
            // webhook-config replaces a declared webhook of the same name
            if (before.payload() instanceof Catalog.Trigger old) {
                step(
                        Phase.WEBHOOKS,
                        false,
                        false,
                        32,
                        0,
                        "DROP TRIGGER " + old.sql() + " ON " + old.table().sql(),
                        null);
            }
            declarations.add(spec);
            return;
        }
        Catalog.Trigger now = (Catalog.Trigger) after.payload();
        SqlFile file = new SqlFile();
        if (before.payload() instanceof Catalog.Trigger old
                && old.definition().equals(now.definition())
                && old.enabled() == now.enabled()) {
            commentChange(file, "TRIGGER " + now.sql() + " ON " + now.table().sql(), old.comment(), now.comment());
            step(phase, after.asAdmin(), false, 30, 0, file.text(), null);
            return;
        }
        file.statement(dropTrigger(before.payload()));
        step(
                later(phase, before.phase()),
                after.asAdmin(),
                false,
                30,
                0,
                file.text() + RoutineRenderer.trigger(now),
                null);
    }

    // ---- helpers -----------------------------------------------------------------------------------------------

    private static boolean isPlatform(SchemaObject o) {
        return o.parent() == null && o.kind().equals("policy");
    }

    private static String alterColumn(Catalog.Table t, Catalog.Column c) {
        return "ALTER TABLE " + t.name().sql() + " ALTER COLUMN " + c.sql();
    }

    private static void columnSettings(SqlFile file, Catalog.Table t, Catalog.Column c) {
        if (c.statistics() >= 0) {
            file.statement(alterColumn(t, c) + " SET STATISTICS " + c.statistics());
        }
        if (c.storage() != null) {
            file.statement(alterColumn(t, c) + " SET STORAGE " + c.storage());
        }
    }

    private static void commentChange(SqlFile file, String target, String old, String now) {
        if (!Objects.equals(old, now)) {
            file.statement("COMMENT ON " + target + " IS " + (now == null ? "NULL" : SqlFile.literal(now)));
        }
    }

    private static String commentOf(List<Catalog.Comment> comments, String target) {
        return comments.stream()
                .filter(c -> c.on().equals(target))
                .map(Catalog.Comment::text)
                .findFirst()
                .orElse(null);
    }

    private static boolean sameGrants(List<Catalog.Grant> a, List<Catalog.Grant> b) {
        return new HashSet<>(a).equals(new HashSet<>(b));
    }

    private static boolean isSubsequence(List<String> part, List<String> whole) {
        int at = 0;
        for (String label : whole) {
            if (at < part.size() && part.get(at).equals(label)) {
                at++;
            }
        }
        return at == part.size();
    }

    private static Phase later(Phase a, Phase b) {
        return a.compareTo(b) >= 0 ? a : b;
    }

    private void add(SchemaObject o, int rank, SqlFile file) {
        add(o, rank, file.text());
    }

    private void add(SchemaObject o, int rank, String sql) {
        step(o.phase(), o.asAdmin(), false, rank, o.order(), sql, null);
    }

    private void step(Phase phase, boolean asAdmin, boolean drop, int rank, int order, String sql) {
        step(phase, asAdmin, drop, rank, order, sql, null);
    }

    private void step(Phase phase, boolean asAdmin, boolean drop, int rank, int order, String sql, String alone) {
        if (sql != null && !sql.isBlank()) {
            String text = sql.strip().endsWith(";") ? sql.strip() + "\n" : sql.strip() + ";\n";
            steps.add(new Step(phase, asAdmin, drop, rank, order, text, alone));
        }
    }

    /**
     * Per phase: enum values first (outside a transaction), then postgres's file, then the admin file; removals first
     * in their file, dependents first; a BEGIN ATOMIC function alone in its file.
     */
    private List<ChangeFile> files() {
        Comparator<Step> order = Comparator.comparing((Step s) -> !s.drop())
                .thenComparingInt(s -> s.drop() ? -s.rank() : s.rank())
                .thenComparingInt(Step::order);
        List<ChangeFile> files = new ArrayList<>();
        for (Phase phase : PullPlanner.PHASES) {
            List<Step> enumValues = steps.stream()
                    .filter(s -> s.phase() == phase && "enum_values".equals(s.alone()))
                    .toList();
            if (!enumValues.isEmpty()) {
                StringBuilder text = new StringBuilder("-- migrator:no-transaction\n");
                enumValues.forEach(s -> text.append(s.sql()));
                files.add(new ChangeFile(phase, "_enum_values", ".sql", text.toString()));
            }
            for (boolean admin : List.of(false, true)) {
                List<Step> group = steps.stream()
                        .filter(s -> s.phase() == phase && s.asAdmin() == admin && !"enum_values".equals(s.alone()))
                        .sorted(order)
                        .toList();
                chunk(files, phase, admin, group);
            }
            if (phase == Phase.WEBHOOKS && !declarations.isEmpty()) {
                files.add(new ChangeFile(phase, "", ".yml", DeclarationWriter.write(declarations)));
            }
        }
        return files;
    }

    private static void chunk(List<ChangeFile> files, Phase phase, boolean admin, List<Step> group) {
        String suffix = admin ? "_as_admin" : "";
        String marker = admin ? SqlScript.AS_ADMIN_MARKER + "\n" : "";
        StringBuilder current = null;
        for (Step step : group) {
            if (step.alone() != null) {
                if (current != null) {
                    files.add(new ChangeFile(phase, suffix, ".sql", marker + current));
                    current = null;
                }
                files.add(new ChangeFile(phase, suffix + "_" + step.alone(), ".sql", marker + step.sql()));
                continue;
            }
            if (current == null) {
                current = new StringBuilder();
            } else {
                current.append('\n');
            }
            current.append(step.sql());
        }
        if (current != null) {
            files.add(new ChangeFile(phase, suffix, ".sql", marker + current));
        }
    }
}
