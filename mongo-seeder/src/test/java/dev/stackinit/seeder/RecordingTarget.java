package dev.stackinit.seeder;

import dev.stackinit.errors.UnreachableException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.bson.BsonDocument;
import org.bson.RawBsonDocument;

/**
 * A target that records every command exactly as sent and keeps just enough state (collections, document counts,
 * marker) to answer like a server. {@code failAfterInserts} makes it "die" mid-copy.
 */
final class RecordingTarget implements TargetStore {
    final List<String> log = Collections.synchronizedList(new ArrayList<>());
    final List<BsonDocument> commands = Collections.synchronizedList(new ArrayList<>());
    final List<String> commandDatabases = Collections.synchronizedList(new ArrayList<>());
    final Map<String, List<RawBsonDocument>> collections = Collections.synchronizedMap(new LinkedHashMap<>());
    final AtomicInteger inserts = new AtomicInteger();
    int failAfterInserts = Integer.MAX_VALUE;
    BsonDocument marker;
    String location = "localhost-1:27017";
    Limits limits = new Limits(16 * 1024 * 1024, 48_000_000);
    String version = "7.0.14";
    boolean timeseries = true;
    boolean systemJs = true;
    /** Capability probes asked for (they write nothing here). */
    final List<String> probes = Collections.synchronizedList(new ArrayList<>());

    @Override
    public String location() {
        return location;
    }

    @Override
    public String describe() {
        return "mongodb://local:27017";
    }

    @Override
    public Limits limits() {
        return limits;
    }

    @Override
    public String serverVersion() {
        return version;
    }

    @Override
    public boolean supportsTimeseries(String database) {
        probes.add("timeseries " + database);
        return timeseries;
    }

    @Override
    public boolean acceptsSystemJs(String database) {
        probes.add("system.js " + database);
        return systemJs;
    }

    @Override
    public void insertBuckets(String database, String collection, List<RawBsonDocument> batch) {
        log.add("insertBuckets " + collection + " " + batch.size());
        collections.get(collection).addAll(batch);
    }

    @Override
    public long countBuckets(String database, String collection) {
        return count(database, collection);
    }

    /** True when nothing at all was sent that changes the target. */
    boolean untouched() {
        return log.isEmpty() && commands.isEmpty();
    }

    @Override
    public List<String> collectionNames(String database) {
        synchronized (collections) {
            return new ArrayList<>(collections.keySet());
        }
    }

    @Override
    public void command(String database, BsonDocument command) {
        commands.add(command);
        commandDatabases.add(database);
        String name = command.getFirstKey();
        log.add(name + " " + command.get(name).asString().getValue());
        switch (name) {
            case "create" -> collections.put(command.getString("create").getValue(), new ArrayList<>());
            case "renameCollection" -> {
                String from = command.getString("renameCollection")
                        .getValue()
                        .substring(database(command).length() + 1);
                String to = command.getString("to")
                        .getValue()
                        .substring(database(command).length() + 1);
                collections.put(to, collections.remove(from));
            }
            default -> {}
        }
    }

    private static String database(BsonDocument rename) {
        String from = rename.getString("renameCollection").getValue();
        return from.substring(0, from.indexOf('.'));
    }

    @Override
    public void drop(String database, String collection) {
        log.add("drop " + collection);
        collections.remove(collection);
    }

    @Override
    public void insert(String database, String collection, List<RawBsonDocument> batch) {
        if (inserts.incrementAndGet() > failAfterInserts) {
            throw new UnreachableException("target went away");
        }
        log.add("insert " + collection + " " + batch.size());
        collections.get(collection).addAll(batch);
    }

    @Override
    public void upsert(String database, String collection, List<RawBsonDocument> batch) {
        log.add("upsert " + collection + " " + batch.size());
        List<RawBsonDocument> docs = collections.get(collection);
        for (RawBsonDocument doc : batch) {
            docs.removeIf(existing -> existing.get("_id").equals(doc.get("_id")));
            docs.add(doc);
        }
    }

    @Override
    public long count(String database, String collection) {
        List<RawBsonDocument> docs = collections.get(collection);
        return docs == null ? 0 : docs.size();
    }

    @Override
    public Optional<BsonDocument> findMarker(String database) {
        return Optional.ofNullable(marker);
    }

    @Override
    public void saveMarker(String database, BsonDocument marker) {
        log.add("saveMarker");
        this.marker = marker;
    }

    @Override
    public void deleteMarker(String database) {
        log.add("deleteMarker");
        marker = null;
    }
}
