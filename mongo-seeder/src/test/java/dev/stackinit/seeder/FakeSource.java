package dev.stackinit.seeder;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bson.BsonDocument;
import org.bson.RawBsonDocument;

/** An in-memory source with real option and view descriptions, which mongo-java-server would drop. */
public final class FakeSource implements SourceStore {
    final Map<String, CollectionSpec> specs = new LinkedHashMap<>();
    public final Map<String, List<RawBsonDocument>> documents = new LinkedHashMap<>();
    String location = "prod-1:27017";
    public String version = "7.0.14";
    /** Raw bucket documents of time-series collections (their documents map holds the measurements). */
    public final Map<String, List<RawBsonDocument>> buckets = new LinkedHashMap<>();
    /** Fails reading this collection after its first document: a source that goes away mid-export. */
    public String failingCollection;

    public FakeSource collection(String name, String type, String optionsJson, List<RawBsonDocument> docs) {
        specs.put(
                name,
                new CollectionSpec(
                        name, type, BsonDocument.parse(optionsJson), List.of(), "00112233445566778899aabbccddeeff"));
        documents.put(name, new ArrayList<>(docs));
        return this;
    }

    @Override
    public String serverVersion() {
        return version;
    }

    @Override
    public DocumentStream buckets(String database, String collection) {
        return stream(collection, buckets.get(collection));
    }

    public FakeSource add(String name, String optionsJson, List<String> indexes, int count) {
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

    public FakeSource view(String name, String viewOn, String pipelineJson) {
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
        return stream(collection, limit > 0 ? all.subList(0, (int) Math.min(limit, all.size())) : all);
    }

    private DocumentStream stream(String collection, List<RawBsonDocument> docs) {
        Iterator<RawBsonDocument> iterator = docs.iterator();
        return new DocumentStream() {
            private int read;

            @Override
            public boolean hasNext() {
                if (collection.equals(failingCollection) && read > 0) {
                    throw new dev.stackinit.errors.UnreachableException("source went away reading " + collection);
                }
                return iterator.hasNext();
            }

            @Override
            public RawBsonDocument next() {
                read++;
                return iterator.next();
            }

            @Override
            public void close() {}
        };
    }
}
