package dev.stackinit.provision.steps;

import dev.stackinit.cli.InvalidInputException;
import dev.stackinit.cli.Retry;
import dev.stackinit.migrator.AppliedMigration;
import dev.stackinit.migrator.Bootstrap;
import dev.stackinit.migrator.MigrateReport;
import dev.stackinit.migrator.MigrationFile;
import dev.stackinit.migrator.MigrationListener;
import dev.stackinit.migrator.MigrationScanner;
import dev.stackinit.migrator.MigrationSource;
import dev.stackinit.migrator.Migrator;
import dev.stackinit.migrator.Phase;
import dev.stackinit.migrator.Placeholders;
import dev.stackinit.migrator.jdbc.Connector;
import dev.stackinit.migrator.jdbc.DatabaseUrl;
import dev.stackinit.migrator.jdbc.HistoryTable;
import dev.stackinit.migrator.jdbc.JdbcTarget;
import dev.stackinit.migrator.jdbc.Prerequisites;
import dev.stackinit.migrator.jdbc.Session;
import dev.stackinit.migrator.jdbc.SupabaseBootstrap;
import dev.stackinit.migrator.jdbc.WebhookConfigAdapter;
import dev.stackinit.provision.ProvisionConfig;
import dev.stackinit.provision.Step;
import dev.stackinit.provision.StepOutcome;
import dev.stackinit.provision.StepStatus;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * supabase: wait for the database (and auth.users), the built-in bootstrap (role passwords, supabase_functions), then
 * the migrations in phase order, whose webhooks/ phase applies the webhook YAML (supabase-migrator's core).
 */
public final class SupabaseStep implements Step {
    private static final String HISTORY = "stackinit.migration_history";

    private final ProvisionConfig.Supabase config;
    private final Path base;
    private final Clock clock;
    private final Map<String, String> env;
    private final Consumer<String> progress;

    public SupabaseStep(
            ProvisionConfig.Supabase config,
            Path base,
            Clock clock,
            Map<String, String> env,
            Consumer<String> progress) {
        this.config = config;
        this.base = base;
        this.clock = clock;
        this.env = env;
        this.progress = progress;
    }

    @Override
    public String name() {
        return "supabase";
    }

    @Override
    public StepOutcome run() {
        List<MigrationFile> files = scan();
        Placeholders placeholders =
                Placeholders.of(env, config.placeholders() == null ? Map.of() : config.placeholders());
        WebhookConfigAdapter webhooks = new WebhookConfigAdapter(placeholders.values(), List.of());
        DatabaseUrl url = DatabaseUrl.parse(required(config.databaseUrl(), "database_url"), password());
        DatabaseUrl admin = config.adminUrl() == null
                ? url.withUser("supabase_admin")
                : DatabaseUrl.parse(config.adminUrl(), env.get("POSTGRES_PASSWORD"));
        Connector connector = new Connector(Retry.system(), waitTimeout(), progress);
        Session session = new Session(connector.open(url), () -> connector.open(admin));
        try (session) {
            if (config.waitForTable() != null) {
                connector.waitForTables(session.main(), List.of(config.waitForTable()));
            }
            boolean webhooksPending = files.stream().anyMatch(f -> f.phase() == Phase.WEBHOOKS);
            Prerequisites.check(session.main(), webhooksPending).forEach(w -> progress.accept("warning: " + w));
            Bootstrap bootstrap = Boolean.FALSE.equals(config.bootstrap())
                    ? Bootstrap.NONE
                    : new SupabaseBootstrap(session, Optional.ofNullable(env.get("POSTGRES_PASSWORD")), webhooks);
            JdbcTarget target = new JdbcTarget(session, new HistoryTable(HISTORY), Optional.empty(), webhooks, clock);
            MigrateReport report = new Migrator(
                            target, new MigrationSource(placeholders, webhooks), bootstrap, listener(), clock)
                    .migrate(files);
            return outcome(report);
        }
    }

    @Override
    public StepOutcome plan() {
        List<MigrationFile> files = scan();
        return StepOutcome.of(
                name(),
                StepStatus.PLANNED,
                List.of("would bootstrap "
                        + DatabaseUrl.parse(required(config.databaseUrl(), "database_url"), password())
                                .display()
                        + " if needed and apply what is pending of " + files.size() + " file(s) in "
                        + config.migrations()));
    }

    private StepOutcome outcome(MigrateReport report) {
        List<String> details = new ArrayList<>();
        report.bootstrap().forEach(line -> details.add("bootstrap: " + line));
        if (report.applied().isEmpty()) {
            details.add("0 pending, " + report.upToDate() + " applied before");
        } else {
            details.add("applied " + report.applied().size() + " file(s), " + report.upToDate() + " applied before");
        }
        report.warnings().forEach(w -> details.add("warning: " + w));
        boolean changed = !report.applied().isEmpty() || !report.adopted().isEmpty() || report.bootstrapChanged();
        return StepOutcome.of(name(), changed ? StepStatus.DONE : StepStatus.UP_TO_DATE, details);
    }

    private MigrationListener listener() {
        return new MigrationListener() {
            @Override
            public void waitingForLock() {
                progress.accept("waiting for another migrator's lock");
            }

            @Override
            public void applied(AppliedMigration row, int done, int total) {
                progress.accept("  [" + done + "/" + total + "] "
                        + row.phase().name().toLowerCase(java.util.Locale.ROOT) + "/" + row.script());
            }

            @Override
            public void warning(String message) {
                progress.accept("warning: " + message);
            }
        };
    }

    private List<MigrationFile> scan() {
        MigrationScanner.Scan scan =
                new MigrationScanner().scan(base.resolve(required(config.migrations(), "migrations")));
        scan.warnings().forEach(w -> progress.accept("warning: " + w));
        return scan.files();
    }

    private String password() {
        String pg = env.get("PGPASSWORD");
        return pg != null && !pg.isEmpty() ? pg : env.get("POSTGRES_PASSWORD");
    }

    private Duration waitTimeout() {
        return Duration.ofSeconds(config.waitTimeoutSeconds() == null ? 60 : config.waitTimeoutSeconds());
    }

    private static String required(String value, String key) {
        if (value == null || value.isBlank()) {
            throw new InvalidInputException("supabase: " + key + " is required");
        }
        return value;
    }
}
