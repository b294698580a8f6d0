package dev.stackinit.migrator;

import java.util.List;

/**
 * What a migrate run did.
 *
 * @param applied the files run now, in order
 * @param adopted Supabase CLI files recorded without running (their version was already in
 *     supabase_migrations.schema_migrations)
 * @param upToDate files that were applied before this run
 * @param bootstrap one line per bootstrap step, also when it found everything in place
 * @param bootstrapChanged whether the bootstrap changed anything
 * @param notApplied pending files after {@code --target}, left pending on purpose
 */
public record MigrateReport(
        List<AppliedMigration> applied,
        List<AppliedMigration> adopted,
        long upToDate,
        List<String> bootstrap,
        boolean bootstrapChanged,
        List<String> warnings,
        long elapsedMillis,
        List<String> notApplied) {

    public MigrateReport {
        applied = List.copyOf(applied);
        adopted = List.copyOf(adopted);
        bootstrap = List.copyOf(bootstrap);
        warnings = List.copyOf(warnings);
        notApplied = List.copyOf(notApplied);
    }

    /** A run without a target: nothing is left pending on purpose. */
    public MigrateReport(
            List<AppliedMigration> applied,
            List<AppliedMigration> adopted,
            long upToDate,
            List<String> bootstrap,
            boolean bootstrapChanged,
            List<String> warnings,
            long elapsedMillis) {
        this(applied, adopted, upToDate, bootstrap, bootstrapChanged, warnings, elapsedMillis, List.of());
    }
}
