package dev.stackinit.webhooks;

import java.util.EnumSet;
import java.util.List;
import java.util.Map;

/** Test data: specs and the catalog rows a Studio-made trigger of the same spec would have. */
final class Specs {
    private Specs() {}

    static WebhookSpec spec(String name, String table, String url) {
        return new WebhookSpec(
                name,
                "public",
                table,
                EnumSet.of(Event.INSERT, Event.UPDATE),
                url,
                HttpMethod.POST,
                Json.object(Map.of("Content-Type", "application/json")),
                Json.object(Map.of()),
                5000);
    }

    static LiveWebhook live(WebhookSpec spec) {
        return live(spec.name(), spec.schema(), spec.table(), spec.triggerArguments());
    }

    static LiveWebhook live(String name, String schema, String table, List<String> arguments) {
        return new LiveWebhook(
                name,
                schema,
                table,
                EnumSet.of(Event.INSERT, Event.UPDATE),
                "AFTER",
                true,
                "supabase_functions",
                "http_request",
                arguments,
                true,
                false,
                "CREATE TRIGGER ...");
    }
}
