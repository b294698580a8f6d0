package dev.stackinit.seeder.cli;

import dev.stackinit.cli.ToolCli;
import dev.stackinit.cli.VersionProvider;
import dev.stackinit.shared.Retry;
import java.io.PrintWriter;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;

/** Root of the mongo-seeder tool; holds what subcommands need injected (env, clock, retry, terminal or not). */
@Command(
        name = "mongo-seeder",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "MongoDB for the stack: replica-set initiation, clone from production, seed export and import.")
public final class MongoSeederCommand {
    /** The subcommands, in --help order; ToolCli builds only the one a run names (see its run method). */
    static final List<Class<?>> SUBCOMMANDS = List.of(
            RsInitCommand.class, CloneCommand.class, ExportCommand.class, ImportCommand.class, InitCommand.class);

    /** Standard names the stack already uses. */
    static final Map<String, List<String>> ALIASES = Map.of(
            "--target-uri", List.of("MONGODB_URI"),
            "--source-uri", List.of("MONGODB_SOURCE_URI"));

    final Map<String, String> env;
    final Clock clock;
    final Retry retry;
    final boolean terminal;

    public MongoSeederCommand(Map<String, String> env, Clock clock, Retry retry, boolean terminal) {
        this.env = Map.copyOf(env);
        this.clock = clock;
        this.retry = retry;
        this.terminal = terminal;
    }

    public static void main(String[] args) {
        // a bare --version needs no command tree: answered before picocli builds one (about 0.1 s of start-up)
        if (VersionProvider.isBareVersionRequest(args)) {
            System.out.println(VersionProvider.line("mongo-seeder"));
            return;
        }
        System.exit(run(System.getenv(), args));
    }

    public static int run(Map<String, String> env, String... args) {
        PrintWriter out = new PrintWriter(System.out, true);
        PrintWriter err = new PrintWriter(System.err, true);
        return ToolCli.run(
                new MongoSeederCommand(env, Clock.systemUTC(), Retry.system(), System.console() != null),
                SUBCOMMANDS,
                env,
                out,
                err,
                ALIASES,
                args);
    }

    public static int run(Map<String, String> env, PrintWriter out, PrintWriter err, String... args) {
        return ToolCli.run(
                new MongoSeederCommand(env, Clock.systemUTC(), Retry.system(), false),
                SUBCOMMANDS,
                env,
                out,
                err,
                ALIASES,
                args);
    }
}
