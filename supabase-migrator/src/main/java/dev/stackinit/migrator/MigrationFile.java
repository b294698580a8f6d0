package dev.stackinit.migrator;

import java.math.BigInteger;
import java.nio.file.Path;
import java.util.Comparator;

/**
 * One migration file found on disk.
 *
 * @param script the path relative to the migrations directory, with forward slashes (what the history records)
 */
public record MigrationFile(Phase phase, BigInteger version, String name, String script, Kind kind, Path path) {

    /** What a file holds, from its extension. */
    public enum Kind {
        SQL,
        WEBHOOK_YAML
    }

    /** The order pending files apply in. */
    public static final Comparator<MigrationFile> ORDER =
            Comparator.comparing(MigrationFile::phase).thenComparing(MigrationFile::version);

    public MigrationKey key() {
        return new MigrationKey(phase, version);
    }
}
