package dev.stackinit.seeder.io;

import org.bson.json.JsonMode;
import org.bson.json.JsonWriterSettings;

/** File names and JSON settings of a seed directory (ours, and mongodump's). */
final class SeedFiles {
    /** Our documents: one canonical Extended JSON document per line. */
    static final String DOCUMENTS = ".jsonl";
    /** mongodump's documents: concatenated raw BSON. */
    static final String DUMP = ".bson";

    static final String METADATA = ".metadata.json";
    static final String GZIP = ".gz";

    static final JsonWriterSettings LINE =
            JsonWriterSettings.builder().outputMode(JsonMode.EXTENDED).build();
    static final JsonWriterSettings PRETTY = JsonWriterSettings.builder()
            .outputMode(JsonMode.EXTENDED)
            .indent(true)
            .build();

    private SeedFiles() {}
}
