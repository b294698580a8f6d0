package dev.stackinit.cli.options;

import picocli.CommandLine.Option;

/** {@code --json}: the result as one JSON document on stdout; a failure is {@code {"error": …, "exit": N}} there too. */
public final class JsonOption {
    @Option(
            names = "--json",
            description = "Print the result as JSON on stdout; a failure prints {\"error\": …, \"exit\": N} there too.")
    boolean json;

    public boolean enabled() {
        return json;
    }
}
