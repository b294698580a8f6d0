package dev.stackinit.seeder.io;

import dev.stackinit.errors.InvalidInputException;
import dev.stackinit.seeder.CollectionSpec;
import dev.stackinit.seeder.DocumentStream;
import dev.stackinit.seeder.SeedSink;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.bson.BsonArray;
import org.bson.BsonDocument;
import org.bson.BsonString;
import org.bson.RawBsonDocument;

/**
 * Our seed folder: {@code <coll>.jsonl} (canonical Extended JSON, one document per line) and {@code
 * <coll>.metadata.json} (mongodump's metadata shape, pretty). File names follow mongodump's escaping, so no name can
 * leave the folder or collide with another on a case-insensitive file system; ordinary names stay as they are. The
 * folder is written whole next to the old one and swapped in when complete ({@link StagedDirectory}).
 */
public final class SeedDirectoryWriter implements SeedSink {
    private final Path directory;
    private StagedDirectory staged;
    private Map<String, String> stems;

    public SeedDirectoryWriter(Path directory) {
        this.directory = directory;
    }

    @Override
    public void begin(String database, List<CollectionSpec> specs, String serverVersion) {
        stems = DumpNames.caseSafeStems(specs.stream().map(CollectionSpec::name).toList());
        staged = new StagedDirectory(directory, SeedDirectoryWriter::isSeedFile);
    }

    @Override
    public boolean wantsBuckets() {
        return false;
    }

    @Override
    public void add(CollectionSpec spec, Supplier<DocumentStream> documents) {
        String stem = stems.get(spec.name());
        BsonDocument metadata = new BsonDocument("options", spec.options())
                .append("indexes", new BsonArray(List.copyOf(spec.indexes())))
                .append("collectionName", new BsonString(spec.name()))
                .append("type", new BsonString(spec.type()));
        write(stem + SeedFiles.METADATA, out -> out.write(utf8(metadata.toJson(SeedFiles.PRETTY) + "\n")));
        if (documents != null) {
            write(stem + SeedFiles.DOCUMENTS, out -> {
                try (DocumentStream stream = documents.get()) {
                    long position = 0;
                    while (stream.hasNext()) {
                        RawBsonDocument document = stream.next();
                        position++;
                        checkText(spec.name(), position, document);
                        out.write(utf8(document.toJson(SeedFiles.LINE)));
                        out.write('\n');
                    }
                }
            });
        }
    }

    @Override
    public Outcome finish() {
        int[] outcome = staged.finish();
        return new Outcome(outcome[0], outcome[1]);
    }

    @Override
    public void abort() {
        if (staged != null) {
            staged.abort();
        }
    }

    /** JSON text cannot carry invalid UTF-8; decoding would replace it silently, so such a document is refused. */
    private static void checkText(String collection, long position, RawBsonDocument document) {
        try {
            BsonChecker.check(document.getBackingArray(), document.getByteOffset(), document.getByteLength());
        } catch (BsonChecker.Fault fault) {
            throw new InvalidInputException("document #" + position + " of " + collection + ": " + fault.getMessage()
                    + "; JSON lines cannot hold it exactly (export --format mongodump keeps its bytes)");
        }
    }

    static boolean isSeedFile(String name) {
        return name.endsWith(SeedFiles.DOCUMENTS) || name.endsWith(SeedFiles.METADATA);
    }

    interface Content {
        void writeTo(OutputStream out) throws IOException;
    }

    private void write(String fileName, Content content) {
        try (OutputStream out = staged.create(fileName)) {
            content.writeTo(out);
        } catch (IOException e) {
            throw staged.failed("write " + fileName + " of", e);
        } catch (UncheckedIOException e) {
            throw staged.failed("write " + fileName + " of", e.getCause());
        }
    }

    static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
