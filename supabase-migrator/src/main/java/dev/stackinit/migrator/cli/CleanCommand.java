package dev.stackinit.migrator.cli;

import dev.stackinit.cli.VerboseOption;
import dev.stackinit.migrator.jdbc.Cleaner;
import dev.stackinit.migrator.jdbc.DatabaseUrl;
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
        name = "clean",
        mixinStandardHelpOptions = true,
        description = "Drops every object in the managed schemas and our history. Local databases only, and only with"
                + " --i-understand.")
final class CleanCommand implements Callable<Integer> {
    @Mixin
    TargetOptions target;

    @Mixin
    VerboseOption verbose;

    @Mixin
    CleanOptions clean;

    @ParentCommand
    SupabaseMigratorCommand root;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        MigrationSetup wiring = target.setup(root, spec.commandLine().getErr());
        DatabaseUrl url = wiring.url();
        Cleaner.refuseUnlessAllowed(url, clean.iUnderstand);
        try (Session session = wiring.connect()) {
            List<String> done = new Cleaner(url, wiring.history()).clean(session.main(), clean.schemas());
            Rendering.lines(spec.commandLine().getOut(), done, "", target.json());
        }
        return 0;
    }
}
