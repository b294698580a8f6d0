package dev.stackinit.migrator.pull;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * Compares two catalogs object by object: what the migration files give ({@code files}, a scratch database migrated
 * from them) against a live database ({@code live}). "added" is in the live database only (made in Studio, say),
 * "removed" only in the files (dropped live), "changed" in both but different.
 */
public final class SchemaDiff {
    private SchemaDiff() {}

    public enum Change {
        ADDED,
        REMOVED,
        CHANGED;

        public String label() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /** One object that differs; {@code files} is null when added, {@code live} when removed. */
    public record Difference(Change change, SchemaObject files, SchemaObject live) {
        public SchemaObject object() {
            return live != null ? live : files;
        }

        public String kind() {
            return object().kind();
        }

        public String name() {
            return object().name();
        }

        /** {@code added column public.todos.priority} */
        public String line() {
            return change.label() + " " + kind() + " " + name();
        }
    }

    /** Every difference, in report order (kinds as {@link SchemaObject#KINDS} lists them, then names). */
    public static List<Difference> compare(Map<String, SchemaObject> files, Map<String, SchemaObject> live) {
        Set<String> keys = new TreeSet<>(files.keySet());
        keys.addAll(live.keySet());
        List<Difference> differences = new ArrayList<>();
        for (String key : keys) {
            SchemaObject before = files.get(key);
            SchemaObject after = live.get(key);
            if (before == null) {
                differences.add(new Difference(Change.ADDED, null, after));
            } else if (after == null) {
                differences.add(new Difference(Change.REMOVED, before, null));
            } else if (!Objects.equals(before.fingerprint(), after.fingerprint())) {
                differences.add(new Difference(Change.CHANGED, before, after));
            }
        }
        differences.sort((a, b) -> SchemaObject.REPORT_ORDER.compare(a.object(), b.object()));
        return differences;
    }

    /**
     * The differences to show: one line per object, so the parts of a table (or schema) that comes or goes as a whole
     * are not listed again.
     */
    public static List<Difference> report(List<Difference> differences) {
        Set<String> whole = new TreeSet<>();
        for (Difference d : differences) {
            if (d.change() != Change.CHANGED) {
                whole.add(d.object().key());
            }
        }
        return differences.stream()
                .filter(d -> d.object().parent() == null
                        || !whole.contains(d.object().parent()))
                .toList();
    }
}
