package dev.stackinit.migrator.cli;

import dev.stackinit.cli.Retry;
import dev.stackinit.cli.UnreachableException;
import dev.stackinit.migrator.MigrationFile;
import dev.stackinit.migrator.MigrationScanner;
import dev.stackinit.migrator.MigrationSource;
import dev.stackinit.migrator.Placeholders;
import dev.stackinit.migrator.jdbc.Connector;
import dev.stackinit.migrator.jdbc.DatabaseUrl;
import dev.stackinit.migrator.jdbc.HistoryTable;
import dev.stackinit.migrator.jdbc.JdbcTarget;
import dev.stackinit.migrator.jdbc.Session;
import dev.stackinit.migrator.jdbc.SupabaseCliHistory;
import dev.stackinit.migrator.jdbc.WebhookConfigAdapter;
import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Builds the core services and adapters from the shared options; what every subcommand's call() starts with. */
final class Wiring {
    private final TargetOptions options;
    private final Map<String, String> env;
    private final Clock clock;
    private final PrintWriter err;
    private final Placeholders placeholders;
    private final WebhookConfigAdapter webhooks;

    Wiring(TargetOptions options, SupabaseMigratorCommand root, PrintWriter err) {
        this.options = options;
        this.env = root.env();
        this.clock = root.clock();
        this.err = err;
        this.placeholders = Placeholders.of(env, options.placeholders);
        this.webhooks = new WebhookConfigAdapter(placeholders.values(), options.urlRewrites);
    }

    List<MigrationFile> files() {
        MigrationScanner.Scan scan = new MigrationScanner().scan(options.migrationsDir);
        scan.warnings().forEach(w -> err.println("warning: " + w));
        return scan.files();
    }

    MigrationSource source() {
        return new MigrationSource(placeholders, webhooks);
    }

    WebhookConfigAdapter webhooks() {
        return webhooks;
    }

    DatabaseUrl url() {
        return DatabaseUrl.parse(options.databaseUrl, password());
    }

    DatabaseUrl adminUrl() {
        if (options.adminUrl != null && !options.adminUrl.isBlank()) {
            return DatabaseUrl.parse(options.adminUrl, env.get("POSTGRES_PASSWORD"));
        }
        return options.supabase() ? url().withUser("supabase_admin") : url();
    }

    Optional<String> postgresPassword() {
        return Optional.ofNullable(env.get("POSTGRES_PASSWORD"));
    }

    Connector connector() {
        return new Connector(Retry.system(), options.waitTimeout, message -> err.println(message));
    }

    /** Waits for the server, opens the main connection and (lazily) the admin one. */
    Session connect() {
        DatabaseUrl url = url();
        DatabaseUrl admin = adminUrl();
        Connector connector = connector();
        Connection main = connector.open(url);
        if (options.supabase() && url.user().equals("supabase_admin")) {
            // like the Supabase CLI: objects must belong to postgres, or Studio cannot alter them later
            setRole(main);
        }
        boolean sameAsMain =
                admin.jdbcUrl().equals(url.jdbcUrl()) && admin.user().equals(url.user());
        return new Session(main, () -> sameAsMain ? main : connector.open(admin));
    }

    JdbcTarget target(Session session) {
        Optional<SupabaseCliHistory> cli =
                options.supabaseCliHistory ? Optional.of(new SupabaseCliHistory()) : Optional.empty();
        return new JdbcTarget(session, history(), cli, webhooks, clock);
    }

    HistoryTable history() {
        return new HistoryTable(options.historyTable);
    }

    Clock clock() {
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
