package dev.stackinit.seeder;

import java.util.List;
import java.util.Set;
import org.bson.BsonArray;
import org.bson.BsonBoolean;
import org.bson.BsonDocument;
import org.bson.BsonString;

/** Builds the commands that recreate collections, views and indexes exactly as the source describes them. */
public final class MongoCommands {
    /** Everything the seeder keeps in a target database starts with this, and is never cloned or exported. */
    public static final String OWN_PREFIX = "__seeder.";

    public static final String STAGING_PREFIX = OWN_PREFIX + "staging.";
    public static final String MARKER_COLLECTION = OWN_PREFIX + "marker";

    /** Options listCollections reports that create refuses (mongorestore drops the same). */
    private static final Set<String> NOT_CREATE_OPTIONS = Set.of("recordIdsReplicated");

    private MongoCommands() {}

    public static boolean isOwn(String collection) {
        return collection.startsWith(OWN_PREFIX);
    }

    public static boolean isSystem(String collection) {
        return collection.startsWith("system.");
    }

    public static String stagingName(String collection) {
        return STAGING_PREFIX + collection;
    }

    /** {@code {create: name, ...options}} with the source's raw options (or a view's viewOn + pipeline). */
    public static BsonDocument create(String name, BsonDocument options) {
        BsonDocument command = new BsonDocument("create", new BsonString(name));
        options.forEach((key, value) -> {
            if (!NOT_CREATE_OPTIONS.contains(key)) {
                command.append(key, value);
            }
        });
        return command;
    }

    /** One createIndexes for all of a collection's indexes but {@code _id_}; null when there is nothing to create. */
    public static BsonDocument createIndexes(String collection, List<BsonDocument> specs) {
        BsonArray indexes = new BsonArray();
        for (BsonDocument spec : specs) {
            if (!"_id_".equals(spec.getString("name", new BsonString("")).getValue())) {
                BsonDocument copy = spec.clone();
                copy.remove("ns"); // old servers list it; it would name the source collection
                indexes.add(copy);
            }
        }
        if (indexes.isEmpty()) {
            return null;
        }
        BsonDocument command = new BsonDocument("createIndexes", new BsonString(collection)).append("indexes", indexes);
        if (IndexSpecs.hasUnknownOptions(specs)) {
            command.append("ignoreUnknownIndexOptions", BsonBoolean.TRUE); // as mongorestore on 4.1.9+
        }
        return command;
    }

    /** Same-database rename replacing the target: never across databases (real servers need it only same-db). */
    public static BsonDocument renameOver(String database, String from, String to) {
        return new BsonDocument("renameCollection", new BsonString(database + "." + from))
                .append("to", new BsonString(database + "." + to))
                .append("dropTarget", BsonBoolean.TRUE);
    }

    public static int indexCount(List<BsonDocument> specs) {
        BsonDocument command = createIndexes("x", specs);
        return command == null ? 0 : command.getArray("indexes").size();
    }
}
