package dev.stackinit.webhooks;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What differs between a declaration and a live trigger, compared by meaning: events as a set (PostgreSQL reorders
 * them), headers and params as JSON, the timeout as a number. Values are masked for display.
 */
final class Differences {
    private Differences() {}

    static List<String> between(WebhookSpec spec, LiveWebhook live) {
        List<String> differences = new ArrayList<>();
        if (!spec.schema().equals(live.schema()) || !spec.table().equals(live.table())) {
            differences.add("table " + live.qualifiedTable() + " → " + spec.qualifiedTable());
        }
        if (!spec.events().equals(live.events())) {
            differences.add("events " + live.events() + " → " + spec.events());
        }
        if (!live.timing().equals("AFTER") || !live.forEachRow() || live.extraClauses()) {
            differences.add("trigger form " + live.timing() + (live.forEachRow() ? " ROW" : " STATEMENT")
                    + (live.extraClauses() ? " with conditions" : "") + " → AFTER ROW");
        }
        if (!live.function().equals(TriggerSql.FUNCTION)) {
            differences.add("function " + live.function() + " → " + TriggerSql.FUNCTION);
        }
        if (live.arguments().size() != 5) {
            differences.add(live.arguments().size() + " arguments → 5");
        }
        compare(differences, "url", live.argument(0), spec.url(), UrlSafety.masked(spec.url()));
        compare(
                differences,
                "method",
                live.argument(1),
                spec.method().name(),
                spec.method().name());
        compareJson(differences, "headers", live.argument(2), spec.headers(), true);
        compareJson(differences, "params", live.argument(3), spec.params(), true);
        if (!sameTimeout(live.argument(4), spec.timeoutMs())) {
            differences.add("timeout_ms " + (live.argument(4) == null ? "(none)" : live.argument(4)) + " → "
                    + spec.timeoutMs());
        }
        return differences;
    }

    private static void compare(List<String> differences, String what, String live, String wanted, String shown) {
        if (!wanted.equals(live)) {
            differences.add(what + " " + (live == null ? "(none)" : UrlSafety.masked(live)) + " → " + shown);
        }
    }

    private static void compareJson(
            List<String> differences, String what, String live, ObjectNode wanted, boolean mask) {
        Optional<ObjectNode> current = Json.parseObject(live);
        if (current.isPresent() && current.get().equals(wanted)) {
            return;
        }
        String before = current.map(node -> Json.compact(mask ? Headers.masked(node) : node))
                .orElse(live == null ? "(none)" : "(not a JSON object)");
        differences.add(what + " " + before + " → " + Json.compact(mask ? Headers.masked(wanted) : wanted));
    }

    private static boolean sameTimeout(String live, int wanted) {
        try {
            return live != null && Integer.parseInt(live.trim()) == wanted;
        } catch (NumberFormatException e) {
            return false;
        }
    }
}
