package dev.stackinit.provision.cli;

import dev.stackinit.cli.VerboseOption;
import dev.stackinit.cli.options.DryRunOption;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.ParentCommand;

/** provision: run the configured steps in order, stop at the first failure. */
@Command(
        name = "provision",
        mixinStandardHelpOptions = true,
        description = {
            "Runs, in order, the steps whose section is configured: keys, mongo, supabase.",
            "The whole config is checked first (exit 3 naming every problem). Each step says what it did and how long"
                    + " it took; a summary table ends the run.",
            "Stops at the first failing step with that step's exit code. A second run reports 'up to date'."
        })
final class ProvisionCommand implements Callable<Integer> {
    @ParentCommand
    StackInitCommand root;

    @Mixin
    ProvisionOptions options;

    /** --dry-run: the same as plan. */
    @Mixin
    DryRunOption dryRun;

    @Mixin
    EmbeddedOptions embedded;

    @Mixin
    VerboseOption verbose;

    @Override
    public Integer call() {
        return new ProvisionRun(root, options, root.spec.commandLine())
                .execute(dryRun.enabled(), embedded.require(options.embedded), embedded.keepRunning);
    }
}
