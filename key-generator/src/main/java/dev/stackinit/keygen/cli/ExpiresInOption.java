package dev.stackinit.keygen.cli;

import dev.stackinit.cli.DurationConverter;
import java.time.Duration;
import picocli.CommandLine.Option;

/** {@code --expires-in}: the lifetime of a JWT, in the shared duration syntax. */
final class ExpiresInOption {
    @Option(
            names = "--expires-in",
            converter = DurationConverter.class,
            paramLabel = "DURATION",
            description = "Lifetime of the JWTs made: 1h, 30d, 5y, P30D. Default: 5y for generate's API keys, 1h for"
                    + " token.")
    Duration expiresIn;

    Duration orElse(Duration fallback) {
        return expiresIn == null ? fallback : expiresIn;
    }
}
