package dev.stackinit.webhooks.cli;

import dev.stackinit.cli.VerboseOption;
import dev.stackinit.cli.options.JsonOption;
import dev.stackinit.webhooks.ApplyReport;
import dev.stackinit.webhooks.WebhookService;
import dev.stackinit.webhooks.jdbc.JdbcWebhookDatabase;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

@Command(
        name = "delete",
        mixinStandardHelpOptions = true,
        description = "Delete a webhook by name (on every table, or only on --table). None found: 0 changes.")
final class DeleteCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "NAME", description = "The webhook (trigger) name.")
    String name;

    @Option(names = "--table", paramLabel = "SCHEMA.TABLE", description = "Only the webhook on this table.")
    String table;

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
        ApplyReport report = Database.inTransaction(
                root,
                connection.target(root.env),
                connection.waitTimeout(),
                spec.commandLine().getErr(),
                true,
                c -> new WebhookService(new JdbcWebhookDatabase(c)).delete(name, table));
        if (json.enabled()) {
            Render.print(Render.json(report), Render.masked(spec.commandLine().getOut(), root.env));
        } else if (report.changes() == 0) {
            spec.commandLine()
                    .getOut()
                    .println("0 changes: no webhook named " + name + (table == null ? "" : " on " + table));
        } else {
            Render.text(report, true, Render.masked(spec.commandLine().getOut(), root.env));
        }
        return 0;
    }
}
