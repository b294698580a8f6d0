package dev.stackinit.migrator.cli;

import dev.stackinit.cli.VerboseOption;
import dev.stackinit.migrator.Inspector;
import dev.stackinit.migrator.MigrationFile;
import dev.stackinit.migrator.StatusBoard;
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
        name = "validate",
        mixinStandardHelpOptions = true,
        description = "Checks applied files against the history: exit 3 when one was edited, renamed, removed or"
                + " failed. Pending files are fine.")
final class ValidateCommand implements Callable<Integer> {
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
            StatusBoard board = new Inspector(wiring.target(session), wiring.source()).validate(files);
            Rendering.validate(spec.commandLine().getOut(), board, target.json());
        }
        return 0;
    }
}
