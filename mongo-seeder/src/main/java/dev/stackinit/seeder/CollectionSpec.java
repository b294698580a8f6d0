package dev.stackinit.seeder;

import java.util.List;
import java.util.Objects;
import org.bson.BsonDocument;

/**
 * One collection or view as the source describes it: the raw {@code listCollections} options (validator, collation,
 * capped, timeseries, clusteredIndex, viewOn + pipeline, ...), the raw {@code listIndexes} specs, and the collection's
 * UUID as hex when the source knows it (mongodump's metadata keeps it).
 */
public record CollectionSpec(String name, String type, BsonDocument options, List<BsonDocument> indexes, String uuid) {
    /** The collection mongodump restores stored JavaScript from; it cannot be renamed into place. */
    public static final String SYSTEM_JS = "system.js";

    public CollectionSpec {
        Objects.requireNonNull(name, "name");
        type = type == null || type.isEmpty() ? "collection" : type;
        options = options == null ? new BsonDocument() : options;
        indexes = List.copyOf(indexes);
    }

    public CollectionSpec(String name, String type, BsonDocument options, List<BsonDocument> indexes) {
        this(name, type, options, indexes, null);
    }

    public CollectionSpec withIndexes(List<BsonDocument> replaced) {
        return new CollectionSpec(name, type, options, replaced, uuid);
    }

    public boolean isView() {
        return "view".equals(type);
    }

    /** Time-series collections cannot be renamed, so they are copied in place rather than through staging. */
    public boolean isTimeseries() {
        return "timeseries".equals(type) || options.containsKey("timeseries");
    }

    public boolean isSystemJs() {
        return SYSTEM_JS.equals(name);
    }

    /** The view this view reads from, or null. */
    public String viewOn() {
        return isView() && options.isString("viewOn")
                ? options.getString("viewOn").getValue()
                : null;
    }
}
