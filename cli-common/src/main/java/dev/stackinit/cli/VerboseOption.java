package dev.stackinit.cli;

import picocli.CommandLine.Option;

/** {@code --verbose}: errors show their cause chain. Add with {@code @Mixin} to each command. */
public final class VerboseOption {
    @Option(
            names = {"-v", "--verbose"},
            description = "Show the cause chain of errors and more detail.")
    boolean verbose;

    public boolean enabled() {
        return verbose;
    }
}
