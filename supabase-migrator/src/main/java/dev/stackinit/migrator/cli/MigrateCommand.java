package dev.stackinit.migrator.cli;

import dev.stackinit.cli.VerboseOption;
import dev.stackinit.cli.options.DryRunOption;
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

    /** Which files would be applied and what each runs; no history table or row, no lock, bootstrap rolled back. */
    @Mixin
    DryRunOption dryRun;

    @Option(
            names = "--target",
            paramLabel = "PHASE[/VERSION]",
            description = "Stop after this file, e.g. tables/3, or after a phase's last file, e.g. functions; later"
                    + " files stay pending.")
    String targetFile;

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
        if (dryRun.enabled()) {
            Rendering.plan(
                    out,
                    setup.plan(apply.waitForTables, createDatabase, apply.bootstrap(), limit),
                    target.json(),
                    limit);
            return 0;
        }
        StderrProgress progress = new StderrProgress(err, setup.clock(), verbose.enabled());
        Rendering.migrate(
                out,
                setup.migrate(apply.waitForTables, createDatabase, apply.bootstrap(), limit, progress),
                target.json(),
                verbose.enabled());
        return 0;
    }
}
