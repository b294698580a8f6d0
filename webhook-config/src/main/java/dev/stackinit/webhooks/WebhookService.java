package dev.stackinit.webhooks;

import dev.stackinit.errors.InvalidInputException;
import dev.stackinit.webhooks.PlannedChange.Action;
import java.util.ArrayList;
import java.util.List;

/**
 * Plans, applies and deletes webhooks on one database. Every check runs before the first change; the caller owns the
 * transaction, so a failure part-way leaves nothing behind once the caller rolls back.
 */
public final class WebhookService {
    static final String NOT_ENABLED =
            "database webhooks are not enabled (no supabase_functions.http_request) — run supabase-migrator's"
                    + " bootstrap or 'webhook-config bootstrap'";
    static final String NO_PG_NET = "pg_net is not installed (no net.http_post): webhooks will fire but send nothing";

    private final WebhookDatabase database;

    public WebhookService(WebhookDatabase database) {
        this.database = database;
    }

    /** The plan and the warnings, after the checks; InvalidInputException when a check fails. */
    public ApplyReport plan(List<WebhookSpec> specs, boolean prune) {
        List<String> warnings = check(specs);
        return new ApplyReport(Planner.plan(specs, database.webhooks(), prune), warnings);
    }

    public ApplyReport apply(List<WebhookSpec> specs, boolean prune) {
        List<String> warnings = check(specs);
        database.lock();
        Plan plan = Planner.plan(specs, database.webhooks(), prune);
        plan.statements().forEach(database::execute);
        return new ApplyReport(plan, warnings);
    }

    /** Drops every webhook of that name (on that table, when given); none found is "0 changes", not an error. */
    public ApplyReport delete(String name, String qualifiedTable) {
        database.lock();
        List<PlannedChange> changes = new ArrayList<>();
        for (LiveWebhook live : database.webhooks()) {
            if (live.name().equals(name) && (qualifiedTable == null || matches(live, qualifiedTable))) {
                changes.add(new PlannedChange(Action.DELETE, name, null, List.of(live), List.of()));
            }
        }
        Plan plan = new Plan(changes);
        plan.statements().forEach(database::execute);
        return new ApplyReport(plan, List.of());
    }

    public List<LiveWebhook> list() {
        return database.webhooks();
    }

    private static boolean matches(LiveWebhook live, String qualifiedTable) {
        String wanted = qualifiedTable.contains(".") ? qualifiedTable : "public." + qualifiedTable;
        return live.qualifiedTable().equals(wanted);
    }

    private List<String> check(List<WebhookSpec> specs) {
        WebhookValidator.validate(specs);
        if (!database.webhooksEnabled()) {
            throw new InvalidInputException(NOT_ENABLED);
        }
        List<String> missing = specs.stream()
                .filter(spec -> !database.tableExists(spec.schema(), spec.table()))
                .map(spec -> spec.qualifiedTable() + " (webhook " + spec.name() + ")")
                .distinct()
                .toList();
        if (!missing.isEmpty()) {
            throw new InvalidInputException("table not found: " + String.join(", ", missing));
        }
        List<String> warnings = new ArrayList<>();
        if (!database.pgNetPresent()) {
            warnings.add(NO_PG_NET);
        }
        warnings.addAll(WebhookValidator.warnings(specs));
        return warnings;
    }
}
