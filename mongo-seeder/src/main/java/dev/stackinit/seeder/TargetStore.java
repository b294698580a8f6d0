package dev.stackinit.seeder;

import java.util.List;
import java.util.Optional;
import org.bson.BsonDocument;
import org.bson.RawBsonDocument;

/** The server written to. Collection options, views and indexes go through {@link #command} as built by the core. */
public interface TargetStore {
    /** Server limits, from the handshake reply. */
    record Limits(int maxDocumentBytes, int maxMessageBytes) {}

    String location();

    String describe();

    Limits limits();

    /** The server's version ({@code buildInfo}), or {@code unknown}. */
    String serverVersion();

    /**
     * Whether the server really creates time-series collections in this database. May probe with a collection in the
     * seeder's own namespace that it drops again; nothing of the user's is touched.
     */
    boolean supportsTimeseries(String database);

    /** Whether the server lets documents be written to {@code system.js} (a probe document is removed again). */
    boolean acceptsSystemJs(String database);

    /** Names of collections and views, including the seeder's staging and marker collections. */
    List<String> collectionNames(String database);

    /** Runs a command built by {@link MongoCommands}; {@code renameCollection} is sent to {@code admin}. */
    void command(String database, BsonDocument command);

    /** Drops a collection or view; a missing one is fine. */
    void drop(String database, String collection);

    /** Unordered insert of raw documents, validation bypassed (the source already accepted them). */
    void insert(String database, String collection, List<RawBsonDocument> batch);

    /**
     * Inserts raw bucket documents into a time-series collection, as mongorestore does: into {@code system.buckets.<name>}
     * before 8.3, with {@code rawData} from 8.3.
     */
    void insertBuckets(String database, String collection, List<RawBsonDocument> batch);

    /** The number of bucket documents of a time-series collection. */
    long countBuckets(String database, String collection);

    /** Replace-by-_id with upsert, unordered. */
    void upsert(String database, String collection, List<RawBsonDocument> batch);

    /** The server's count of the collection (its metadata count), never taken from insert replies. */
    long count(String database, String collection);

    Optional<BsonDocument> findMarker(String database);

    void saveMarker(String database, BsonDocument marker);

    void deleteMarker(String database);
}
