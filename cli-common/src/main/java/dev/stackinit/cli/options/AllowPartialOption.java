package dev.stackinit.cli.options;

import picocli.CommandLine.Option;

/**
 * {@code --allow-partial}: exit 0 although something could not be carried over. Without it such a run exits 3; with it
 * or without, everything left behind is named and counted.
 */
public final class AllowPartialOption {
    @Option(
            names = "--allow-partial",
            description = "Exit 0 even when something could not be carried over (it is still named and counted);"
                    + " without it such a run exits 3.")
    boolean allowPartial;

    public boolean enabled() {
        return allowPartial;
    }
}
