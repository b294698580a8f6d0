package dev.stackinit.seeder.cli;

import dev.stackinit.cli.VerboseOption;
import dev.stackinit.seeder.CloneReport;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** clone: copy databases server to server, raw BSON, options, views and indexes. */
@Command(
        name = "clone",
        mixinStandardHelpOptions = true,
        description = {
            "Copy database(s) between servers: raw documents, collection options, views and indexes.",
            "The source is only read (secondaryPreferred unless the URI says otherwise). Each collection is copied",
            "into a staging collection and renamed over its real name when complete."
        })
final class CloneCommand implements Callable<Integer> {
    @Option(
            names = "--source-uri",
            required = true,
            description = "Server to copy from; set it in the environment when it carries credentials.")
    String sourceUri;

    @Mixin
    SourcePasswordOptions sourcePassword;

    @Option(
            names = "--target-uri",
            defaultValue = "mongodb://localhost:27017",
            description = "Server to copy into. Default: ${DEFAULT-VALUE}.")
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
                .clone(sourcePassword.apply(sourceUri), targetPassword.apply(targetUri), copy, run.waitTimeout);
        if (run.json) {
            Reports.print(spec.commandLine().getOut(), Reports.json(report));
        } else {
            spec.commandLine().getOut().println(Reports.text("cloned", report));
        }
        return 0;
    }
}
