package dev.stackinit.provision.steps;

import dev.stackinit.migrator.AppliedMigration;
import dev.stackinit.migrator.MigratePlan;
import dev.stackinit.migrator.MigrateReport;
import dev.stackinit.migrator.MigrationListener;
import dev.stackinit.migrator.jdbc.MigrationSetup;
import dev.stackinit.provision.ProvisionSettings;
import dev.stackinit.provision.Step;
import dev.stackinit.provision.StepOutcome;
import dev.stackinit.provision.StepStatus;
import java.time.Clock;
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
    private final ProvisionSettings.Supabase config;
    private final Clock clock;
    private final Map<String, String> env;
    private final Consumer<String> progress;

    public SupabaseStep(
            ProvisionSettings.Supabase config, Clock clock, Map<String, String> env, Consumer<String> progress) {
        this.config = config;
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
        return outcome(setup().migrate(waitFor(), false, config.bootstrap(), listener()));
    }

    /**
     * migrate --dry-run against the database: the bootstrap's checks, every pending migration by name, and the webhook
     * plan of the YAML files among them; nothing is created, locked or recorded.
     */
    @Override
    public StepOutcome plan() {
        MigratePlan plan = setup().plan(waitFor(), false, config.bootstrap(), Optional.empty());
        List<String> details = new ArrayList<>();
        plan.bootstrap().forEach(line -> details.add("bootstrap: " + line));
        if (!plan.adopt().isEmpty()) {
            details.add("would adopt " + String.join(", ", plan.adopt()) + " (applied by the Supabase CLI)");
        }
        if (config.migrations().isEmpty()) {
            details.add("no migrations configured (supabase.migrations): the database is only bootstrapped");
        } else if (plan.pending().isEmpty()) {
            details.add("0 pending, " + plan.upToDate() + " applied before");
        } else {
            details.add("would apply " + plan.pending().size() + " file(s) of " + config.migrationsName() + ", "
                    + plan.upToDate() + " applied before:");
            for (MigratePlan.PlannedFile file : plan.pending()) {
                details.add("  " + file.file().script()
                        + (file.state() == dev.stackinit.migrator.FileState.OUTDATED
                                ? " (changed: applied again)"
                                : ""));
                if (file.kind().equals(AppliedMigration.KIND_WEBHOOKS)) {
                    file.runs().forEach(line -> details.add("    webhooks: " + line));
                }
            }
        }
        plan.warnings().forEach(w -> details.add("warning: " + w));
        return StepOutcome.of(name(), plan.changes() ? StepStatus.PLANNED : StepStatus.UP_TO_DATE, details);
    }

    private List<String> waitFor() {
        return config.waitForTable().map(List::of).orElse(List.of());
    }

    /** The same wiring supabase-migrator's own migrate uses. */
    private MigrationSetup setup() {
        MigrationSetup.Settings settings = new MigrationSetup.Settings(
                config.databaseUrl(),
                config.adminUrl().orElse(null),
                true,
                config.migrations().orElse(null),
                config.placeholders(),
                List.of(),
                MigrationSetup.Settings.DEFAULT_HISTORY_TABLE,
                false,
                config.waitTimeout());
        return new MigrationSetup(settings, env, clock, progress);
    }

    private StepOutcome outcome(MigrateReport report) {
        List<String> details = new ArrayList<>();
        report.bootstrap().forEach(line -> details.add("bootstrap: " + line));
        if (config.migrations().isEmpty()) {
            details.add("no migrations configured (supabase.migrations): the database is only bootstrapped");
        } else if (report.applied().isEmpty()) {
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
                // the script is already relative to the migrations folder and starts with its phase folder
                progress.accept("  [" + done + "/" + total + "] " + row.script());
            }

            @Override
            public void warning(String message) {
                progress.accept("warning: " + message);
            }
        };
    }
}
