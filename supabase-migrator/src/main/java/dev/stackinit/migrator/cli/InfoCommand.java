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
        name = "info",
        mixinStandardHelpOptions = true,
        description =
                "Lists every file: applied, pending, outdated, edited, renamed, missing or failed. Changes nothing.")
final class InfoCommand implements Callable<Integer> {
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
            StatusBoard board = new Inspector(wiring.target(session), wiring.source()).info(files);
            Rendering.info(spec.commandLine().getOut(), board, target.json());
        }
        return 0;
    }
}
