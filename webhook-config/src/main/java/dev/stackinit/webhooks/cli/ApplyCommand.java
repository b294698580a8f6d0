package dev.stackinit.webhooks.cli;

import dev.stackinit.cli.VerboseOption;
import dev.stackinit.cli.options.JsonOption;
import dev.stackinit.webhooks.ApplyReport;
import dev.stackinit.webhooks.WebhookSpec;
import dev.stackinit.webhooks.Webhooks;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

@Command(
        name = "apply",
        mixinStandardHelpOptions = true,
        description = {
            "Create missing webhooks, re-create changed ones and leave the rest alone, in one transaction.",
            "Undeclared webhooks are deleted only with --prune. A second apply reports 0 changes."
        })
final class ApplyCommand implements Callable<Integer> {
    @Mixin
    DeclarationOptions declarations;

    @Mixin
    ConnectionOptions connection;

    @Mixin
    AdminOptions admin;

    @Mixin
    PruneOption prune;

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
        List<WebhookSpec> specs = declarations.load(root.env);
        PrintWriter err = spec.commandLine().getErr();
        if (admin.given()) {
            BootstrapCommand.bootstrap(root, admin, connection.waitTimeout(), err);
        }
        ApplyReport report = Database.inTransaction(
                root,
                connection.target(root.env),
                connection.waitTimeout(),
                err,
                true,
                c -> Webhooks.apply(c, specs, prune.prune));
        Render.warnings(report.warnings(), err);
        if (json.enabled()) {
            Render.print(Render.json(report), Render.masked(spec.commandLine().getOut(), root.env));
        } else {
            Render.text(report, true, Render.masked(spec.commandLine().getOut(), root.env));
        }
        return 0;
    }
}
