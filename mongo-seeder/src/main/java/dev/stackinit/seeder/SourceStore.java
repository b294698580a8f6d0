package dev.stackinit.seeder;

import java.util.List;

/** Where documents come from: a server (read only) or a seed directory. */
public interface SourceStore {
    /** Identity without credentials (hosts, or a directory's content hash), for fingerprints and the same-db check. */
    String location();

    /** For messages: a masked URI or a path. */
    String describe();

    /** Collections and views, without system.* and the seeder's own collections; empty when the database is missing. */
    List<CollectionSpec> collections(String database);

    long estimatedCount(String database, String collection);

    /**
     * @param limit at most this many documents, 0 for all
     * @param sortById ascending _id order (deterministic exports and samples); otherwise natural order
     */
    DocumentStream documents(String database, String collection, long limit, boolean sortById);
}
