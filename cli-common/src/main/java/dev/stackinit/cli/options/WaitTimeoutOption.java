package dev.stackinit.cli.options;

import dev.stackinit.cli.DurationConverter;
import java.time.Duration;
import picocli.CommandLine.Option;

/**
 * {@code --wait-timeout}: how long to wait for what a command needs before it can start (a server to accept connections;
 * for key-generator, another run holding the stack's files), the same duration syntax in every tool.
 */
public final class WaitTimeoutOption {
    @Option(
            names = "--wait-timeout",
            paramLabel = "DURATION",
            defaultValue = "60s",
            converter = DurationConverter.NonNegative.class,
            description = "How long to wait for what the command needs (a server to accept connections, another run"
                    + " to let go of the files) before giving up: 500ms, 30s, 2m, PT1M; 0s = one attempt. Default:"
                    + " ${DEFAULT-VALUE}.")
    Duration waitTimeout;

    public Duration get() {
        return waitTimeout;
    }
}
