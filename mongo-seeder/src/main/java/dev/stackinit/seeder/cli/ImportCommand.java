package dev.stackinit.seeder.cli;

import dev.stackinit.cli.VerboseOption;
import dev.stackinit.cli.options.TargetMongoOptions;
import dev.stackinit.seeder.CloneReport;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
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
    @Mixin
    SeedDirOption seedDir;

    @Mixin
    TargetMongoOptions target;

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
                .importDirectory(seedDir.required(), targetPassword.apply(target.uri()), copy, run.waitTimeout());
        if (run.json()) {
            Reports.print(spec.commandLine().getOut(), Reports.json(report));
        } else {
            spec.commandLine().getOut().println(Reports.text("imported", report));
        }
        return 0;
    }
}
