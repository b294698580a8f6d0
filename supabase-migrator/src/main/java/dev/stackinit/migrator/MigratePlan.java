package dev.stackinit.migrator;

import java.util.List;

/**
 * What {@code migrate --dry-run} found: what a real run would do, with nothing changed (no history table or row, no
 * lock, the bootstrap tried in a transaction that was rolled back).
 *
 * @param pending the files a real run would apply, in order
 * @param adopt Supabase CLI files a real run would record without running them
 * @param upToDate files applied before
 * @param bootstrap what the built-in bootstrap would do (empty when it is off)
 * @param bootstrapChanges whether the bootstrap would change anything
 * @param notApplied pending files after {@code --target}, which a real run would leave pending
 */
public record MigratePlan(
        List<PlannedFile> pending,
        List<String> adopt,
        long upToDate,
        List<String> bootstrap,
        boolean bootstrapChanges,
        List<String> notApplied,
        List<String> warnings) {

    public MigratePlan {
        pending = List.copyOf(pending);
        adopt = List.copyOf(adopt);
        bootstrap = List.copyOf(bootstrap);
        notApplied = List.copyOf(notApplied);
        warnings = List.copyOf(warnings);
    }

    /** True if a real run would change anything: a file to apply or adopt, or bootstrap work. */
    public boolean changes() {
        return !pending.isEmpty() || !adopt.isEmpty() || bootstrapChanges;
    }

    /**
     * One file a real run would apply.
     *
     * @param state pending, or outdated (a changed YAML webhook file applied again)
     * @param statements the number of SQL statements (0 for YAML)
     * @param runs what it runs, for people: the first line of each statement, or the webhook plan of a YAML file
     */
    public record PlannedFile(
            MigrationFile file,
            FileState state,
            String kind,
            int statements,
            boolean transactional,
            boolean asAdmin,
            List<String> runs) {
        public PlannedFile {
            runs = List.copyOf(runs);
        }
    }
}
