package dev.stackinit.seeder.cli;

import dev.stackinit.cli.DurationConverter;
import java.time.Duration;
import picocli.CommandLine.Option;

/** Replica-set options, shared by rs-init and init. */
final class RsOptions {
    @Option(
            names = "--set-name",
            defaultValue = "rs0",
            description = "Replica-set name; must equal mongod's --replSet. Default: ${DEFAULT-VALUE}.")
    String setName;

    @Option(
            names = "--member-host",
            description = "host:port the member is registered under. Default: the first host of --target-uri.")
    String memberHost;

    @Option(names = "--force-reconfig", description = "Replace the member host when it no longer maps to this node.")
    boolean forceReconfig;

    @Option(
            names = "--timeout",
            defaultValue = "60s",
            converter = DurationConverter.class,
            description = "How long to wait for a writable primary after initiation. Default: ${DEFAULT-VALUE}.")
    Duration primaryTimeout;
}
