package dev.stackinit.webhooks;

import java.util.List;

/**
 * One line of a plan.
 *
 * @param desired the declaration, null for DELETE and KEPT
 * @param current the live triggers of that name, dropped by UPDATE and DELETE
 * @param differences for UPDATE: what changes, for people
 */
public record PlannedChange(
        Action action, String name, WebhookSpec desired, List<LiveWebhook> current, List<String> differences) {

    public enum Action {
        CREATE,
        UPDATE,
        DELETE,
        UNCHANGED,
        /** Undeclared and left alone because the plan does not prune. */
        KEPT;

        public boolean changes() {
            return this == CREATE || this == UPDATE || this == DELETE;
        }
    }

    public PlannedChange {
        current = List.copyOf(current);
        differences = List.copyOf(differences);
    }

    /** The table the webhook is (or will be) on, for people. */
    public String table() {
        return desired != null ? desired.qualifiedTable() : current.get(0).qualifiedTable();
    }
}
