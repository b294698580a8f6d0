package dev.stackinit.migrator.cli;

import dev.stackinit.cli.DurationConverter;
import dev.stackinit.migrator.jdbc.MigrationSetup;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
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

    @Option(
            names = "--database-url",
            defaultValue = "postgres://postgres@localhost:5432/postgres",
            description = "Database to migrate, as postgres (postgres://user:pw@host:port/db or jdbc:postgresql://…)."
                    + " Without a password in the URL: PGPASSWORD, then POSTGRES_PASSWORD. Default: ${DEFAULT-VALUE}")
    String databaseUrl;

    @Option(
            names = "--admin-url",
            description = "Admin connection for bootstrap/ files, '-- migrator:as-admin' files and the built-in"
                    + " bootstrap. Default: supabase flavour: the database URL as supabase_admin (same password);"
                    + " plain: the database URL itself.")
    String adminUrl;

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

    @Option(
            names = "--url-rewrite",
            split = ",",
            paramLabel = "FROM=>TO",
            description = "Rewrite webhook URL prefixes in YAML webhook files (repeatable).")
    List<String> urlRewrites = new ArrayList<>();

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

    @Option(
            names = "--wait-timeout",
            defaultValue = "60s",
            converter = DurationConverter.class,
            description = "How long to wait for the database (and --wait-for-table): 500ms, 30s, 2m. Default:"
                    + " ${DEFAULT-VALUE}")
    Duration waitTimeout;

    boolean supabase() {
        return flavor == Flavor.supabase;
    }

    MigrationSetup setup(SupabaseMigratorCommand root, java.io.PrintWriter err) {
        MigrationSetup.Settings settings = new MigrationSetup.Settings(
                databaseUrl,
                adminUrl,
                supabase(),
                migrations.migrationsDir,
                placeholders,
                urlRewrites,
                historyTable,
                supabaseCliHistory,
                waitTimeout);
        return new MigrationSetup(settings, root.env(), root.clock(), err::println);
    }
}
