package dev.stackinit.seeder;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bson.BsonDocument;
import org.bson.RawBsonDocument;

/** An in-memory source with real option and view descriptions, which mongo-java-server would drop. */
final class FakeSource implements SourceStore {
    final Map<String, CollectionSpec> specs = new LinkedHashMap<>();
    final Map<String, List<RawBsonDocument>> documents = new LinkedHashMap<>();
    String location = "prod-1:27017";

    FakeSource add(String name, String optionsJson, List<String> indexes, int count) {
        specs.put(
                name,
                new CollectionSpec(
                        name,
                        "collection",
                        BsonDocument.parse(optionsJson),
                        indexes.stream().map(BsonDocument::parse).toList()));
        List<RawBsonDocument> docs = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            docs.add(RawBsonDocument.parse(
                    "{_id: " + i + ", name: 'doc " + i + "', payload: '" + "x".repeat(200) + "'}"));
        }
        documents.put(name, docs);
        return this;
    }

    FakeSource view(String name, String viewOn, String pipelineJson) {
        specs.put(
                name,
                new CollectionSpec(
                        name,
                        "view",
                        BsonDocument.parse("{viewOn: '" + viewOn + "', pipeline: " + pipelineJson + "}"),
                        List.of()));
        return this;
    }

    @Override
    public String location() {
        return location;
    }

    @Override
    public String describe() {
        return "mongodb://prod-1:27017";
    }

    @Override
    public List<CollectionSpec> collections(String database) {
        return "missing".equals(database) ? List.of() : List.copyOf(specs.values());
    }

    @Override
    public long estimatedCount(String database, String collection) {
        return documents.get(collection).size();
    }

    @Override
    public DocumentStream documents(String database, String collection, long limit, boolean sortById) {
        List<RawBsonDocument> all = documents.get(collection);
        Iterator<RawBsonDocument> iterator =
                (limit > 0 ? all.subList(0, (int) Math.min(limit, all.size())) : all).iterator();
        return new DocumentStream() {
            @Override
            public boolean hasNext() {
                return iterator.hasNext();
            }

            @Override
            public RawBsonDocument next() {
                return iterator.next();
            }

            @Override
            public void close() {}
        };
    }
}
