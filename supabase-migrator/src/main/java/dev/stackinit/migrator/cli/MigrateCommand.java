package dev.stackinit.migrator.cli;

import dev.stackinit.cli.VerboseOption;
import dev.stackinit.migrator.MigrationLimit;
import dev.stackinit.migrator.jdbc.MigrationSetup;
import java.io.PrintWriter;
import java.util.Optional;
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
    ApplyOptions apply;

    @Mixin
    VerboseOption verbose;

    @Option(names = "--create-database", description = "Create the database if it does not exist.")
    boolean createDatabase;

    @Option(
            names = "--dry-run",
            description = "Say which files would be applied and what each runs; change nothing (no history table or"
                    + " row, no lock; the bootstrap is tried in a transaction that is rolled back).")
    boolean dryRun;

    @Option(
            names = "--target",
            paramLabel = "PHASE[/VERSION]",
            description = "Stop after this file, e.g. tables/3, or after a phase's last file, e.g. functions; later"
                    + " files stay pending.")
    String targetFile;

    @Option(names = "--json", description = "Print the report as JSON.")
    boolean json;

    @ParentCommand
    SupabaseMigratorCommand root;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        Optional<MigrationLimit> limit =
                Optional.ofNullable(targetFile).map(text -> MigrationLimit.parse(text, "--target"));
        PrintWriter err = spec.commandLine().getErr();
        MigrationSetup setup = target.setup(root, err);
        PrintWriter out = spec.commandLine().getOut();
        if (dryRun) {
            Rendering.plan(out, setup.plan(apply.waitForTables, createDatabase, apply.bootstrap(), limit), json, limit);
            return 0;
        }
        StderrProgress progress = new StderrProgress(err, setup.clock(), verbose.enabled());
        Rendering.migrate(
                out,
                setup.migrate(apply.waitForTables, createDatabase, apply.bootstrap(), limit, progress),
                json,
                verbose.enabled());
        return 0;
    }
}
