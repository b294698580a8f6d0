package dev.stackinit.seeder.cli;

import dev.stackinit.cli.options.JsonOption;
import dev.stackinit.cli.options.WaitTimeoutOption;
import java.time.Duration;
import picocli.CommandLine.Mixin;

/** What every mongo-seeder command shares: how long to wait for servers, and JSON output (cli-common's options). */
final class RunOptions {
    @Mixin
    WaitTimeoutOption wait;

    @Mixin
    JsonOption json;

    Duration waitTimeout() {
        return wait.get();
    }

    boolean json() {
        return json.enabled();
    }
}
