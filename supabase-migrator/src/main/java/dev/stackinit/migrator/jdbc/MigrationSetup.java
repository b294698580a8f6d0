package dev.stackinit.migrator.jdbc;

import dev.stackinit.errors.UnreachableException;
import dev.stackinit.migrator.Bootstrap;
import dev.stackinit.migrator.MigratePlan;
import dev.stackinit.migrator.MigrateReport;
import dev.stackinit.migrator.MigrationFile;
import dev.stackinit.migrator.MigrationKey;
import dev.stackinit.migrator.MigrationLimit;
import dev.stackinit.migrator.MigrationListener;
import dev.stackinit.migrator.MigrationScanner;
import dev.stackinit.migrator.MigrationSource;
import dev.stackinit.migrator.Migrator;
import dev.stackinit.migrator.Phase;
import dev.stackinit.migrator.Placeholders;
import dev.stackinit.migrator.ResetReport;
import dev.stackinit.shared.Retry;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Builds the core services and adapters from where the database and the files are: what every migrator subcommand
 * starts with, and what stack-init's supabase step runs in-process, so both migrate the same way.
 */
public final class MigrationSetup {

    /**
     * @param databaseUrl the database to migrate, as postgres; without a password in it: PGPASSWORD, then POSTGRES_PASSWORD
     * @param adminUrl the admin connection, or null for the database URL as supabase_admin (supabase) or itself (plain)
     * @param supabase Supabase checks and bootstrap, or plain PostgreSQL
     * @param password from a password file: wins over the URL's and the environment's; null when none was given
     * @param adminPassword likewise for the admin URL
     */
    public record Settings(
            String databaseUrl,
            String adminUrl,
            boolean supabase,
            Path migrationsDir,
            Map<String, String> placeholders,
            List<String> urlRewrites,
            String historyTable,
            boolean supabaseCliHistory,
            Duration waitTimeout,
            String password,
            String adminPassword) {
        public static final String DEFAULT_HISTORY_TABLE = "stackinit.migration_history";

        /** Settings without password files: passwords come from the URLs or the environment. */
        public Settings(
                String databaseUrl,
                String adminUrl,
                boolean supabase,
                Path migrationsDir,
                Map<String, String> placeholders,
                List<String> urlRewrites,
                String historyTable,
                boolean supabaseCliHistory,
                Duration waitTimeout) {
            this(
                    databaseUrl,
                    adminUrl,
                    supabase,
                    migrationsDir,
                    placeholders,
                    urlRewrites,
                    historyTable,
                    supabaseCliHistory,
                    waitTimeout,
                    null,
                    null);
        }

        @Override
        public String toString() {
            // the record's own toString would print the passwords
            return "Settings[" + databaseUrl.replaceAll(":[^:@/]*@", ":****@") + ", " + migrationsDir + "]";
        }
    }

    private final Settings settings;
    private final Map<String, String> env;
    private final Clock clock;
    private final Consumer<String> messages;
    private final Placeholders placeholders;
    private final WebhookConfigAdapter webhooks;

    /** @param messages warnings and waiting lines, for stderr */
    public MigrationSetup(Settings settings, Map<String, String> env, Clock clock, Consumer<String> messages) {
        this.settings = settings;
        this.env = env;
        this.clock = clock;
        this.messages = messages;
        this.placeholders = Placeholders.of(env, settings.placeholders());
        this.webhooks = new WebhookConfigAdapter(placeholders.values(), settings.urlRewrites());
    }

    /**
     * migrate: wait for the database and the given tables, check Supabase prerequisites, bootstrap, then apply what is
     * pending.
     */
    public MigrateReport migrate(
            List<String> waitForTables, boolean createDatabase, boolean bootstrap, MigrationListener listener) {
        return migrate(waitForTables, createDatabase, bootstrap, Optional.empty(), listener);
    }

    /** @param limit the last file to apply ({@code --target}); later files stay pending */
    public MigrateReport migrate(
            List<String> waitForTables,
            boolean createDatabase,
            boolean bootstrap,
            Optional<MigrationLimit> limit,
            MigrationListener listener) {
        Connector.checkTableNames(waitForTables);
        history();
        List<MigrationFile> files = files();
        // every file read (strict UTF-8) and every YAML webhook file parsed before the first connection
        Map<MigrationKey, String> checksums = source().checksums(files);
        if (createDatabase && connector().createDatabaseIfMissing(url())) {
            messages.accept("created database " + url().database());
        }
        return migrate(files, checksums, waitForTables, bootstrap, limit, listener);
    }

    private MigrateReport migrate(
            List<MigrationFile> files,
            Map<MigrationKey, String> checksums,
            List<String> waitForTables,
            boolean bootstrap,
            Optional<MigrationLimit> limit,
            MigrationListener listener) {
        try (Session session = connect()) {
            connector().waitForTables(session.main(), waitForTables);
            Bootstrap run = bootstrap(session, files, bootstrap);
            return new Migrator(target(session), source(), run, listener, clock).migrate(files, checksums, limit);
        }
    }

    /**
     * reset: clean, then migrate from the first file; local databases only, with the confirmation clean needs. Every
     * file is read, substituted and parsed before anything is dropped, so a bad file leaves the database as it was.
     */
    public ResetReport reset(
            boolean iUnderstand,
            List<String> schemas,
            List<String> waitForTables,
            boolean bootstrap,
            MigrationListener listener) {
        DatabaseUrl url = url();
        Cleaner.refuseUnlessAllowed(url, iUnderstand, "reset", LocalOnly.system());
        // bootstrap/ files and the built-in bootstrap run on the admin connection: it must be local too
        Cleaner.refuseUnlessAllowed(adminUrl(), iUnderstand, "reset", LocalOnly.system());
        Connector.checkTableNames(waitForTables);
        List<MigrationFile> files = files();
        MigrationSource source = source();
        // each file read once here: prepared (substituted, parsed) and its checksum kept, nothing else
        Map<MigrationKey, String> checksums = new LinkedHashMap<>();
        files.forEach(f -> checksums.put(f.key(), source.prepare(f).checksum()));
        List<String> cleaned;
        try (Session session = connect()) {
            cleaned = new Cleaner(url, history()).clean(session.main(), schemas);
        }
        return new ResetReport(
                cleaned, migrate(files, checksums, waitForTables, bootstrap, Optional.empty(), listener));
    }

    /**
     * migrate --dry-run: the same checks and waits, then what would be applied; nothing is created, locked or
     * recorded. A database that {@code --create-database} would create is reported with every file pending.
     */
    public MigratePlan plan(
            List<String> waitForTables, boolean createDatabase, boolean bootstrap, Optional<MigrationLimit> limit) {
        Connector.checkTableNames(waitForTables);
        history();
        List<MigrationFile> files = files();
        // the same reading as migrate's, before connecting: invalid UTF-8 or broken YAML is found without a server
        source().checksums(files);
        if (createDatabase && !connector().databaseExists(url())) {
            messages.accept("database " + url().database() + " does not exist: migrate would create it");
            return Migrator.planForEmptyDatabase(files, source(), limit);
        }
        try (Session session = connect()) {
            connector().waitForTables(session.main(), waitForTables);
            history().checkCanCreate(session.main());
            Bootstrap run = bootstrap(session, files, bootstrap);
            return new Migrator(target(session), source(), run, MigrationListener.NONE, clock).plan(files, limit);
        }
    }

    private Bootstrap bootstrap(Session session, List<MigrationFile> files, boolean bootstrap) {
        if (!settings.supabase()) {
            return Bootstrap.NONE;
        }
        boolean webhooksPending = files.stream().anyMatch(f -> f.phase() == Phase.WEBHOOKS);
        Prerequisites.check(session.main(), webhooksPending).forEach(w -> messages.accept("warning: " + w));
        return bootstrap ? new SupabaseBootstrap(session, postgresPassword(), webhooks) : Bootstrap.NONE;
    }

    /** The migration files; none when no folder is set (stack-init's supabase step without migrations: bootstrap only). */
    public List<MigrationFile> files() {
        if (settings.migrationsDir() == null) {
            return List.of();
        }
        MigrationScanner.Scan scan = new MigrationScanner().scan(settings.migrationsDir());
        scan.warnings().forEach(w -> messages.accept("warning: " + w));
        return scan.files();
    }

    public MigrationSource source() {
        return new MigrationSource(placeholders, webhooks);
    }

    /** The --url-rewrite rules as given ({@code FROM=>TO}). */
    public List<String> urlRewrites() {
        return settings.urlRewrites();
    }

    public WebhookConfigAdapter webhooks() {
        return webhooks;
    }

    public DatabaseUrl url() {
        DatabaseUrl url = parseUrl(settings.databaseUrl());
        return settings.password() == null ? url : url.withPassword(settings.password());
    }

    /** A URL of a database (diff's shadow): without a password in it, PGPASSWORD, then POSTGRES_PASSWORD, as {@link #url}. */
    public DatabaseUrl parseUrl(String url) {
        return DatabaseUrl.parse(url, password());
    }

    /** A URL of an admin connection: without a password in it, POSTGRES_PASSWORD, as {@link #adminUrl}. */
    public DatabaseUrl parseAdminUrl(String url) {
        return DatabaseUrl.parse(url, env.get("POSTGRES_PASSWORD"));
    }

    public DatabaseUrl adminUrl() {
        if (settings.adminUrl() != null && !settings.adminUrl().isBlank()) {
            DatabaseUrl admin = parseAdminUrl(settings.adminUrl());
            return settings.adminPassword() == null ? admin : admin.withPassword(settings.adminPassword());
        }
        return settings.supabase() ? url().withUser("supabase_admin") : url();
    }

    public Optional<String> postgresPassword() {
        return Optional.ofNullable(env.get("POSTGRES_PASSWORD"));
    }

    public Connector connector() {
        return new Connector(Retry.system(), settings.waitTimeout(), messages);
    }

    /** Waits for the server, opens the main connection and (lazily) the admin one. */
    public Session connect() {
        history(); // a --history-table that cannot be one is a usage error before any connection
        DatabaseUrl url = url();
        DatabaseUrl admin = adminUrl();
        Connector connector = connector();
        boolean asPostgres = settings.supabase() && url.user().equals("supabase_admin");
        boolean sameAsMain =
                admin.jdbcUrl().equals(url.jdbcUrl()) && admin.user().equals(url.user());
        // factories, not connections: a run that loses its connection opens new ones the same way
        return new Session(
                () -> {
                    Connection main = connector.open(url);
                    if (asPostgres) {
                        // like the Supabase CLI: objects must belong to postgres, or Studio cannot alter them later
                        setRole(main);
                    }
                    return main;
                },
                sameAsMain ? null : () -> connector.open(admin));
    }

    public JdbcTarget target(Session session) {
        Optional<SupabaseCliHistory> cli =
                settings.supabaseCliHistory() ? Optional.of(new SupabaseCliHistory()) : Optional.empty();
        return new JdbcTarget(session, history(), cli, webhooks, clock);
    }

    public HistoryTable history() {
        return new HistoryTable(settings.historyTable());
    }

    public Clock clock() {
        return clock;
    }

    private String password() {
        String pg = env.get("PGPASSWORD");
        return pg != null && !pg.isEmpty() ? pg : env.get("POSTGRES_PASSWORD");
    }

    private static void setRole(Connection connection) {
        try (Statement statement = connection.createStatement()) {
            statement.execute("SET SESSION ROLE postgres");
        } catch (SQLException e) {
            throw new UnreachableException("cannot SET ROLE postgres: " + e.getMessage(), e);
        }
    }
}
