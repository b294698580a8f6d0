package dev.stackinit.keygen.cli;

import dev.stackinit.cli.ToolCli;
import dev.stackinit.cli.VersionProvider;
import dev.stackinit.keygen.RandomText;
import java.io.PrintWriter;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

@Command(
        name = "key-generator",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = {
            "Secrets and API keys for a self-hosted Supabase stack: generate them, write them into .env files and "
                    + "their mapped copies, verify them, mint test tokens.",
            "First run: key-generator generate --env-file .env"
        })
public final class KeyGeneratorCommand implements Callable<Integer> {
    /** The subcommands, in --help order; ToolCli builds only the one a run names (see its run method). */
    static final List<Class<?>> SUBCOMMANDS = List.of(GenerateCommand.class, VerifyCommand.class, TokenCommand.class);

    /** Standard variable names the stack already uses. */
    static final Map<String, List<String>> ALIASES = Map.of(
            "--jwt-secret", List.of("JWT_SECRET"),
            "--jwt-secret-file", List.of("JWT_SECRET_FILE"));

    private final Map<String, String> env;
    private final Clock clock;
    private final SecureRandom random;

    @Spec
    CommandSpec spec;

    public KeyGeneratorCommand(Map<String, String> env, Clock clock, SecureRandom random) {
        this.env = Map.copyOf(env);
        this.clock = clock;
        this.random = random;
    }

    public static void main(String[] args) {
        // a bare --version needs no command tree: answered before picocli builds one (about 0.1 s of start-up)
        if (VersionProvider.isBareVersionRequest(args)) {
            System.out.println(VersionProvider.line("key-generator"));
            return;
        }
        System.exit(run(System.getenv(), args));
    }

    public static int run(Map<String, String> env, String... args) {
        return run(env, new PrintWriter(System.out, true), new PrintWriter(System.err, true), args);
    }

    public static int run(Map<String, String> env, PrintWriter out, PrintWriter err, String... args) {
        return run(env, Clock.systemUTC(), new SecureRandom(), out, err, args);
    }

    /** For tests: a fixed clock and a seeded random make every run reproducible. */
    public static int run(
            Map<String, String> env,
            Clock clock,
            SecureRandom random,
            PrintWriter out,
            PrintWriter err,
            String... args) {
        return ToolCli.run(new KeyGeneratorCommand(env, clock, random), SUBCOMMANDS, env, out, err, ALIASES, args);
    }

    @Override
    public Integer call() {
        throw new ParameterException(spec.commandLine(), "Missing command: generate, verify or token");
    }

    Map<String, String> env() {
        return env;
    }

    Clock clock() {
        return clock;
    }

    RandomText random() {
        return new RandomText(random);
    }
}
