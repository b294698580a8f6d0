package dev.stackinit.webhooks;

import java.util.stream.Collectors;

/** The statements Studio runs for a webhook, built only from quoted identifiers and literals. */
public final class TriggerSql {
    public static final String FUNCTION = "supabase_functions.http_request";

    private TriggerSql() {}

    /**
     * {@code CREATE TRIGGER name AFTER INSERT OR UPDATE ON schema.table FOR EACH ROW EXECUTE FUNCTION
     * supabase_functions.http_request('url', 'POST', '{headers}', '{params}', '5000')}.
     */
    public static String create(WebhookSpec spec) {
        String events = spec.events().stream().map(Event::name).collect(Collectors.joining(" OR "));
        String arguments =
                spec.triggerArguments().stream().map(SqlQuoting::literal).collect(Collectors.joining(", "));
        return "CREATE TRIGGER " + SqlQuoting.ident(spec.name()) + " AFTER " + events + " ON "
                + SqlQuoting.qualified(spec.schema(), spec.table()) + " FOR EACH ROW EXECUTE FUNCTION " + FUNCTION
                + "(" + arguments + ")";
    }

    public static String drop(LiveWebhook webhook) {
        return "DROP TRIGGER " + SqlQuoting.ident(webhook.name()) + " ON "
                + SqlQuoting.qualified(webhook.schema(), webhook.table());
    }
}
