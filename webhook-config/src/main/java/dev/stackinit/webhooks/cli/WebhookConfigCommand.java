package dev.stackinit.webhooks.cli;

import dev.stackinit.cli.ToolCli;
import dev.stackinit.cli.VersionProvider;
import dev.stackinit.shared.Retry;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;

/** Root of {@code webhook-config}: Supabase database webhooks declared in YAML. */
@Command(
        name = "webhook-config",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = {
            "Supabase database webhooks declared in YAML: plan, apply, list, export, delete.",
            "A webhook is an AFTER ... FOR EACH ROW trigger calling supabase_functions.http_request(url, method,"
                    + " headers, params, timeout), exactly as Studio creates it."
        })
public final class WebhookConfigCommand {
    /** The subcommands, in --help order; ToolCli builds only the one a run names (see its run method). */
    static final List<Class<?>> SUBCOMMANDS = List.of(
            PlanCommand.class,
            ApplyCommand.class,
            ListCommand.class,
            ExportCommand.class,
            DeleteCommand.class,
            BootstrapCommand.class);

    static final Map<String, List<String>> ALIASES = Map.of("--database-url", List.of("DATABASE_URL"));

    final Map<String, String> env;
    final Retry retry;

    public WebhookConfigCommand(Map<String, String> env, Retry retry) {
        this.env = Map.copyOf(env);
        this.retry = retry;
    }

    public static void main(String[] args) {
        // a bare --version needs no command tree: answered before picocli builds one (about 0.1 s of start-up)
        if (VersionProvider.isBareVersionRequest(args)) {
            System.out.println(VersionProvider.line("webhook-config"));
            return;
        }
        System.exit(run(System.getenv(), args));
    }

    public static int run(Map<String, String> env, String... args) {
        return run(
                env,
                new PrintWriter(System.out, true, StandardCharsets.UTF_8),
                new PrintWriter(System.err, true, StandardCharsets.UTF_8),
                args);
    }

    public static int run(Map<String, String> env, PrintWriter out, PrintWriter err, String... args) {
        return run(new WebhookConfigCommand(env, Retry.system()), out, err, args);
    }

    /** With an injected root, so tests control waiting. */
    static int run(WebhookConfigCommand root, PrintWriter out, PrintWriter err, String... args) {
        return ToolCli.run(root, SUBCOMMANDS, root.env, out, err, ALIASES, args);
    }
}
