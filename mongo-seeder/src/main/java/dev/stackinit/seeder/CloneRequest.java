package dev.stackinit.seeder;

import dev.stackinit.errors.UsageException;
import java.util.List;

/**
 * What to copy and how.
 *
 * @param databases source database names
 * @param toDb target name when a single database is copied under another name, or null
 * @param sample at most this many documents per collection (lowest _id first), 0 for all
 * @param parallelism collections copied at once
 * @param batchBytes upper bound of one insert batch; capped by the target's message size
 */
public record CloneRequest(
        List<String> databases,
        String toDb,
        NameFilter filter,
        long sample,
        Mode mode,
        int parallelism,
        long batchBytes) {
    public static final long DEFAULT_BATCH_BYTES = 8L * 1024 * 1024;

    public CloneRequest {
        databases = List.copyOf(databases);
        if (databases.isEmpty()) {
            throw new UsageException("no database to copy: give --database");
        }
        if (toDb != null && databases.size() != 1) {
            throw new UsageException("--to-db needs exactly one --database, got " + databases);
        }
        if (sample < 0 || parallelism < 1 || parallelism > 64 || batchBytes < 1024 * 1024) {
            throw new UsageException("--sample must be >= 0, --parallel 1..64, --batch-bytes >= 1 MiB");
        }
        filter = filter == null ? NameFilter.ALL : filter;
    }

    /** The same request for other databases (a dump's selection). */
    public CloneRequest withDatabases(List<String> selected, String targetDb) {
        return new CloneRequest(selected, targetDb, filter, sample, mode, parallelism, batchBytes);
    }

    public String targetName(String sourceDatabase) {
        return toDb == null ? sourceDatabase : toDb;
    }
}
