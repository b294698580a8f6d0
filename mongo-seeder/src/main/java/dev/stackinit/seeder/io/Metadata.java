package dev.stackinit.seeder.io;

import dev.stackinit.errors.InvalidInputException;
import dev.stackinit.seeder.CollectionSpec;
import dev.stackinit.shared.StrictUtf8;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.bson.BsonArray;
import org.bson.BsonDocument;
import org.bson.BsonString;
import org.bson.BsonValue;
import org.bson.json.JsonParseException;

/**
 * mongodump's {@code <coll>.metadata.json} (also the {@code metadata} string of an archive's prelude): canonical
 * Extended JSON with {@code options} (left out when empty), {@code indexes} (always an array), {@code uuid} (hex, when
 * known), {@code collectionName} and {@code type}.
 *
 * @param collectionName the real name, or null in dumps older than the field
 */
record Metadata(String collectionName, String type, BsonDocument options, List<BsonDocument> indexes, String uuid) {
    /** What mongodump writes; anything else would be dropped on restore, so it is refused instead. */
    private static final Set<String> FIELDS = Set.of("options", "indexes", "uuid", "collectionName", "type");

    /**
     * Parses metadata; an empty text means none (mongorestore reads it so).
     *
     * @param where the file, for messages
     */
    static Metadata parse(byte[] bytes, String where) {
        String text = StrictUtf8.decode(bytes, where).strip();
        if (text.isEmpty()) {
            return null;
        }
        try {
            BsonDocument metadata = BsonDocument.parse(text);
            for (String key : metadata.keySet()) {
                if (!FIELDS.contains(key)) {
                    throw new InvalidInputException("invalid metadata " + where + ": unknown field '" + key
                            + "' (mongodump writes options, indexes, uuid, collectionName and type; nothing else"
                            + " would be restored)");
                }
            }
            BsonDocument options =
                    metadata.containsKey("options") ? metadata.getDocument("options") : new BsonDocument();
            List<BsonDocument> indexes = new ArrayList<>();
            for (BsonValue index : metadata.getArray("indexes", new BsonArray())) {
                indexes.add(index.asDocument());
            }
            String name = metadata.isString("collectionName")
                    ? metadata.getString("collectionName").getValue()
                    : null;
            String type = metadata.isString("type") ? metadata.getString("type").getValue() : null;
            if (type == null || type.isEmpty()) {
                type = options.containsKey("viewOn")
                        ? "view"
                        : options.containsKey("timeseries") ? "timeseries" : "collection";
            }
            String uuid = metadata.isString("uuid") ? metadata.getString("uuid").getValue() : null;
            return new Metadata(name == null || name.isEmpty() ? null : name, type, options, indexes, uuid);
        } catch (JsonParseException | org.bson.BsonInvalidOperationException | ClassCastException e) {
            throw new InvalidInputException("invalid metadata " + where + ": " + e.getMessage(), e);
        }
    }

    CollectionSpec spec(String name) {
        return new CollectionSpec(name, type, options, indexes, uuid);
    }

    /** The JSON mongodump writes for a collection: options (when any), indexes, uuid (when known), name, type. */
    static String json(CollectionSpec spec) {
        BsonDocument metadata = new BsonDocument();
        if (!spec.options().isEmpty()) {
            metadata.append("options", spec.options());
        }
        metadata.append("indexes", new BsonArray(new ArrayList<>(spec.indexes())));
        if (spec.uuid() != null) {
            metadata.append("uuid", new BsonString(spec.uuid()));
        }
        metadata.append("collectionName", new BsonString(spec.name()));
        metadata.append("type", new BsonString(spec.type()));
        return metadata.toJson(SeedFiles.LINE);
    }
}
