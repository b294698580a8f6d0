package dev.stackinit.webhooks.cli;

import dev.stackinit.cli.VerboseOption;
import dev.stackinit.cli.options.JsonOption;
import dev.stackinit.webhooks.ApplyReport;
import dev.stackinit.webhooks.WebhookSpec;
import dev.stackinit.webhooks.Webhooks;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

@Command(
        name = "plan",
        mixinStandardHelpOptions = true,
        description = "Show what apply would create, update and delete; changes nothing.")
final class PlanCommand implements Callable<Integer> {
    @Mixin
    DeclarationOptions declarations;

    @Mixin
    ConnectionOptions connection;

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
        var err = spec.commandLine().getErr();
        ApplyReport report = Database.inTransaction(
                root,
                connection.target(root.env),
                connection.waitTimeout(),
                err,
                false,
                c -> Webhooks.plan(c, specs, prune.prune));
        Render.warnings(report.warnings(), err);
        if (json.enabled()) {
            Render.print(Render.json(report), Render.masked(spec.commandLine().getOut(), root.env));
        } else {
            Render.text(report, false, Render.masked(spec.commandLine().getOut(), root.env));
        }
        return 0;
    }
}
