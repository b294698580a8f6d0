package dev.stackinit.seeder.mongo;

import static com.mongodb.client.model.Filters.eq;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.InsertManyOptions;
import com.mongodb.client.model.InsertOneModel;
import com.mongodb.client.model.ReplaceOneModel;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.WriteModel;
import dev.stackinit.seeder.MongoCommands;
import dev.stackinit.seeder.TargetStore;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.bson.BsonDocument;
import org.bson.BsonInt32;
import org.bson.RawBsonDocument;

/** The server written to. Inserts are unordered and bypass validation: the source already accepted the documents. */
public final class DriverTarget implements TargetStore {
    private static final String MARKER_ID = "last-copy";

    private final MongoClient client;
    private final String location;
    private final String server;
    private volatile Limits limits;

    public DriverTarget(MongoClient client, String location, String maskedUri) {
        this.client = client;
        this.location = location;
        this.server = maskedUri;
    }

    @Override
    public String location() {
        return location;
    }

    @Override
    public String describe() {
        return server;
    }

    @Override
    public Limits limits() {
        if (limits == null) {
            BsonDocument hello = MongoFailures.call(
                    "isMaster",
                    server,
                    () -> client.getDatabase("admin")
                            .runCommand(new BsonDocument("isMaster", new BsonInt32(1)), BsonDocument.class));
            limits = new Limits(
                    hello.getNumber("maxBsonObjectSize", new BsonInt32(16 * 1024 * 1024))
                            .intValue(),
                    hello.getNumber("maxMessageSizeBytes", new BsonInt32(48_000_000))
                            .intValue());
        }
        return limits;
    }

    @Override
    public List<String> collectionNames(String database) {
        return MongoFailures.call(
                "listing collections of " + database,
                server,
                () -> client.getDatabase(database).listCollectionNames().into(new ArrayList<>()));
    }

    @Override
    public void command(String database, BsonDocument command) {
        MongoFailures.run(
                command.getFirstKey() + " " + command.get(command.getFirstKey()),
                server,
                () -> client.getDatabase(database).runCommand(command, BsonDocument.class));
    }

    @Override
    public void drop(String database, String collection) {
        MongoFailures.run(
                "dropping " + database + "." + collection,
                server,
                () -> client.getDatabase(database).getCollection(collection).drop());
    }

    @Override
    public void insert(String database, String collection, List<RawBsonDocument> batch) {
        MongoFailures.run(
                "inserting into " + database + "." + collection,
                server,
                () -> raw(database, collection)
                        .insertMany(
                                batch, new InsertManyOptions().ordered(false).bypassDocumentValidation(true)));
    }

    @Override
    public void upsert(String database, String collection, List<RawBsonDocument> batch) {
        List<WriteModel<RawBsonDocument>> writes = new ArrayList<>(batch.size());
        for (RawBsonDocument document : batch) {
            writes.add(
                    document.containsKey("_id")
                            ? new ReplaceOneModel<>(
                                    eq("_id", document.get("_id")), document, new ReplaceOptions().upsert(true))
                            : new InsertOneModel<>(document));
        }
        MongoFailures.run(
                "upserting into " + database + "." + collection,
                server,
                () -> raw(database, collection)
                        .bulkWrite(writes, new BulkWriteOptions().ordered(false).bypassDocumentValidation(true)));
    }

    /** The collection's own count (metadata, O(1)): exact for a collection just written; never insert replies. */
    @Override
    public long count(String database, String collection) {
        return MongoFailures.call(
                "counting " + database + "." + collection,
                server,
                () -> client.getDatabase(database).getCollection(collection).estimatedDocumentCount());
    }

    @Override
    public Optional<BsonDocument> findMarker(String database) {
        return MongoFailures.call(
                "reading the marker of " + database,
                server,
                () -> Optional.ofNullable(
                        markers(database).find(eq("_id", MARKER_ID)).first()));
    }

    @Override
    public void saveMarker(String database, BsonDocument marker) {
        MongoFailures.run(
                "writing the marker of " + database,
                server,
                () -> markers(database).replaceOne(eq("_id", MARKER_ID), marker, new ReplaceOptions().upsert(true)));
    }

    @Override
    public void deleteMarker(String database) {
        MongoFailures.run(
                "deleting the marker of " + database,
                server,
                () -> markers(database).deleteOne(eq("_id", MARKER_ID)));
    }

    private MongoCollection<RawBsonDocument> raw(String database, String collection) {
        return client.getDatabase(database).getCollection(collection, RawBsonDocument.class);
    }

    private MongoCollection<BsonDocument> markers(String database) {
        return client.getDatabase(database).getCollection(MongoCommands.MARKER_COLLECTION, BsonDocument.class);
    }
}
