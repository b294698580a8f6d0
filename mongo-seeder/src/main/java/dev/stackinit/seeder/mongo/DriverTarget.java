package dev.stackinit.seeder.mongo;

import static com.mongodb.client.model.Filters.eq;

import com.mongodb.MongoCommandException;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.InsertManyOptions;
import com.mongodb.client.model.InsertOneModel;
import com.mongodb.client.model.ReplaceOneModel;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.WriteModel;
import dev.stackinit.seeder.CollectionSpec;
import dev.stackinit.seeder.MongoCommands;
import dev.stackinit.seeder.ServerVersion;
import dev.stackinit.seeder.TargetStore;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.bson.BsonDocument;
import org.bson.BsonInt32;
import org.bson.BsonJavaScript;
import org.bson.BsonString;
import org.bson.RawBsonDocument;

/** The server written to. Inserts are unordered and bypass validation: the source already accepted the documents. */
public final class DriverTarget implements TargetStore {
    private static final String MARKER_ID = "last-copy";
    private static final int UNAUTHORIZED = 13;

    private final MongoClient client;
    private final String location;
    private final String server;
    private volatile Limits limits;
    private volatile String version;

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
    public String serverVersion() {
        if (version == null) {
            version = MongoFailures.call("buildInfo", server, () -> MongoConnector.serverVersion(client));
        }
        return version;
    }

    /** Creates a time-series collection in the seeder's own namespace and checks the server kept it one. */
    @Override
    public boolean supportsTimeseries(String database) {
        String probe = MongoCommands.OWN_PREFIX + "probe.timeseries";
        return probing(database, probe, db -> {
            try {
                db.runCommand(new BsonDocument("create", new BsonString(probe))
                        .append("timeseries", new BsonDocument("timeField", new BsonString("t"))));
            } catch (MongoCommandException e) {
                if (e.getErrorCode() == UNAUTHORIZED) {
                    throw e; // a missing privilege is not a missing feature
                }
                return false; // an older server, or one that does not know the option
            }
            for (BsonDocument info : db.listCollections(BsonDocument.class)) {
                if (probe.equals(info.getString("name").getValue())) {
                    return "timeseries"
                            .equals(info.getString("type", new BsonString("")).getValue());
                }
            }
            return false;
        });
    }

    /** Inserts and removes a probe document: some servers (the stand-in) refuse every write to system.*. */
    @Override
    public boolean acceptsSystemJs(String database) {
        return probing(database, CollectionSpec.SYSTEM_JS, db -> {
            var systemJs = db.getCollection(CollectionSpec.SYSTEM_JS, BsonDocument.class);
            BsonDocument probe = new BsonDocument("_id", new BsonString(MongoCommands.OWN_PREFIX + "probe"))
                    .append("value", new BsonJavaScript("function () {}"));
            try {
                systemJs.insertOne(probe);
            } catch (MongoWriteException | MongoCommandException e) {
                return false;
            }
            systemJs.deleteOne(eq("_id", probe.get("_id")));
            return true;
        });
    }

    /** Runs a probe and leaves the server as it was: a collection it created is dropped, and so is a new database. */
    private boolean probing(String database, String collection, Function<MongoDatabase, Boolean> probe) {
        return MongoFailures.call("checking what " + database + " supports", server, () -> {
            MongoDatabase db = client.getDatabase(database);
            List<String> before = db.listCollectionNames().into(new ArrayList<>());
            try {
                return probe.apply(db);
            } finally {
                if (!before.contains(collection)) {
                    db.getCollection(collection).drop();
                }
                if (before.isEmpty()
                        && db.listCollectionNames().into(new ArrayList<>()).isEmpty()) {
                    db.drop(); // the stand-in keeps an empty database listed; a real server has dropped it already
                }
            }
        });
    }

    @Override
    public void insertBuckets(String database, String collection, List<RawBsonDocument> batch) {
        MongoFailures.run(
                "inserting time-series buckets into " + database + "." + collection,
                server,
                () -> buckets().insert(database, collection, batch));
    }

    @Override
    public long countBuckets(String database, String collection) {
        return MongoFailures.call(
                "counting the buckets of " + database + "." + collection,
                server,
                () -> buckets().count(database, collection));
    }

    private TimeseriesBuckets buckets() {
        return new TimeseriesBuckets(client, ServerVersion.parse(serverVersion()));
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
