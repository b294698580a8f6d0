package dev.stackinit.seeder.cli;

import dev.stackinit.cli.VerboseOption;
import dev.stackinit.cli.options.SourceMongoOptions;
import dev.stackinit.cli.options.TargetMongoOptions;
import dev.stackinit.seeder.CloneReport;
import dev.stackinit.seeder.IncompleteCopyException;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
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
    @Mixin
    SourceMongoOptions source;

    @Mixin
    SourcePasswordOptions sourcePassword;

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
        String sourceUri = sourcePassword.apply(source.uri().orElseThrow(() -> Steps.missing("--source-uri")));
        try {
            CloneReport report = new Steps(root, spec.commandLine().getErr())
                    .clone(sourceUri, targetPassword.apply(target.uri()), copy, run.waitTimeout());
            return Reports.printCopy(spec.commandLine(), run.json(), "cloned", report, null);
        } catch (IncompleteCopyException e) {
            return Reports.printCopy(spec.commandLine(), run.json(), "cloned", e.report(), e);
        }
    }
}
