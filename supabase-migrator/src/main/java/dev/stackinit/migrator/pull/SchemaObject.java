package dev.stackinit.migrator.pull;

import dev.stackinit.migrator.Phase;
import java.util.Comparator;

/**
 * One object of a catalog as diff compares it: {@code kind} and {@code name} identify it (a column is
 * {@code public.todos.done}, a policy {@code public.todos.Own rows}, a publication member
 * {@code supabase_realtime:public.todos}); {@code fingerprint} is everything pull would write for it, so two objects
 * with equal fingerprints need no change. {@code parent}: the table or view a column, constraint, index, policy or
 * statistics object belongs to (reported with it when the whole table comes or goes); {@code phase}: where pull puts
 * it; {@code order}: its position in pull's dependency order; {@code payload}: the catalog record.
 */
public record SchemaObject(
        String kind,
        String name,
        String fingerprint,
        String parent,
        Phase phase,
        boolean asAdmin,
        int order,
        Object payload,
        Catalog.Table table) {

    /** Kinds in the order the report lists them. */
    public static final java.util.List<String> KINDS = java.util.List.of(
            "schema",
            "default-privileges",
            "extension",
            "type",
            "sequence",
            "table",
            "column",
            "constraint",
            "index",
            "statistics",
            "view",
            "policy",
            "publication",
            "publication-table",
            "function",
            "trigger",
            "webhook-trigger",
            "rule",
            "bucket");

    public static final Comparator<SchemaObject> REPORT_ORDER =
            Comparator.comparingInt((SchemaObject o) -> KINDS.indexOf(o.kind())).thenComparing(SchemaObject::name);

    public String key() {
        return key(kind, name);
    }

    public static String key(String kind, String name) {
        return kind + " " + name;
    }
}
