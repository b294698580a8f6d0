package dev.stackinit.migrator;

import java.util.Optional;

/**
 * A pending file made ready to run: placeholders substituted, SQL split into statements.
 *
 * @param sql the statements of a SQL file (empty for YAML)
 * @param text the substituted SQL, or the canonical declarations of a YAML webhook file
 */
public record PreparedMigration(
        MigrationFile file, String checksum, Optional<SqlScript> sql, String text, boolean markedAsAdmin) {

    /** Runs on the admin connection: the bootstrap phase, or a file marked {@code -- migrator:as-admin}. */
    public boolean asAdmin() {
        return file.phase().admin() || markedAsAdmin;
    }

    public boolean transactional() {
        return sql.map(SqlScript::transactional).orElse(true);
    }

    public String kind() {
        return file.kind() == MigrationFile.Kind.WEBHOOK_YAML
                ? AppliedMigration.KIND_WEBHOOKS
                : AppliedMigration.KIND_SQL;
    }
}
