package dev.stackinit.webhooks;

import dev.stackinit.webhooks.PlannedChange.Action;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Compares declarations with live webhooks (pure). A webhook is identified by its name, as in Studio: a declared name
 * found on another table is moved (an update), and extra live triggers of a declared name are dropped with it.
 */
public final class Planner {
    private Planner() {}

    public static Plan plan(List<WebhookSpec> desired, List<LiveWebhook> live, boolean prune) {
        Map<String, List<LiveWebhook>> byName = new LinkedHashMap<>();
        for (LiveWebhook webhook : live) {
            byName.computeIfAbsent(webhook.name(), name -> new ArrayList<>()).add(webhook);
        }
        List<PlannedChange> changes = new ArrayList<>();
        for (WebhookSpec spec : desired) {
            List<LiveWebhook> current = byName.remove(spec.name());
            changes.add(current == null ? create(spec) : compare(spec, current));
        }
        for (List<LiveWebhook> undeclared : byName.values()) {
            for (LiveWebhook webhook : undeclared) {
                changes.add(new PlannedChange(
                        prune ? Action.DELETE : Action.KEPT, webhook.name(), null, List.of(webhook), List.of()));
            }
        }
        return new Plan(changes);
    }

    private static PlannedChange create(WebhookSpec spec) {
        return new PlannedChange(Action.CREATE, spec.name(), spec, List.of(), List.of());
    }

    private static PlannedChange compare(WebhookSpec spec, List<LiveWebhook> current) {
        LiveWebhook sameTable = current.stream()
                .filter(live ->
                        live.schema().equals(spec.schema()) && live.table().equals(spec.table()))
                .findFirst()
                .orElse(current.get(0));
        List<String> differences = new ArrayList<>(Differences.between(spec, sameTable));
        for (LiveWebhook other : current) {
            if (other != sameTable) {
                differences.add("also on " + other.qualifiedTable() + " (dropped)");
            }
        }
        Action action = differences.isEmpty() ? Action.UNCHANGED : Action.UPDATE;
        return new PlannedChange(action, spec.name(), spec, current, differences);
    }
}
