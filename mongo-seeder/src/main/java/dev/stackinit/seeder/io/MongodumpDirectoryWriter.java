package dev.stackinit.seeder.io;

import dev.stackinit.errors.InvalidInputException;
import dev.stackinit.seeder.CollectionSpec;
import dev.stackinit.seeder.DocumentStream;
import dev.stackinit.seeder.SeedSink;
import dev.stackinit.seeder.ServerVersion;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.zip.GZIPOutputStream;
import org.bson.BsonDocument;
import org.bson.BsonString;
import org.bson.RawBsonDocument;

/**
 * mongodump's directory layout, as {@code mongodump --db <db> --out <seed-dir> [--gzip]} writes it: {@code
 * <seed-dir>/<db>/<escaped>.bson} (raw documents, time-series as their buckets in {@code
 * system.buckets.<escaped>.bson} for servers before 8.3) and {@code <escaped>.metadata.json}, plus {@code
 * prelude.json}; {@code --gzip} adds {@code .gz} to every file. Names are escaped and shortened as mongodump does, and
 * names that would collide on a case-insensitive file system get their capitals escaped too (mongorestore unescapes
 * them back). The database folder is written whole and swapped in when complete.
 */
public final class MongodumpDirectoryWriter implements SeedSink {
    private final Path seedDir;
    private final boolean gzip;
    private final String toolVersion;
    private StagedDirectory staged;
    private Map<String, String> stems;
    private boolean viewless;
    private String serverVersion;

    public MongodumpDirectoryWriter(Path seedDir, boolean gzip, String toolVersion) {
        this.seedDir = seedDir;
        this.gzip = gzip;
        this.toolVersion = toolVersion;
    }

    @Override
    public void begin(String database, List<CollectionSpec> specs, String serverVersion) {
        if (!DumpNames.isDatabaseName(database)) {
            throw new InvalidInputException("database name '" + database + "' cannot be a folder name");
        }
        this.serverVersion = serverVersion;
        ServerVersion version = ServerVersion.parse(serverVersion);
        this.viewless = version != null && version.hasViewlessTimeseries();
        List<String> names = new ArrayList<>();
        for (CollectionSpec spec : specs) {
            names.add(spec.name());
            if (spec.isTimeseries() && !spec.isView() && !viewless) {
                names.add(SeedFiles.BUCKETS_PREFIX + spec.name());
            }
        }
        stems = DumpNames.caseSafeStems(names);
        staged = new StagedDirectory(seedDir.resolve(database), MongodumpDirectoryWriter::isDumpFile);
    }

    @Override
    public boolean wantsBuckets() {
        return true;
    }

    @Override
    public void add(CollectionSpec spec, Supplier<DocumentStream> documents) {
        write(
                stems.get(spec.name()) + SeedFiles.METADATA,
                out -> out.write(SeedDirectoryWriter.utf8(Metadata.json(spec))));
        if (documents == null) {
            return;
        }
        String dataName = spec.isTimeseries() && !viewless ? SeedFiles.BUCKETS_PREFIX + spec.name() : spec.name();
        write(stems.get(dataName) + SeedFiles.DUMP, out -> {
            try (DocumentStream stream = documents.get()) {
                while (stream.hasNext()) {
                    RawBsonDocument document = stream.next();
                    out.write(document.getBackingArray(), document.getByteOffset(), document.getByteLength());
                }
            }
        });
    }

    @Override
    public Outcome finish() {
        BsonDocument prelude = new BsonDocument("ServerVersion", new BsonString(serverVersion))
                .append("ToolVersion", new BsonString(toolVersion));
        write(SeedFiles.PRELUDE, out -> out.write(SeedDirectoryWriter.utf8(compact(prelude.toJson()))));
        int[] outcome = staged.finish();
        return new Outcome(outcome[0], outcome[1]);
    }

    /** Go's json.Marshal writes no spaces. */
    private static String compact(String json) {
        return json.replace("\": ", "\":").replace(", \"", ",\"");
    }

    @Override
    public void abort() {
        if (staged != null) {
            staged.abort();
        }
    }

    static boolean isDumpFile(String name) {
        String plain = name.endsWith(SeedFiles.GZIP) ? SeedFiles.strip(name, SeedFiles.GZIP) : name;
        return plain.endsWith(SeedFiles.DUMP) || plain.endsWith(SeedFiles.METADATA) || plain.equals(SeedFiles.PRELUDE);
    }

    private void write(String fileName, SeedDirectoryWriter.Content content) {
        String name = gzip ? fileName + SeedFiles.GZIP : fileName;
        try (OutputStream file = staged.create(name);
                OutputStream out = gzip ? new GZIPOutputStream(file, 1 << 16) : file) {
            content.writeTo(out);
        } catch (IOException e) {
            throw staged.failed("write " + name + " of", e);
        }
    }
}
