package dev.stackinit.seeder.io;

import java.nio.file.Path;
import org.bson.json.JsonMode;
import org.bson.json.JsonWriterSettings;

/** File names and JSON settings of a seed directory (ours) and of mongodump's directory layout. */
final class SeedFiles {
    /** Our documents: one canonical Extended JSON document per line. */
    static final String DOCUMENTS = ".jsonl";
    /** mongodump's documents: concatenated raw BSON. */
    static final String DUMP = ".bson";
    /** mongorestore still reads this legacy extension as BSON. */
    static final String LEGACY_DUMP = ".bin";

    static final String METADATA = ".metadata.json";
    static final String GZIP = ".gz";
    static final String PRELUDE = "prelude.json";
    static final String OPLOG = "oplog.bson";
    static final String BUCKETS_PREFIX = "system.buckets.";

    static final JsonWriterSettings LINE =
            JsonWriterSettings.builder().outputMode(JsonMode.EXTENDED).build();
    static final JsonWriterSettings PRETTY = JsonWriterSettings.builder()
            .outputMode(JsonMode.EXTENDED)
            .indent(true)
            .build();

    private SeedFiles() {}

    static boolean isGzip(Path file) {
        return file.getFileName().toString().endsWith(GZIP);
    }

    /** The file name without a trailing {@code .gz}. */
    static String plainName(Path file) {
        String name = file.getFileName().toString();
        return name.endsWith(GZIP) ? name.substring(0, name.length() - GZIP.length()) : name;
    }

    static boolean isJsonLines(Path file) {
        return plainName(file).endsWith(DOCUMENTS);
    }

    static String strip(String name, String suffix) {
        return name.substring(0, name.length() - suffix.length());
    }
}
