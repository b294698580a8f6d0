package dev.stackinit.webhooks.cli;

import picocli.CommandLine.Option;

/** {@code --prune}, shared by plan and apply so both mean the same by it. */
final class PruneOption {
    @Option(names = "--prune", description = "Also delete webhooks that no file declares (plan: show them).")
    boolean prune;
}
