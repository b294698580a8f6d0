package dev.stackinit.migrator.cli;

import dev.stackinit.cli.VerboseOption;
import dev.stackinit.migrator.MigrationFile;
import dev.stackinit.migrator.Repairer;
import dev.stackinit.migrator.jdbc.MigrationSetup;
import dev.stackinit.migrator.jdbc.Session;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

@Command(
        name = "repair",
        mixinStandardHelpOptions = true,
        description = "After review: accepts edited or renamed applied files (stores their checksum) and removes failed"
                + " entries so they run again. Runs no migration SQL.")
final class RepairCommand implements Callable<Integer> {
    @Mixin
    TargetOptions target;

    @Mixin
    VerboseOption verbose;

    @ParentCommand
    SupabaseMigratorCommand root;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        MigrationSetup wiring = target.setup(root, spec.commandLine().getErr());
        List<MigrationFile> files = wiring.files();
        try (Session session = wiring.connect()) {
            List<String> changes = new Repairer(wiring.target(session), wiring.source()).repair(files);
            Rendering.lines(spec.commandLine().getOut(), changes, "nothing to repair: 0 changes", target.json());
        }
        return 0;
    }
}
