package dev.stackinit.migrator;

import dev.stackinit.errors.InvalidInputException;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * baseline: adopts a database that already has the schema by recording files as applied without running them. Only on
 * an empty history, so it can never hide work.
 */
public final class Baseliner {
    private final MigrationTarget target;
    private final MigrationSource source;

    public Baseliner(MigrationTarget target, MigrationSource source) {
        this.target = target;
        this.source = source;
    }

    /**
     * @param upTo the last key to record (inclusive); empty = every file
     * @return the rows recorded
     */
    public List<AppliedMigration> baseline(List<MigrationFile> files, Optional<MigrationKey> upTo) {
        Map<MigrationKey, String> checksums = source.checksums(files);
        try (MigrationTarget.Lock lock = target.lock(() -> {})) {
            target.ensureHistory();
            if (!target.history().isEmpty()) {
                throw new InvalidInputException(
                        "the history is not empty: baseline only adopts a database that has never been migrated");
            }
            List<AppliedMigration> rows = files.stream()
                    .filter(f ->
                            upTo.map(limit -> f.key().compareTo(limit) <= 0).orElse(true))
                    .map(f -> Migrator.recorded(f, checksums.get(f.key()), AppliedMigration.KIND_BASELINE))
                    .toList();
            target.record(rows);
            return rows;
        }
    }
}
