package dev.stackinit.seeder.mongo;

import com.mongodb.MongoBulkWriteException;
import com.mongodb.bulk.BulkWriteError;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoCursor;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.InsertManyOptions;
import dev.stackinit.errors.RejectedException;
import dev.stackinit.seeder.DocumentStream;
import dev.stackinit.seeder.ServerVersion;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import org.bson.BsonArray;
import org.bson.BsonBoolean;
import org.bson.BsonDocument;
import org.bson.BsonInt32;
import org.bson.BsonInt64;
import org.bson.BsonString;
import org.bson.BsonValue;
import org.bson.RawBsonDocument;

/**
 * A time-series collection's raw bucket documents, read and written as mongodump and mongorestore do: through {@code
 * system.buckets.<name>} before 8.3, and from 8.3 (viewless time-series) through the collection itself with the
 * {@code rawData} command option, which the driver has no setting for, so those go as raw commands.
 */
final class TimeseriesBuckets {
    private static final String PREFIX = "system.buckets.";
    /** The server's CannotInsertTimeseriesBucketsWithMixedSchema: the collection needs a flag first. */
    private static final int MIXED_SCHEMA = 408;
    /** A raw insert command carries its documents inside one BSON document of at most 16 MiB. */
    private static final int COMMAND_BYTES = 15 * 1024 * 1024;

    private final MongoClient client;
    private final ServerVersion version;

    TimeseriesBuckets(MongoClient client, ServerVersion version) {
        this.client = client;
        this.version = version;
    }

    private boolean viewless() {
        return version != null && version.hasViewlessTimeseries();
    }

    void insert(String database, String collection, List<RawBsonDocument> batch) {
        if (viewless()) {
            for (List<RawBsonDocument> part : commandSized(batch)) {
                insertRaw(database, collection, part, true);
            }
            return;
        }
        try {
            client.getDatabase(database)
                    .getCollection(PREFIX + collection, RawBsonDocument.class)
                    .insertMany(batch, new InsertManyOptions().ordered(false));
        } catch (MongoBulkWriteException e) {
            List<RawBsonDocument> retry = mixedSchemaFailures(batch, e.getWriteErrors());
            if (retry.size() != e.getWriteErrors().size()) {
                throw e;
            }
            allowMixedSchema(database, collection);
            client.getDatabase(database)
                    .getCollection(PREFIX + collection, RawBsonDocument.class)
                    .insertMany(retry, new InsertManyOptions().ordered(false));
        }
    }

    private void insertRaw(String database, String collection, List<RawBsonDocument> part, boolean firstTry) {
        BsonDocument reply = client.getDatabase(database)
                .runCommand(
                        new BsonDocument("insert", new BsonString(collection))
                                .append("documents", new BsonArray(new ArrayList<BsonValue>(part)))
                                .append("ordered", BsonBoolean.FALSE)
                                .append("rawData", BsonBoolean.TRUE),
                        BsonDocument.class);
        BsonArray errors = reply.getArray("writeErrors", new BsonArray());
        if (errors.isEmpty()) {
            return;
        }
        List<RawBsonDocument> retry = new ArrayList<>();
        for (BsonValue error : errors) {
            BsonDocument e = error.asDocument();
            if (firstTry && e.getNumber("code", new BsonInt32(0)).intValue() == MIXED_SCHEMA) {
                retry.add(part.get(e.getNumber("index").intValue()));
            } else {
                throw new RejectedException("inserting buckets into " + database + "." + collection + " failed: "
                        + errors.size() + " write error(s), first: " + e.toJson());
            }
        }
        allowMixedSchema(database, collection);
        insertRaw(database, collection, retry, false);
    }

    private static List<RawBsonDocument> mixedSchemaFailures(List<RawBsonDocument> batch, List<BulkWriteError> errors) {
        List<RawBsonDocument> retry = new ArrayList<>();
        for (BulkWriteError error : errors) {
            if (error.getCode() == MIXED_SCHEMA) {
                retry.add(batch.get(error.getIndex()));
            }
        }
        return retry;
    }

    /** What mongorestore does when buckets of mixed-schema data are refused. */
    private void allowMixedSchema(String database, String collection) {
        client.getDatabase(database)
                .runCommand(new BsonDocument("collMod", new BsonString(collection))
                        .append("timeseriesBucketsMayHaveMixedSchemaData", BsonBoolean.TRUE));
    }

    long count(String database, String collection) {
        MongoDatabase db = client.getDatabase(database);
        if (viewless()) {
            BsonDocument reply = db.runCommand(
                    new BsonDocument("count", new BsonString(collection)).append("rawData", BsonBoolean.TRUE),
                    BsonDocument.class);
            return reply.getNumber("n").longValue();
        }
        return db.getCollection(PREFIX + collection).countDocuments();
    }

    /** The buckets in _id order. */
    DocumentStream read(String database, String collection) {
        MongoDatabase db = client.getDatabase(database);
        if (!viewless()) {
            MongoCursor<RawBsonDocument> cursor = db.getCollection(PREFIX + collection, RawBsonDocument.class)
                    .find()
                    .sort(new BsonDocument("_id", new BsonInt32(1)))
                    .cursor();
            return new Stream(cursor);
        }
        return new Stream(new RawDataCursor(db, collection));
    }

    private static List<List<RawBsonDocument>> commandSized(List<RawBsonDocument> batch) {
        List<List<RawBsonDocument>> parts = new ArrayList<>();
        List<RawBsonDocument> current = new ArrayList<>();
        long bytes = 0;
        for (RawBsonDocument document : batch) {
            if (!current.isEmpty() && bytes + document.getByteLength() > COMMAND_BYTES) {
                parts.add(current);
                current = new ArrayList<>();
                bytes = 0;
            }
            current.add(document);
            bytes += document.getByteLength();
        }
        if (!current.isEmpty()) {
            parts.add(current);
        }
        return parts;
    }

    /** find + getMore with rawData, for 8.3+. */
    private static final class RawDataCursor implements Iterator<RawBsonDocument>, AutoCloseable {
        private final MongoDatabase db;
        private final String collection;
        private Iterator<BsonValue> batch;
        private long cursorId;

        RawDataCursor(MongoDatabase db, String collection) {
            this.db = db;
            this.collection = collection;
            BsonDocument reply = db.runCommand(
                    new BsonDocument("find", new BsonString(collection))
                            .append("sort", new BsonDocument("_id", new BsonInt32(1)))
                            .append("rawData", BsonBoolean.TRUE),
                    RawBsonDocument.class);
            take(reply.getDocument("cursor"), "firstBatch");
        }

        private void take(BsonDocument cursor, String field) {
            cursorId = cursor.getNumber("id").longValue();
            batch = cursor.getArray(field).iterator();
        }

        @Override
        public boolean hasNext() {
            while (!batch.hasNext() && cursorId != 0) {
                BsonDocument reply = db.runCommand(
                        new BsonDocument("getMore", new BsonInt64(cursorId))
                                .append("collection", new BsonString(collection))
                                .append("rawData", BsonBoolean.TRUE),
                        RawBsonDocument.class);
                take(reply.getDocument("cursor"), "nextBatch");
            }
            return batch.hasNext();
        }

        @Override
        public RawBsonDocument next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            return (RawBsonDocument) batch.next();
        }

        @Override
        public void close() {
            if (cursorId != 0) {
                db.runCommand(new BsonDocument("killCursors", new BsonString(collection))
                        .append("cursors", new BsonArray(List.of(new BsonInt64(cursorId)))));
            }
        }
    }

    private static final class Stream implements DocumentStream {
        private final Iterator<RawBsonDocument> cursor;

        Stream(Iterator<RawBsonDocument> cursor) {
            this.cursor = cursor;
        }

        @Override
        public boolean hasNext() {
            return cursor.hasNext();
        }

        @Override
        public RawBsonDocument next() {
            return cursor.next();
        }

        @Override
        public void close() {
            try {
                if (cursor instanceof AutoCloseable closeable) {
                    closeable.close();
                }
            } catch (Exception ignored) {
                // the server may be gone; the cursor dies with it
            }
        }
    }
}
