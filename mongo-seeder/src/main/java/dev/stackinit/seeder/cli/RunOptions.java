package dev.stackinit.seeder.cli;

import dev.stackinit.cli.DurationConverter;
import java.time.Duration;
import picocli.CommandLine.Option;

/** What every mongo-seeder command shares: how long to wait for servers, and JSON output. */
final class RunOptions {
    @Option(
            names = "--wait-timeout",
            defaultValue = "60s",
            converter = DurationConverter.class,
            description = "How long to wait for a server to answer at all (500ms, 30s, 2m). Default: ${DEFAULT-VALUE}.")
    Duration waitTimeout;

    @Option(names = "--json", description = "Print the result as JSON.")
    boolean json;
}
