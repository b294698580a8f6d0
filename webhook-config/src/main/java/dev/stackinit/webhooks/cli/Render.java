package dev.stackinit.webhooks.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.stackinit.cli.MaskingWriter;
import dev.stackinit.shared.SecretMasker;
import dev.stackinit.webhooks.ApplyReport;
import dev.stackinit.webhooks.Event;
import dev.stackinit.webhooks.Headers;
import dev.stackinit.webhooks.Masking;
import dev.stackinit.webhooks.PlannedChange;
import dev.stackinit.webhooks.UrlSafety;
import dev.stackinit.webhooks.WebhookSpec;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/** Plans and reports as text or JSON, masked by {@link Masking}'s one rule for URLs, params and headers. */
final class Render {
    static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private Render() {}

    static void text(ApplyReport report, boolean done, PrintWriter out) {
        for (PlannedChange change : report.plan().changes()) {
            out.println(line(change, done));
        }
        out.println(report.plan().summary(done ? "done" : "plan"));
    }

    /**
     * Stdout for people, masked like stderr: besides the names {@link Masking} knows, any value of an environment
     * variable named like a secret (a token substituted into a URL path, where no name says it is one).
     */
    static PrintWriter masked(PrintWriter out, java.util.Map<String, String> env) {
        return new PrintWriter(new MaskingWriter(out, SecretMasker.fromEnv(env)), true);
    }

    static void warnings(List<String> warnings, PrintWriter err) {
        warnings.forEach(warning -> err.println("webhook-config: warning: " + warning));
    }

    private static String line(PlannedChange change, boolean done) {
        String label = switch (change.action()) {
            case CREATE -> done ? "+ created  " : "+ create   ";
            case UPDATE -> done ? "~ updated  " : "~ update   ";
            case DELETE -> done ? "- deleted  " : "- delete   ";
            case UNCHANGED -> "= unchanged";
            case KEPT -> "! undeclared, kept";
        };
        String text = label + " " + change.name() + " on " + change.table();
        if (change.action() == PlannedChange.Action.CREATE) {
            text += ": " + describe(change.desired());
        } else if (!change.differences().isEmpty()) {
            text += ": " + String.join("; ", change.differences());
        }
        return text;
    }

    static String describe(WebhookSpec spec) {
        return spec.events().stream().map(Event::name).collect(Collectors.joining(" OR ")) + " → " + spec.method() + " "
                + UrlSafety.masked(spec.url()) + " (" + spec.timeoutMs() + " ms)";
    }

    static ObjectNode json(ApplyReport report) {
        ObjectNode root = JSON.createObjectNode();
        ArrayNode changes = root.putArray("changes");
        for (PlannedChange change : report.plan().changes()) {
            ObjectNode node = changes.addObject();
            node.put("action", change.action().name().toLowerCase(Locale.ROOT));
            node.put("name", change.name());
            node.put("table", change.table());
            change.differences().forEach(node.withArray("differences")::add);
            if (change.desired() != null) {
                node.set("webhook", spec(change.desired()));
            }
        }
        ObjectNode summary = root.putObject("summary");
        summary.put("changes", report.changes());
        summary.put("created", report.created().size());
        summary.put("updated", report.updated().size());
        summary.put("deleted", report.deleted().size());
        summary.put("unchanged", report.unchanged().size());
        summary.put("kept", report.kept().size());
        report.warnings().forEach(root.putArray("warnings")::add);
        return root;
    }

    static ObjectNode json(dev.stackinit.webhooks.BootstrapReport report) {
        ObjectNode root = JSON.createObjectNode();
        report.actions().forEach(root.putArray("actions")::add);
        root.put("changed", report.changed());
        root.put("summary", report.summary());
        report.warnings().forEach(root.putArray("warnings")::add);
        return root;
    }

    static ObjectNode spec(WebhookSpec spec) {
        ObjectNode node = JSON.createObjectNode();
        node.put("name", spec.name());
        node.put("schema", spec.schema());
        node.put("table", spec.table());
        ArrayNode events = node.putArray("events");
        spec.events().forEach(event -> events.add(event.name()));
        node.put("url", UrlSafety.masked(spec.url()));
        node.put("method", spec.method().name());
        node.set("headers", Headers.masked(spec.headers()));
        node.set("params", Masking.object(spec.params()));
        node.put("timeout_ms", spec.timeoutMs());
        return node;
    }

    static void print(Object json, PrintWriter out) {
        try {
            out.println(JSON.writeValueAsString(json));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write JSON", e);
        }
    }
}
