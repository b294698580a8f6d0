package dev.stackinit.migrator.jdbc;

import dev.stackinit.errors.RejectedException;
import dev.stackinit.errors.UnreachableException;
import dev.stackinit.migrator.AppliedMigration;
import dev.stackinit.migrator.Bootstrap;
import dev.stackinit.migrator.MigrationFile;
import dev.stackinit.migrator.MigrationListener;
import dev.stackinit.migrator.MigrationTarget;
import dev.stackinit.migrator.Migrator;
import dev.stackinit.migrator.diff.DiffDatabases;
import dev.stackinit.migrator.pull.Catalog;
import dev.stackinit.migrator.pull.CatalogReader;
import dev.stackinit.webhooks.UrlRewrite;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * diff's two databases on PostgreSQL. The live one is only read (one read-only transaction per catalog read), except
 * for the history rows of --write. The scratch one is {@code --shadow-url}'s database, emptied and reused, or a
 * temporary database on the live server; its admin connection is derived as migrate derives {@code --admin-url}.
 */
public final class JdbcDiffDatabases implements DiffDatabases {
    private final MigrationSetup live;
    private final Optional<DatabaseUrl> shadowUrl;
    private final Optional<DatabaseUrl> shadowAdminUrl;
    private final boolean supabase;
    private final Clock clock;
    private final Consumer<String> messages;
    private Connection liveConnection;
    private Connection shadowConnection;
    private DatabaseUrl temporary;
    private String temporaryName;

    /**
     * @param live the live database, and the folder with its placeholders and rewrites (as migrate has them)
     * @param shadowUrl the scratch database, or empty for a temporary one on the live server
     * @param shadowAdminUrl its admin connection, or empty to derive it: supabase_admin on the same URL (supabase
     *     flavour), the URL itself (plain)
     */
    public JdbcDiffDatabases(
            MigrationSetup live,
            Optional<DatabaseUrl> shadowUrl,
            Optional<DatabaseUrl> shadowAdminUrl,
            boolean supabase,
            Clock clock,
            Consumer<String> messages) {
        this.live = live;
        this.shadowUrl = shadowUrl;
        this.shadowAdminUrl = shadowAdminUrl;
        this.supabase = supabase;
        this.clock = clock;
        this.messages = messages;
        shadowUrl.ifPresent(url -> ShadowDatabase.refuseLive(url, live.url()));
    }

    @Override
    public List<String> liveSchemas() {
        return appSchemas(liveConnection());
    }

    @Override
    public Catalog readLive(List<String> schemas) {
        // the live webhooks in the folder's terms, as pull --url-rewrite wrote them: the files hold the rewritten URLs
        // (or get them when migrate applies them to the shadow), so without this every webhook of production would be
        // "changed", and --write would put production's URLs into the folder
        List<UrlRewrite> rewrites =
                live.urlRewrites().stream().map(UrlRewrite::parse).toList();
        return read(liveConnection(), schemas, live.url(), rewrites);
    }

    @Override
    public void rebuildShadow() {
        closeShadow();
        DatabaseUrl main = shadowMain();
        DatabaseUrl admin = shadowAdmin(main);
        Connector connector = live.connector();
        if (shadowUrl.isEmpty()) {
            recreateTemporary();
        }
        try (Session session = new Session(open(connector, main), () -> connector.open(admin))) {
            if (shadowUrl.isPresent()) {
                ShadowDatabase.refuseLive(liveConnection(), session.main(), session.admin(), live.url());
                ShadowDatabase.empty(session.admin(), historySchema());
            } else {
                List<String> missing = ShadowDatabase.missingPlatform(liveConnection(), session.main());
                if (!missing.isEmpty()) {
                    throw ShadowDatabase.lacksPlatform(missing);
                }
            }
            migrate(session);
        }
        shadowConnection = connector.open(main);
    }

    private void migrate(Session session) {
        List<MigrationFile> files = live.files();
        Bootstrap bootstrap = Bootstrap.NONE;
        if (supabase) {
            Prerequisites.check(session.main(), false);
            bootstrap = new SupabaseBootstrap(session, live.postgresPassword(), live.webhooks());
        }
        MigrationTarget target = new JdbcTarget(session, live.history(), Optional.empty(), live.webhooks(), clock);
        new Migrator(target, live.source(), bootstrap, quiet(), clock).migrate(files);
    }

    @Override
    public List<String> shadowSchemas() {
        return appSchemas(shadowConnection);
    }

    @Override
    public Catalog readShadow(List<String> schemas) {
        return read(shadowConnection, schemas, shadowMain(), List.of());
    }

    @Override
    public void recordApplied(List<Path> written) {
        Set<String> scripts =
                written.stream().map(p -> p.toString().replace('\\', '/')).collect(Collectors.toSet());
        List<MigrationFile> files =
                live.files().stream().filter(f -> scripts.contains(f.script())).toList();
        Map<dev.stackinit.migrator.MigrationKey, String> checksums =
                live.source().checksums(files);
        List<AppliedMigration> rows = files.stream()
                .map(f -> new AppliedMigration(
                        f.phase(),
                        f.version(),
                        f.name(),
                        f.script(),
                        AppliedMigration.KIND_BASELINE,
                        checksums.get(f.key()),
                        true,
                        null,
                        null,
                        0))
                .toList();
        try (Session session = live.connect()) {
            MigrationTarget target = live.target(session);
            try (MigrationTarget.Lock lock = target.lock(() -> messages.accept("waiting for another migrator"))) {
                target.ensureHistory();
                target.record(rows);
            }
        }
    }

    @Override
    public String liveDisplay() {
        return live.url().display();
    }

    @Override
    public String shadowDisplay() {
        return shadowUrl.isPresent()
                ? shadowUrl.get().display()
                : temporary == null ? "a temporary database on " + live.url().host() : temporary.display();
    }

    @Override
    public void close() {
        closeShadow();
        if (temporary != null) {
            dropTemporary();
        }
        close(liveConnection);
        liveConnection = null;
    }

    private Catalog read(Connection connection, List<String> schemas, DatabaseUrl url, List<UrlRewrite> rewrites) {
        try {
            return new CatalogReader(rewrites).read(connection, schemas);
        } catch (SQLException e) {
            throw new RejectedException("reading the catalog of " + url.display() + " failed: " + e.getMessage(), e);
        }
    }

    /** Schemas of the app: not PostgreSQL's or Supabase's, not the migrator's history, with something in them. */
    private List<String> appSchemas(Connection connection) {
        String history = historySchema();
        return Jdbc.list(connection, "select nspname from pg_namespace order by 1", rs -> rs.getString(1)).stream()
                .filter(ShadowDatabase::isAppSchema)
                .filter(s -> !s.equals(history) || s.equals("public"))
                .toList();
    }

    private String historySchema() {
        String name = live.history().name();
        return name.substring(0, name.indexOf('.'));
    }

    private Connection liveConnection() {
        if (liveConnection == null) {
            liveConnection = live.connector().open(live.url());
        }
        return liveConnection;
    }

    private DatabaseUrl shadowMain() {
        return shadowUrl.orElseGet(() -> live.url().withDatabase(temporaryName()));
    }

    private DatabaseUrl shadowAdmin(DatabaseUrl main) {
        if (shadowAdminUrl.isPresent()) {
            return shadowAdminUrl.get();
        }
        if (shadowUrl.isEmpty()) {
            return live.adminUrl().withDatabase(main.database());
        }
        return supabase ? main.withUser("supabase_admin") : main;
    }

    private Connection open(Connector connector, DatabaseUrl url) {
        Connection connection = connector.open(url);
        if (supabase && url.user().equals("supabase_admin")) {
            try (Statement statement = connection.createStatement()) {
                statement.execute("SET SESSION ROLE postgres");
            } catch (SQLException e) {
                close(connection);
                throw new UnreachableException("cannot SET ROLE postgres: " + e.getMessage(), e);
            }
        }
        return connection;
    }

    private String temporaryName() {
        if (temporaryName == null) {
            byte[] random = new byte[4];
            ThreadLocalRandom.current().nextBytes(random);
            temporaryName = "stackinit_diff_" + HexFormat.of().formatHex(random);
        }
        return temporaryName;
    }

    private void recreateTemporary() {
        if (temporary != null) {
            dropTemporary();
        }
        DatabaseUrl url = live.url().withDatabase(temporaryName());
        try (Statement statement = liveConnection().createStatement()) {
            statement.execute("CREATE DATABASE " + Connector.quoteIdentifier(url.database()));
        } catch (SQLException e) {
            throw new RejectedException(
                    "cannot create a temporary database on " + live.url().host() + " as "
                            + live.url().user() + ": " + e.getMessage() + " (or pass --shadow-url)",
                    e);
        }
        temporary = url;
    }

    private void dropTemporary() {
        try (Statement statement = liveConnection().createStatement()) {
            statement.execute(
                    "DROP DATABASE IF EXISTS " + Connector.quoteIdentifier(temporary.database()) + " WITH (FORCE)");
            temporary = null;
        } catch (SQLException e) {
            messages.accept(
                    "warning: could not drop the temporary database " + temporary.database() + ": " + e.getMessage());
        }
    }

    private void closeShadow() {
        close(shadowConnection);
        shadowConnection = null;
    }

    private static void close(Connection connection) {
        if (connection != null) {
            try {
                connection.close();
            } catch (SQLException e) {
                // nothing left to protect
            }
        }
    }

    private MigrationListener quiet() {
        return new MigrationListener() {
            @Override
            public void waitingForLock() {
                messages.accept("the shadow database is being migrated by someone else: waiting for its lock");
            }

            @Override
            public void applied(AppliedMigration row, int done, int total) {
                // the shadow's progress is not the user's concern
            }

            @Override
            public void warning(String message) {
                // the same warnings as migrate gives; the shadow repeats them for every run
            }
        };
    }
}
