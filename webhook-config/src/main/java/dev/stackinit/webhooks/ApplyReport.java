package dev.stackinit.webhooks;

import dev.stackinit.webhooks.PlannedChange.Action;
import java.util.List;

/** What an apply (or delete) did: the plan it carried out and the warnings found on the way. */
public record ApplyReport(Plan plan, List<String> warnings) {
    public ApplyReport {
        warnings = List.copyOf(warnings);
    }

    public List<String> created() {
        return plan.names(Action.CREATE);
    }

    public List<String> updated() {
        return plan.names(Action.UPDATE);
    }

    public List<String> deleted() {
        return plan.names(Action.DELETE);
    }

    public List<String> unchanged() {
        return plan.names(Action.UNCHANGED);
    }

    /** Undeclared webhooks left in place because pruning was off. */
    public List<String> kept() {
        return plan.names(Action.KEPT);
    }

    public int changes() {
        return plan.changeCount();
    }

    /** {@code "1 change (1 created), 2 unchanged"}; a second apply says {@code "0 changes, 3 unchanged"}. */
    public String summary() {
        return plan.summary("done");
    }
}
