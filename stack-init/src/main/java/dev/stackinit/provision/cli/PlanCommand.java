package dev.stackinit.provision.cli;

import dev.stackinit.cli.VerboseOption;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.ParentCommand;

/** plan: what provision would do, changing nothing. */
@Command(
        name = "plan",
        mixinStandardHelpOptions = true,
        description = "Says what each configured step would do, without changing anything (provision --dry-run).")
final class PlanCommand implements Callable<Integer> {
    @ParentCommand
    StackInitCommand root;

    @Mixin
    ProvisionOptions options;

    @Mixin
    VerboseOption verbose;

    @Override
    public Integer call() {
        return new ProvisionRun(root, options, root.spec.commandLine()).execute(true, false);
    }
}
