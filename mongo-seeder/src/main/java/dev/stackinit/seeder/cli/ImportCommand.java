package dev.stackinit.seeder.cli;

import dev.stackinit.cli.VerboseOption;
import dev.stackinit.seeder.CloneReport;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** import: load a seed directory (ours or mongodump's) into one database. */
@Command(
        name = "import",
        mixinStandardHelpOptions = true,
        description = {
            "Load a seed directory (export's files or mongodump's) into one database.",
            "Reads <coll>.jsonl or <coll>.bson(.gz) with <coll>.metadata.json. The content hash is recorded:",
            "an unchanged directory is skipped with mode if-complete (the default)."
        })
final class ImportCommand implements Callable<Integer> {
    @Option(names = "--seed-dir", required = true, description = "The directory to load.")
    Path seedDir;

    @Option(
            names = "--target-uri",
            defaultValue = "mongodb://localhost:27017",
            description = "Server to load into. Default: ${DEFAULT-VALUE}.")
    String targetUri;

    @Mixin
    TargetPasswordOptions targetPassword;

    @Mixin
    RunOptions run;

    @Mixin
    CopyOptions copy;

    @Mixin
    VerboseOption verbose;

    @ParentCommand
    MongoSeederCommand root;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        CloneReport report = new Steps(root, spec.commandLine().getErr())
                .importDirectory(seedDir, targetPassword.apply(targetUri), copy, run.waitTimeout);
        if (run.json) {
            Reports.print(spec.commandLine().getOut(), Reports.json(report));
        } else {
            spec.commandLine().getOut().println(Reports.text("imported", report));
        }
        return 0;
    }
}
