package dev.stackinit.provision.cli;

import dev.stackinit.cli.options.JsonOption;
import java.nio.file.Path;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** Options shared by provision and plan. */
final class ProvisionOptions {
    @Option(
            names = {"-c", "--config"},
            paramLabel = "<yaml>",
            description = "The config file (sections keys, mongo, supabase); every key is also "
                    + "STACK_INIT_<SECTION>_<KEY>. Relative paths in it start at its folder.")
    Path config;

    @Option(
            names = "--embedded",
            description = "Provision an embedded PostgreSQL 15 and the in-process MongoDB stand-in with the samples.")
    boolean embedded;

    @Mixin
    JsonOption json;
}
