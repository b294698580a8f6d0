package dev.stackinit.migrator.cli;

import dev.stackinit.cli.VerboseOption;
import dev.stackinit.migrator.MigrateReport;
import dev.stackinit.migrator.jdbc.MigrationSetup;
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

    @ParentCommand
    SupabaseMigratorCommand root;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        MigrationSetup setup = target.setup(root, err);
        StderrProgress progress = new StderrProgress(err, setup.clock(), verbose.enabled());
        MigrateReport report = setup.migrate(waitForTables, createDatabase, !noBootstrap, progress);
        Rendering.migrate(spec.commandLine().getOut(), report, target.json(), verbose.enabled());
        return 0;
    }
}
