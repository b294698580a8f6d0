package dev.stackinit.seeder;

import java.util.List;

/** Where documents come from: a server (read only), a seed or dump directory, or a mongodump archive. */
public interface SourceStore {
    /** Identity without credentials (hosts, or a directory's content hash), for fingerprints and the same-db check. */
    String location();

    /** For messages: a masked URI or a path. */
    String describe();

    /**
     * The databases the source holds, for a source that holds several (a dump root, an archive); empty for a server
     * (any name can be asked for) and for one database folder (read under whatever name it is imported as).
     */
    default List<String> databases() {
        return List.of();
    }

    /** Collections and views, without the seeder's own collections; empty when the database is missing. */
    List<CollectionSpec> collections(String database);

    long estimatedCount(String database, String collection);

    /**
     * @param limit at most this many documents, 0 for all
     * @param sortById ascending _id order (deterministic exports and samples); otherwise natural order
     */
    DocumentStream documents(String database, String collection, long limit, boolean sortById);

    /** The version of the server the data came from ({@code unknown} when the source does not say). */
    default String serverVersion() {
        return "unknown";
    }

    /**
     * True when {@link #documents} of a time-series collection are its bucket documents (a mongodump dump), which are
     * inserted raw, rather than its measurements (a server read through the time-series view).
     */
    default boolean timeseriesAsBuckets(String database, String collection) {
        return false;
    }

    /** The raw bucket documents of a time-series collection, in _id order (what mongodump writes). */
    default DocumentStream buckets(String database, String collection) {
        throw new UnsupportedOperationException(describe() + " cannot read time-series buckets");
    }

    /** What the source holds that cannot be restored at all (oplog entries, users, profiler data, ...). */
    default List<Unrestored> unrestorable() {
        return List.of();
    }

    /** What validating a file source learnt about a collection's documents; null for a server. */
    default DocumentStats stats(String database, String collection) {
        return null;
    }
}
