package dev.stackinit.migrator.cli;

import dev.stackinit.cli.VerboseOption;
import dev.stackinit.migrator.Bootstrap;
import dev.stackinit.migrator.MigrateReport;
import dev.stackinit.migrator.MigrationFile;
import dev.stackinit.migrator.Migrator;
import dev.stackinit.migrator.Phase;
import dev.stackinit.migrator.jdbc.Prerequisites;
import dev.stackinit.migrator.jdbc.Session;
import dev.stackinit.migrator.jdbc.SupabaseBootstrap;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

@Command(
        name = "migrate",
        mixinStandardHelpOptions = true,
        description = "Applies pending files in (phase, version) order, each in its own transaction.")
final class MigrateCommand implements Callable<Integer> {
    @Mixin
    TargetOptions target;

    @Mixin
    VerboseOption verbose;

    @Option(names = "--no-bootstrap", description = "Skip the built-in bootstrap (role passwords, webhooks schema).")
    boolean noBootstrap;

    @Option(
            names = "--wait-for-table",
            split = ",",
            paramLabel = "SCHEMA.TABLE",
            description = "Wait until these tables exist first, e.g. auth.users (created by GoTrue at start-up).")
    List<String> waitForTables = new ArrayList<>();

    @Option(names = "--create-database", description = "Create the database if it does not exist.")
    boolean createDatabase;

    @Option(names = "--json", description = "Print the report as JSON.")
    boolean json;

    @ParentCommand
    SupabaseMigratorCommand root;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        Wiring wiring = new Wiring(target, root, err);
        List<MigrationFile> files = wiring.files();
        if (createDatabase && wiring.connector().createDatabaseIfMissing(wiring.url())) {
            err.println("created database " + wiring.url().database());
        }
        try (Session session = wiring.connect()) {
            wiring.connector().waitForTables(session.main(), waitForTables);
            Bootstrap bootstrap = Bootstrap.NONE;
            if (target.supabase()) {
                boolean webhooks = files.stream().anyMatch(f -> f.phase() == Phase.WEBHOOKS);
                Prerequisites.check(session.main(), webhooks).forEach(w -> err.println("warning: " + w));
                if (!noBootstrap) {
                    bootstrap = new SupabaseBootstrap(session, wiring.postgresPassword(), wiring.webhooks());
                }
            }
            StderrProgress progress = new StderrProgress(err, wiring.clock(), verbose.enabled());
            MigrateReport report = new Migrator(
                            wiring.target(session), wiring.source(), bootstrap, progress, wiring.clock())
                    .migrate(files);
            Rendering.migrate(spec.commandLine().getOut(), report, json, verbose.enabled());
        }
        return 0;
    }
}
