package dev.stackinit.seeder.cli;

import dev.stackinit.seeder.CloneRequest;
import dev.stackinit.seeder.Mode;
import java.util.List;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** What to copy and how, shared by clone, import and init. */
final class CopyOptions {
    @Mixin
    DatabasesOption database;

    @Option(names = "--to-db", description = "Target database name, when it differs (one --database only).")
    String toDb;

    @Mixin
    NameFilterOptions names;

    @Option(
            names = "--sample",
            defaultValue = "0",
            description = "At most N documents per collection, lowest _id first; 0 = all.")
    long sample;

    @Option(
            names = "--mode",
            description =
                    "replace | if-complete | upsert. Default: replace for clone, if-complete for import and init.")
    String mode;

    @Option(
            names = "--parallel",
            defaultValue = "4",
            description = "Collections copied at once. Default: ${DEFAULT-VALUE}.")
    int parallel;

    @Option(
            names = "--batch-bytes",
            defaultValue = "8388608",
            description = "Upper bound of one insert batch in bytes (capped by the server's message size).")
    long batchBytes;

    CloneRequest request(Mode defaultMode, List<String> databasesOverride) {
        Mode chosen = mode == null ? defaultMode : parseMode();
        return new CloneRequest(
                databasesOverride != null ? databasesOverride : databases(),
                toDb,
                names.filter(),
                sample,
                chosen,
                parallel,
                batchBytes);
    }

    /** The databases given, or the default one. */
    List<String> databases() {
        return database.databases();
    }

    boolean databasesGiven() {
        return database.given();
    }

    private Mode parseMode() {
        try {
            return Mode.parse(mode);
        } catch (IllegalArgumentException e) {
            throw new dev.stackinit.errors.UsageException(
                    "--mode must be replace, if-complete or upsert, got '" + mode + "'");
        }
    }
}
