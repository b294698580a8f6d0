package dev.stackinit.migrator.cli;

import dev.stackinit.cli.VerboseOption;
import dev.stackinit.migrator.AppliedMigration;
import dev.stackinit.migrator.Baseliner;
import dev.stackinit.migrator.MigrationFile;
import dev.stackinit.migrator.MigrationKey;
import dev.stackinit.migrator.MigrationLimit;
import dev.stackinit.migrator.jdbc.MigrationSetup;
import dev.stackinit.migrator.jdbc.Session;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

@Command(
        name = "baseline",
        mixinStandardHelpOptions = true,
        description = "Adopts a database that already has the schema: records the files as applied without running"
                + " them. Only on an empty history.")
final class BaselineCommand implements Callable<Integer> {
    @Mixin
    TargetOptions target;

    @Mixin
    VerboseOption verbose;

    @Option(
            names = "--up-to",
            paramLabel = "PHASE[/VERSION]",
            description = "Record files up to this one (inclusive), e.g. triggers or tables/3; default: all.")
    String upTo;

    @ParentCommand
    SupabaseMigratorCommand root;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        Optional<MigrationKey> limit = Optional.ofNullable(upTo).map(BaselineCommand::parse);
        MigrationSetup wiring = target.setup(root, spec.commandLine().getErr());
        List<MigrationFile> files = wiring.files();
        try (Session session = wiring.connect()) {
            List<AppliedMigration> rows = new Baseliner(wiring.target(session), wiring.source()).baseline(files, limit);
            Rendering.baseline(spec.commandLine().getOut(), rows, target.json());
        }
        return 0;
    }

    static MigrationKey parse(String text) {
        return MigrationLimit.parse(text, "--up-to").asKey();
    }
}
