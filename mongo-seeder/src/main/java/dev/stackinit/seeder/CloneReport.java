package dev.stackinit.seeder;

import java.util.List;

/** What a clone or import did, per database and collection; totals for the summary line. */
public record CloneReport(List<DatabaseReport> databases, double seconds) {

    /** One source database copied into one target database. */
    public record DatabaseReport(
            String source, String target, boolean upToDate, List<CollectionReport> collections, List<String> views) {}

    public record CollectionReport(String name, long documents, long bytes, int indexes, double seconds) {}

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
