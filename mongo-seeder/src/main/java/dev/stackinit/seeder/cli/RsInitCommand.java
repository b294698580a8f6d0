package dev.stackinit.seeder.cli;

import dev.stackinit.cli.VerboseOption;
import dev.stackinit.cli.options.TargetMongoOptions;
import dev.stackinit.seeder.ReplicaSetResult;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** rs-init: idempotent single-node replica-set initiation. */
@Command(
        name = "rs-init",
        mixinStandardHelpOptions = true,
        description = {
            "Initiate a single-node replica set if needed, then wait for a writable primary. With access control",
            "(mongod --keyFile): authenticate as the user of --target-uri (root), or create it through the localhost",
            "exception on a node without users; keep the app user (--app-username) and its password.",
            "Connects directly to the first host of the URI. Safe to run on every start."
        })
final class RsInitCommand implements Callable<Integer> {
    @Mixin
    TargetMongoOptions target;

    @Mixin
    TargetPasswordOptions targetPassword;

    @Mixin
    RunOptions run;

    @Mixin
    RsOptions rs;

    @Mixin
    AppUserOptions app;

    @Mixin
    VerboseOption verbose;

    @ParentCommand
    MongoSeederCommand root;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        ReplicaSetResult result = new Steps(root, spec.commandLine().getErr())
                .rsInit(targetPassword.apply(target.uri()), rs, app.resolve(), run.waitTimeout());
        Reports.notes(result).forEach(note -> spec.commandLine().getErr().println("mongo-seeder: warning: " + note));
        if (run.json()) {
            Reports.print(spec.commandLine().getOut(), Reports.json(result));
        } else {
            spec.commandLine().getOut().println(Reports.text(result));
        }
        return 0;
    }
}
