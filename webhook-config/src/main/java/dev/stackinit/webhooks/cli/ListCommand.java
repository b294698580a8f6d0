package dev.stackinit.webhooks.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.stackinit.cli.VerboseOption;
import dev.stackinit.cli.options.JsonOption;
import dev.stackinit.cli.options.UrlRewriteOption;
import dev.stackinit.webhooks.Event;
import dev.stackinit.webhooks.LiveWebhook;
import dev.stackinit.webhooks.Masking;
import dev.stackinit.webhooks.UrlRewrite;
import dev.stackinit.webhooks.UrlSafety;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

@Command(
        name = "list",
        mixinStandardHelpOptions = true,
        description = "List the webhooks in the database (every trigger calling a supabase_functions function).")
final class ListCommand implements Callable<Integer> {
    @Mixin
    ConnectionOptions connection;

    @Mixin
    JsonOption json;

    @Mixin
    UrlRewriteOption rewrite;

    @Mixin
    VerboseOption verbose;

    @ParentCommand
    WebhookConfigCommand root;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        List<UrlRewrite> urlRewrites = DeclarationOptions.parseRewrites(rewrite.rules());
        List<LiveWebhook> webhooks =
                LiveReader.read(root, connection, spec.commandLine().getErr());
        PrintWriter out = Render.masked(spec.commandLine().getOut(), root.env);
        if (json.enabled()) {
            ArrayNode array = Render.JSON.createArrayNode();
            webhooks.forEach(webhook -> array.add(json(webhook, urlRewrites)));
            Render.print(array, out);
            return 0;
        }
        List<List<String>> rows = new ArrayList<>();
        rows.add(List.of("NAME", "TABLE", "EVENTS", "METHOD", "URL", "TIMEOUT", "ENABLED"));
        for (LiveWebhook webhook : webhooks) {
            rows.add(List.of(
                    webhook.name(),
                    webhook.qualifiedTable(),
                    webhook.events().stream().map(Event::name).collect(Collectors.joining(",")),
                    String.valueOf(argument(webhook, 1)),
                    UrlSafety.masked(UrlRewrite.applyFirst(urlRewrites, String.valueOf(argument(webhook, 0)))),
                    String.valueOf(argument(webhook, 4)),
                    webhook.enabled() ? "yes" : "no"));
        }
        Table.print(rows, out);
        out.println(webhooks.size() + (webhooks.size() == 1 ? " webhook" : " webhooks"));
        return 0;
    }

    private static String argument(LiveWebhook webhook, int index) {
        return index < webhook.arguments().size() ? webhook.arguments().get(index) : null;
    }

    private static ObjectNode json(LiveWebhook webhook, List<UrlRewrite> rewrites) {
        ObjectNode node = Render.JSON.createObjectNode();
        node.put("name", webhook.name());
        node.put("schema", webhook.schema());
        node.put("table", webhook.table());
        webhook.events().forEach(event -> node.withArray("events").add(event.name()));
        node.put("timing", webhook.timing());
        node.put("for_each_row", webhook.forEachRow());
        node.put("function", webhook.function());
        node.put("enabled", webhook.enabled());
        ArrayNode arguments = node.putArray("arguments");
        for (int i = 0; i < webhook.arguments().size(); i++) {
            String value = webhook.arguments().get(i);
            arguments.add(
                    switch (i) {
                        case 0 -> UrlSafety.masked(UrlRewrite.applyFirst(rewrites, value));
                        case 2, 3 -> Masking.objectText(value);
                        default -> value;
                    });
        }
        try {
            node.set("webhook", Render.spec(UrlRewrite.applyFirst(rewrites, webhook.toSpec())));
        } catch (RuntimeException notExpressible) {
            node.put("not_a_studio_webhook", notExpressible.getMessage());
        }
        return node;
    }
}
