package dev.stackinit.seeder;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bson.BsonArray;
import org.bson.BsonDateTime;
import org.bson.BsonDocument;
import org.bson.BsonInt64;
import org.bson.BsonString;

/**
 * The record of a completed copy, kept in the target database: the source fingerprint, the document count of each
 * collection and when it completed. Written only after every collection and view is in place.
 */
public record CloneMarker(
        String fingerprint, String source, Map<String, Long> counts, List<String> views, Instant completed) {

    public CloneMarker {
        counts = Map.copyOf(counts);
        views = List.copyOf(views);
    }

    public BsonDocument toBson() {
        BsonDocument countDoc = new BsonDocument();
        new java.util.TreeMap<>(counts).forEach((name, count) -> countDoc.append(name, new BsonInt64(count)));
        BsonArray viewArray = new BsonArray();
        views.forEach(v -> viewArray.add(new BsonString(v)));
        return new BsonDocument("_id", new BsonString("last-copy"))
                .append("fingerprint", new BsonString(fingerprint))
                .append("source", new BsonString(source))
                .append("counts", countDoc)
                .append("views", viewArray)
                .append("completed", new BsonDateTime(completed.toEpochMilli()));
    }

    public static CloneMarker fromBson(BsonDocument doc) {
        Map<String, Long> counts = new LinkedHashMap<>();
        doc.getDocument("counts", new BsonDocument())
                .forEach((name, value) -> counts.put(name, value.asNumber().longValue()));
        return new CloneMarker(
                doc.getString("fingerprint", new BsonString("")).getValue(),
                doc.getString("source", new BsonString("")).getValue(),
                counts,
                doc.getArray("views", new BsonArray()).stream()
                        .map(v -> v.asString().getValue())
                        .toList(),
                Instant.ofEpochMilli(
                        doc.getDateTime("completed", new BsonDateTime(0)).getValue()));
    }
}
