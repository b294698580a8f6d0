package dev.stackinit.webhooks.cli;

import dev.stackinit.cli.VerboseOption;
import dev.stackinit.cli.options.JsonOption;
import dev.stackinit.webhooks.BootstrapReport;
import dev.stackinit.webhooks.Webhooks;
import dev.stackinit.webhooks.jdbc.DatabaseTarget;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

@Command(
        name = "bootstrap",
        mixinStandardHelpOptions = true,
        description = {
            "Enable database webhooks: role supabase_functions_admin, schema supabase_functions (hooks, migrations),"
                    + " the http_request() trigger function, pg_net where available, and their grants.",
            "Needs a superuser (supabase_admin): --admin-url, else --database-url. Idempotent."
        })
final class BootstrapCommand implements Callable<Integer> {
    @Mixin
    AdminOptions admin;

    @Mixin
    ConnectionOptions connection;

    @Mixin
    JsonOption json;

    @Mixin
    VerboseOption verbose;

    @ParentCommand
    WebhookConfigCommand root;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        DatabaseTarget target = admin.given() ? admin.target(root.env) : connection.target(root.env);
        BootstrapReport report =
                run(root, target, connection.waitTimeout(), spec.commandLine().getErr());
        PrintWriter out = spec.commandLine().getOut();
        if (json.enabled()) {
            Render.print(Render.json(report), out);
            return 0;
        }
        report.actions().forEach(action -> out.println("+ " + action));
        out.println(report.summary());
        return 0;
    }

    /** Used by apply --admin-url: progress goes to stderr so apply's stdout stays its report. */
    static void bootstrap(WebhookConfigCommand root, AdminOptions admin, Duration waitTimeout, PrintWriter err) {
        BootstrapReport report = run(root, admin.target(root.env), waitTimeout, err);
        report.actions().forEach(action -> err.println("webhook-config: bootstrap: " + action));
        err.println("webhook-config: " + report.summary());
    }

    private static BootstrapReport run(
            WebhookConfigCommand root, DatabaseTarget target, Duration waitTimeout, PrintWriter err) {
        BootstrapReport report = Database.inTransaction(root, target, waitTimeout, err, true, Webhooks::bootstrap);
        Render.warnings(report.warnings(), err);
        return report;
    }
}
