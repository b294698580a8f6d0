package dev.stackinit.provision.cli;

import dev.stackinit.cli.VerboseOption;
import dev.stackinit.provision.embedded.EmbeddedStack;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.ParentCommand;

/** plan: what provision would do, found by asking every configured server, changing nothing. */
@Command(
        name = "plan",
        mixinStandardHelpOptions = true,
        description = {
            "Says per step what provision would do, changing nothing (provision --dry-run): it checks the whole"
                    + " config, then contacts every configured server: keys verified, MongoDB's replica-set state"
                    + " and copy marker against the seed's content, pending migrations by name, the webhook plan.",
            "A server that does not answer is exit 4 naming the step; a plan never says 'provisioned'."
        })
final class PlanCommand implements Callable<Integer> {
    @ParentCommand
    StackInitCommand root;

    @Mixin
    ProvisionOptions options;

    @Mixin
    VerboseOption verbose;

    @Override
    public Integer call() {
        return new ProvisionRun(root, options, root.spec.commandLine())
                .execute(true, EmbeddedStack.Options.defaults(), false);
    }
}
