package dev.stackinit.migrator.pull;

import dev.stackinit.webhooks.LiveWebhook;
import dev.stackinit.webhooks.UrlRewrite;
import dev.stackinit.webhooks.WebhookSpec;
import dev.stackinit.webhooks.jdbc.JdbcWebhookDatabase;
import java.sql.Connection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Turns a trigger calling {@code supabase_functions.http_request(url, method, headers, params, timeout)} into a
 * webhook-config declaration, read through webhook-config's own catalog reader. Only when applying the declaration
 * gives back the very same trigger (AFTER, row level, enabled, no WHEN / UPDATE OF, and the same five argument texts):
 * anything else is kept as SQL, so a pulled schema always reproduces its source.
 */
final class WebhookParser {
    private final Map<String, LiveWebhook> live = new HashMap<>();
    private final List<UrlRewrite> rewrites;

    private WebhookParser(List<LiveWebhook> webhooks, List<UrlRewrite> rewrites) {
        webhooks.forEach(hook -> live.put(key(hook.schema(), hook.table(), hook.name()), hook));
        this.rewrites = List.copyOf(rewrites);
    }

    /** Reads the live webhooks on the caller's connection and transaction. */
    static WebhookParser read(Connection connection, List<UrlRewrite> rewrites) {
        return new WebhookParser(new JdbcWebhookDatabase(connection).webhooks(), rewrites);
    }

    /**
     * The declaration for trigger {@code name} on {@code table} ({@code enabled} is pg_trigger.tgenabled), with the URL
     * rewrites applied; empty when a declaration cannot reproduce it.
     */
    Optional<WebhookSpec> declaration(Name table, String name, char enabled) {
        LiveWebhook hook = live.get(key(table.schema(), table.name(), name));
        // webhook-config's own rule (shared with export): AFTER, row level, enabled, no WHEN / UPDATE OF, Studio's
        // five argument texts; 'O' because a trigger enabled only for replicas or always is not what apply writes
        if (hook == null || enabled != 'O' || hook.whyNotDeclarable().isPresent()) {
            return Optional.empty();
        }
        return Optional.of(UrlRewrite.applyFirst(rewrites, hook.toSpec()));
    }

    private static String key(String schema, String table, String name) {
        return schema + "\0" + table + "\0" + name;
    }
}
