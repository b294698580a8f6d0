package dev.stackinit.migrator.cli;

import dev.stackinit.cli.VerboseOption;
import dev.stackinit.migrator.ResetReport;
import dev.stackinit.migrator.jdbc.MigrationSetup;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

@Command(
        name = "reset",
        mixinStandardHelpOptions = true,
        description = {
            "Local databases only: clean, then migrate from the first file (like 'supabase db reset').",
            "Clean drops every object in the managed schemas and our history. Refused as clean is: without"
                    + " --i-understand (exit 2), on a host that is not this machine (exit 3). Every file is read and"
                    + " checked before anything is dropped."
        })
final class ResetCommand implements Callable<Integer> {
    @Mixin
    TargetOptions target;

    @Mixin
    CleanOptions clean;

    @Mixin
    ApplyOptions apply;

    @Mixin
    VerboseOption verbose;

    @ParentCommand
    SupabaseMigratorCommand root;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        MigrationSetup setup = target.setup(root, err);
        StderrProgress progress = new StderrProgress(err, setup.clock(), verbose.enabled());
        ResetReport report =
                setup.reset(clean.iUnderstand, clean.schemas(), apply.waitForTables, apply.bootstrap(), progress);
        Rendering.reset(spec.commandLine().getOut(), report, target.json(), verbose.enabled());
        return 0;
    }
}
