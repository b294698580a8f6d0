package dev.stackinit.migrator;

import java.util.Optional;

/** One line of {@code info}: a file (or a history row without a file) and its state. */
public record FileStatus(MigrationKey key, String script, FileState state, Optional<AppliedMigration> applied) {}
