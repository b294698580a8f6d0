package dev.stackinit.migrator.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/** Where the migration files are: every command that reads them, and {@code new}, which needs nothing else. */
public final class MigrationsDirOption {
    @Option(
            names = {"-d", "--migrations-dir"},
            defaultValue = "migrations",
            description = "Folder with bootstrap/ tables/ functions/ triggers/ webhooks/ seed/ and/or"
                    + " supabase/migrations/ (or a Supabase CLI migrations folder itself). Default: ${DEFAULT-VALUE}")
    Path migrationsDir;
}
