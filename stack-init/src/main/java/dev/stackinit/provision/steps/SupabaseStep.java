package dev.stackinit.provision.steps;

import dev.stackinit.errors.InvalidInputException;
import dev.stackinit.migrator.AppliedMigration;
import dev.stackinit.migrator.MigrateReport;
import dev.stackinit.migrator.MigrationListener;
import dev.stackinit.migrator.jdbc.MigrationSetup;
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
import java.util.function.Consumer;

/**
 * supabase: wait for the database (and auth.users), the built-in bootstrap (role passwords, supabase_functions), then
 * the migrations in phase order, whose webhooks/ phase applies the webhook YAML (supabase-migrator's core).
 */
public final class SupabaseStep implements Step {
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
        List<String> waitFor = config.waitForTable() == null ? List.of() : List.of(config.waitForTable());
        boolean bootstrap = !Boolean.FALSE.equals(config.bootstrap());
        return outcome(setup().migrate(waitFor, false, bootstrap, listener()));
    }

    @Override
    public StepOutcome plan() {
        MigrationSetup setup = setup();
        return StepOutcome.of(
                name(),
                StepStatus.PLANNED,
                List.of("would bootstrap " + setup.url().display()
                        + " if needed and apply what is pending of "
                        + setup.files().size() + " file(s) in "
                        + config.migrations()));
    }

    /** The same wiring supabase-migrator's own migrate uses. */
    private MigrationSetup setup() {
        MigrationSetup.Settings settings = new MigrationSetup.Settings(
                required(config.databaseUrl(), "database_url"),
                config.adminUrl(),
                true,
                base.resolve(required(config.migrations(), "migrations")),
                config.placeholders() == null ? Map.of() : config.placeholders(),
                List.of(),
                MigrationSetup.Settings.DEFAULT_HISTORY_TABLE,
                false,
                waitTimeout());
        return new MigrationSetup(settings, env, clock, progress);
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
