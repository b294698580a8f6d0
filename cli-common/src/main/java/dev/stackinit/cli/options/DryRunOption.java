package dev.stackinit.cli.options;

import picocli.CommandLine.Option;

/** {@code --dry-run}: say what would change, change nothing. */
public final class DryRunOption {
    @Option(names = "--dry-run", description = "Say what would be done; change nothing.")
    boolean dryRun;

    public boolean enabled() {
        return dryRun;
    }
}
