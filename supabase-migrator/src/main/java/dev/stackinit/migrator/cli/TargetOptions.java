package dev.stackinit.migrator.cli;

import dev.stackinit.cli.options.AdminDatabaseOptions;
import dev.stackinit.cli.options.DatabaseOptions;
import dev.stackinit.cli.options.JsonOption;
import dev.stackinit.cli.options.UrlRewriteOption;
import dev.stackinit.cli.options.WaitTimeoutOption;
import dev.stackinit.migrator.jdbc.MigrationSetup;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** The options every subcommand shares: where the database and the files are, and how to read them. */
public final class TargetOptions {
    /** Supabase checks and bootstrap, or none of it. */
    public enum Flavor {
        supabase,
        plain
    }

    /** Where a local Supabase stack's database is; without a password in it: PGPASSWORD, then POSTGRES_PASSWORD. */
    static final String DEFAULT_DATABASE_URL = "postgres://postgres@localhost:5432/postgres";

    /** --database-url (default: {@value #DEFAULT_DATABASE_URL}) and --password-file. */
    @Mixin
    DatabaseOptions database;

    /**
     * --admin-url: bootstrap/ files, '-- migrator:as-admin' files and the built-in bootstrap. Default: supabase flavour:
     * the database URL as supabase_admin (same password); plain: the database URL itself.
     */
    @Mixin
    AdminDatabaseOptions admin;

    @Mixin
    MigrationsDirOption migrations;

    @Option(
            names = "--flavor",
            defaultValue = "supabase",
            description = "supabase (role checks, built-in bootstrap) or plain PostgreSQL. Default: ${DEFAULT-VALUE}")
    Flavor flavor;

    @Option(
            names = "--placeholder",
            split = ",",
            paramLabel = "NAME=VALUE",
            description = "Value for $${NAME} in files (repeatable); environment variables are placeholders too.")
    Map<String, String> placeholders = new LinkedHashMap<>();

    @Mixin
    UrlRewriteOption urlRewrites;

    @Option(
            names = "--history-table",
            defaultValue = MigrationSetup.Settings.DEFAULT_HISTORY_TABLE,
            description = "Our history table (schema.table). Default: ${DEFAULT-VALUE}")
    String historyTable;

    @Option(
            names = "--supabase-cli-history",
            description = "Also record supabase/migrations files in supabase_migrations.schema_migrations (and treat"
                    + " versions found there as applied), so 'supabase migration list' agrees.")
    boolean supabaseCliHistory;

    /** --wait-timeout: for the database, and for --wait-for-table. */
    @Mixin
    WaitTimeoutOption wait;

    @Mixin
    JsonOption json;

    boolean json() {
        return json.enabled();
    }

    boolean supabase() {
        return flavor == Flavor.supabase;
    }

    MigrationSetup setup(SupabaseMigratorCommand root, java.io.PrintWriter err) {
        MigrationSetup.Settings settings = new MigrationSetup.Settings(
                database.url().orElse(DEFAULT_DATABASE_URL),
                admin.url().orElse(null),
                supabase(),
                migrations.migrationsDir,
                placeholders,
                urlRewrites.rules(),
                historyTable,
                supabaseCliHistory,
                wait.get(),
                database.passwordFromFile().orElse(null),
                admin.passwordFromFile().orElse(null));
        return new MigrationSetup(settings, root.env(), root.clock(), err::println);
    }
}
