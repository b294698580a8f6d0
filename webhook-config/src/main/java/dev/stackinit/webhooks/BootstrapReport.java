package dev.stackinit.webhooks;

import java.util.List;

/** What the bootstrap changed, one line per step that was needed; empty when everything was already in place. */
public record BootstrapReport(List<String> actions, List<String> warnings) {
    public BootstrapReport {
        actions = List.copyOf(actions);
        warnings = List.copyOf(warnings);
    }

    public boolean changed() {
        return !actions.isEmpty();
    }

    public String summary() {
        return changed()
                ? "database webhooks enabled: " + actions.size() + " step(s) run"
                : "database webhooks already enabled: 0 changes";
    }
}
