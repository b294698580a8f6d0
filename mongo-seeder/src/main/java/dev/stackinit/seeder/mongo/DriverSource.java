package dev.stackinit.seeder.mongo;

import com.mongodb.client.FindIterable;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoCursor;
import com.mongodb.client.MongoDatabase;
import dev.stackinit.seeder.CollectionSpec;
import dev.stackinit.seeder.DocumentStream;
import dev.stackinit.seeder.MongoCommands;
import dev.stackinit.seeder.ServerVersion;
import dev.stackinit.seeder.SourceStore;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.bson.BsonDocument;
import org.bson.BsonInt32;
import org.bson.BsonString;
import org.bson.RawBsonDocument;

/** A server read as a source: raw listCollections options, raw index specs, raw documents. Never written to. */
public final class DriverSource implements SourceStore {
    private final MongoClient client;
    private final String location;
    private final String server;
    private volatile String version;

    public DriverSource(MongoClient client, String location, String maskedUri) {
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
    public List<CollectionSpec> collections(String database) {
        return MongoFailures.call("listing collections of " + database, server, () -> {
            MongoDatabase db = client.getDatabase(database);
            List<CollectionSpec> specs = new ArrayList<>();
            for (BsonDocument info : db.listCollections(BsonDocument.class)) {
                String name = info.getString("name").getValue();
                // system.js is user data (stored functions) that mongodump keeps; other system.* belong to the server
                boolean systemJs = name.equals(CollectionSpec.SYSTEM_JS);
                if (MongoCommands.isSystem(name) && !systemJs || MongoCommands.isOwn(name)) {
                    continue;
                }
                String type =
                        info.getString("type", new BsonString("collection")).getValue();
                List<BsonDocument> indexes = new ArrayList<>();
                if (!"view".equals(type)) {
                    db.getCollection(name).listIndexes(BsonDocument.class).into(indexes);
                }
                specs.add(new CollectionSpec(
                        name, type, info.getDocument("options", new BsonDocument()), indexes, uuid(info)));
            }
            return specs;
        });
    }

    /** listCollections' info.uuid as mongodump writes it: hex. */
    private static String uuid(BsonDocument info) {
        BsonDocument details = info.getDocument("info", new BsonDocument());
        return details.isBinary("uuid")
                ? HexFormat.of().formatHex(details.getBinary("uuid").getData())
                : null;
    }

    @Override
    public String serverVersion() {
        if (version == null) {
            version = MongoFailures.call("buildInfo", server, () -> MongoConnector.serverVersion(client));
        }
        return version;
    }

    @Override
    public DocumentStream buckets(String database, String collection) {
        return MongoFailures.call(
                "reading the buckets of " + database + "." + collection,
                server,
                () -> new TimeseriesBuckets(client, ServerVersion.parse(serverVersion())).read(database, collection));
    }

    @Override
    public long estimatedCount(String database, String collection) {
        return MongoFailures.call(
                "counting " + database + "." + collection,
                server,
                () -> client.getDatabase(database).getCollection(collection).estimatedDocumentCount());
    }

    @Override
    public DocumentStream documents(String database, String collection, long limit, boolean sortById) {
        String what = "reading " + database + "." + collection;
        return MongoFailures.call(what, server, () -> {
            FindIterable<RawBsonDocument> find = client.getDatabase(database)
                    .getCollection(collection, RawBsonDocument.class)
                    .find();
            if (sortById) {
                find = find.sort(new BsonDocument("_id", new BsonInt32(1)));
            }
            if (limit > 0) {
                find = find.limit((int) Math.min(limit, Integer.MAX_VALUE));
            }
            return new CursorStream(find.cursor(), what);
        });
    }

    private final class CursorStream implements DocumentStream {
        private final MongoCursor<RawBsonDocument> cursor;
        private final String what;

        CursorStream(MongoCursor<RawBsonDocument> cursor, String what) {
            this.cursor = cursor;
            this.what = what;
        }

        @Override
        public boolean hasNext() {
            return MongoFailures.call(what, server, cursor::hasNext);
        }

        @Override
        public RawBsonDocument next() {
            return MongoFailures.call(what, server, cursor::next);
        }

        @Override
        public void close() {
            try {
                cursor.close();
            } catch (RuntimeException ignored) {
                // the server may be gone; the cursor dies with it
            }
        }
    }
}
