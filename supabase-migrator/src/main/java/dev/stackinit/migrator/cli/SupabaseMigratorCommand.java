package dev.stackinit.migrator.cli;

import dev.stackinit.cli.ToolCli;
import dev.stackinit.cli.VersionProvider;
import java.io.PrintWriter;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;

/** Root of {@code supabase-migrator}: holds what subcommands need injected (environment, clock). */
@Command(
        name = "supabase-migrator",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = {
            "Applies a Supabase schema from files, in order, exactly once: bootstrap → supabase/migrations → tables →"
                    + " functions → triggers → webhooks → seed; pull writes those files from a live database, diff finds what"
                    + " changed since.",
        },
        subcommands = {
            NewCommand.class,
            MigrateCommand.class,
            InfoCommand.class,
            ValidateCommand.class,
            RepairCommand.class,
            BaselineCommand.class,
            CleanCommand.class,
            ResetCommand.class,
            PullCommand.class,
            DiffCommand.class
        })
public final class SupabaseMigratorCommand {
    /** Standard variable names besides SUPABASE_MIGRATOR_*. */
    static final Map<String, List<String>> ALIASES = Map.of(
            "--database-url", List.of("DATABASE_URL"),
            "--migrations-dir", List.of("MIGRATIONS_DIR"));

    private final Map<String, String> env;
    private final Clock clock;

    public SupabaseMigratorCommand(Map<String, String> env, Clock clock) {
        this.env = Map.copyOf(env);
        this.clock = clock;
    }

    public static void main(String[] args) {
        if (VersionProvider.isBareVersionRequest(args)) {
            System.out.println(VersionProvider.line("supabase-migrator"));
            return;
        }
        System.exit(run(System.getenv(), args));
    }

    public static int run(Map<String, String> env, String... args) {
        return run(env, new PrintWriter(System.out, true), new PrintWriter(System.err, true), args);
    }

    public static int run(Map<String, String> env, PrintWriter out, PrintWriter err, String... args) {
        return ToolCli.run(new SupabaseMigratorCommand(env, Clock.systemUTC()), env, out, err, ALIASES, args);
    }

    Map<String, String> env() {
        return env;
    }

    Clock clock() {
        return clock;
    }
}
