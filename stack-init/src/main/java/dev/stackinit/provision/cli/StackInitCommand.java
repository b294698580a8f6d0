package dev.stackinit.provision.cli;

import dev.stackinit.cli.EnvironmentReader;
import dev.stackinit.cli.ToolCli;
import dev.stackinit.cli.VersionProvider;
import dev.stackinit.provision.io.ConfigLoader;
import java.io.PrintWriter;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Map;
import java.util.Set;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** stack-init: the whole provisioning sequence from one config, with an embedded mode that needs no Docker. */
@Command(
        name = "stack-init",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "Provisions a Supabase + MongoDB stack: keys, replica set and data, schema and webhooks.",
        subcommands = {ProvisionCommand.class, PlanCommand.class})
public final class StackInitCommand implements EnvironmentReader {
    private final Map<String, String> env;
    private final Clock clock;
    private final SecureRandom random;

    @Spec
    CommandSpec spec;

    StackInitCommand(Map<String, String> env, Clock clock, SecureRandom random) {
        this.env = env;
        this.clock = clock;
        this.random = random;
    }

    public static void main(String[] args) {
        if (VersionProvider.isBareVersionRequest(args)) {
            System.out.println(VersionProvider.line("stack-init"));
            return;
        }
        System.exit(run(System.getenv(), args));
    }

    public static int run(Map<String, String> env, String... args) {
        return run(env, new PrintWriter(System.out, true), new PrintWriter(System.err, true), args);
    }

    public static int run(Map<String, String> env, PrintWriter out, PrintWriter err, String... args) {
        StackInitCommand root = new StackInitCommand(env, Clock.systemUTC(), new SecureRandom());
        return ToolCli.run(root, env, out, err, Map.of(), args);
    }

    /** The config keys' variables (STACK_INIT_<SECTION>_<KEY>): read by the config loader, not by options. */
    @Override
    public Set<String> variablesRead() {
        return ConfigLoader.variables();
    }

    Map<String, String> env() {
        return env;
    }

    Clock clock() {
        return clock;
    }

    SecureRandom random() {
        return random;
    }
}
