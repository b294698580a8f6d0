package dev.stackinit.seeder;

import java.util.List;
import java.util.Objects;
import org.bson.BsonDocument;

/**
 * One collection or view as the source describes it: the raw {@code listCollections} options (validator, collation,
 * capped, timeseries, clusteredIndex, viewOn + pipeline, ...) and the raw {@code listIndexes} specs.
 */
public record CollectionSpec(String name, String type, BsonDocument options, List<BsonDocument> indexes) {
    public CollectionSpec {
        Objects.requireNonNull(name, "name");
        type = type == null ? "collection" : type;
        options = options == null ? new BsonDocument() : options;
        indexes = List.copyOf(indexes);
    }

    public boolean isView() {
        return "view".equals(type);
    }

    /** Time-series collections cannot be renamed, so they are copied in place rather than through staging. */
    public boolean isTimeseries() {
        return "timeseries".equals(type) || options.containsKey("timeseries");
    }

    /** The view this view reads from, or null. */
    public String viewOn() {
        return isView() && options.isString("viewOn")
                ? options.getString("viewOn").getValue()
                : null;
    }
}
