package dev.stackinit.seeder;

import java.util.List;

/**
 * What a clone or import did, per database and collection; totals for the summary line; and everything the source held
 * that was not carried over.
 *
 * @param notRestored what the source held and the copy left behind (named, counted; a copy with any is incomplete)
 * @param skipped what was deliberately not copied: --exclude/--include, databases not selected, admin and config
 * @param notes conversions made on the way (legacy index keys, ...)
 */
public record CloneReport(
        List<DatabaseReport> databases,
        double seconds,
        List<Unrestored> notRestored,
        List<Unrestored> skipped,
        List<String> notes) {

    public CloneReport {
        databases = List.copyOf(databases);
        notRestored = List.copyOf(notRestored);
        skipped = List.copyOf(skipped);
        notes = List.copyOf(notes);
    }

    public CloneReport(List<DatabaseReport> databases, double seconds) {
        this(databases, seconds, List.of(), List.of(), List.of());
    }

    /** One source database copied into one target database. */
    public record DatabaseReport(
            String source, String target, boolean upToDate, List<CollectionReport> collections, List<String> views) {}

    public record CollectionReport(String name, long documents, long bytes, int indexes, double seconds) {}

    /** True when nothing the source held was left behind. */
    public boolean complete() {
        return notRestored.isEmpty();
    }

    public long collections() {
        return databases.stream().mapToLong(d -> d.collections().size()).sum();
    }

    public long documents() {
        return databases.stream()
                .flatMap(d -> d.collections().stream())
                .mapToLong(CollectionReport::documents)
                .sum();
    }

    public long bytes() {
        return databases.stream()
                .flatMap(d -> d.collections().stream())
                .mapToLong(CollectionReport::bytes)
                .sum();
    }

    public long indexes() {
        return databases.stream()
                .flatMap(d -> d.collections().stream())
                .mapToLong(CollectionReport::indexes)
                .sum();
    }

    public long views() {
        return databases.stream().mapToLong(d -> d.views().size()).sum();
    }

    public boolean upToDate() {
        return databases.stream().allMatch(DatabaseReport::upToDate);
    }
}
