package dev.stackinit.provision.cli;

import dev.stackinit.cli.options.JsonOption;
import dev.stackinit.cli.options.WaitTimeoutOption;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** Options shared by provision and plan. */
final class ProvisionOptions {
    @Option(
            names = {"-c", "--config"},
            paramLabel = "FILE",
            description = "The config file (sections keys, mongo, supabase); every key is also "
                    + "STACK_INIT_<SECTION>_<KEY>. Relative paths in it start at its folder.")
    Path config;

    @Option(
            names = "--embedded",
            description = "Provision an embedded PostgreSQL 15 and the in-process MongoDB stand-in with the samples.")
    boolean embedded;

    @Mixin
    JsonOption json;

    /** Given on the command line or as STACK_INIT_WAIT_TIMEOUT: every step's wait, whatever the config says. */
    @Mixin
    WaitTimeoutOption wait;

    @Spec(Spec.Target.MIXEE)
    CommandSpec command;

    /** The --wait-timeout that overrides the config's wait_timeout, when one was given. */
    Optional<Duration> waitOverride(Map<String, String> env) {
        String fromEnv = env.get("STACK_INIT_WAIT_TIMEOUT");
        boolean given = command.commandLine().getParseResult().hasMatchedOption("--wait-timeout")
                || fromEnv != null && !fromEnv.isEmpty();
        return given ? Optional.of(wait.get()) : Optional.empty();
    }
}
