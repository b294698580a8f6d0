package dev.stackinit.webhooks;

import dev.stackinit.webhooks.PlannedChange.Action;
import java.util.ArrayList;
import java.util.List;

/** The changes that bring the database to the declarations, in the order they run. */
public record Plan(List<PlannedChange> changes) {
    public Plan {
        changes = List.copyOf(changes);
    }

    public List<String> names(Action action) {
        return changes.stream()
                .filter(change -> change.action() == action)
                .map(PlannedChange::name)
                .toList();
    }

    public int changeCount() {
        return (int)
                changes.stream().filter(change -> change.action().changes()).count();
    }

    /** Drop and create statements; nothing for UNCHANGED and KEPT. */
    public List<String> statements() {
        List<String> statements = new ArrayList<>();
        for (PlannedChange change : changes) {
            if (change.action() == Action.UPDATE || change.action() == Action.DELETE) {
                change.current().forEach(live -> statements.add(TriggerSql.drop(live)));
            }
            if (change.action() == Action.CREATE || change.action() == Action.UPDATE) {
                statements.add(TriggerSql.create(change.desired()));
            }
        }
        return statements;
    }

    /** {@code "2 changes (1 to create, 1 to update), 3 unchanged"} or {@code "0 changes, 3 unchanged"}. */
    public String summary(String tense) {
        List<String> parts = new ArrayList<>();
        addPart(parts, Action.CREATE, tense.equals("done") ? "created" : "to create");
        addPart(parts, Action.UPDATE, tense.equals("done") ? "updated" : "to update");
        addPart(parts, Action.DELETE, tense.equals("done") ? "deleted" : "to delete");
        String text = changeCount()
                + (changeCount() == 1 ? " change" : " changes")
                + (parts.isEmpty() ? "" : " (" + String.join(", ", parts) + ")");
        text += ", " + names(Action.UNCHANGED).size() + " unchanged";
        if (!names(Action.KEPT).isEmpty()) {
            text += ", " + names(Action.KEPT).size() + " undeclared kept (use --prune to delete)";
        }
        return text;
    }

    private void addPart(List<String> parts, Action action, String label) {
        int count = names(action).size();
        if (count > 0) {
            parts.add(count + " " + label);
        }
    }
}
