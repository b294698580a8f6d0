package dev.stackinit.migrator;

import java.math.BigInteger;
import java.time.Instant;

/**
 * One row of the history table.
 *
 * @param kind {@code sql}, {@code webhooks} (YAML through webhook-config), {@code baseline} (recorded, not run) or
 *     {@code adopted} (found in supabase_migrations.schema_migrations, not run)
 * @param success false only for a file that failed outside a transaction
 */
public record AppliedMigration(
        Phase phase,
        BigInteger version,
        String name,
        String script,
        String kind,
        String checksum,
        boolean success,
        String installedBy,
        Instant installedOn,
        long executionMillis) {

    public static final String KIND_SQL = "sql";
    public static final String KIND_WEBHOOKS = "webhooks";
    public static final String KIND_BASELINE = "baseline";
    public static final String KIND_ADOPTED = "adopted";

    public MigrationKey key() {
        return new MigrationKey(phase, version);
    }
}
