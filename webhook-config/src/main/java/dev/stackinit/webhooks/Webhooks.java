package dev.stackinit.webhooks;

import dev.stackinit.webhooks.jdbc.JdbcWebhookDatabase;
import dev.stackinit.webhooks.jdbc.WebhookBootstrap;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.List;
import java.util.Map;

/**
 * The library face of webhook-config, for tools that embed it (supabase-migrator's {@code webhooks/} phase).
 *
 * <pre>{@code
 * List<WebhookSpec> specs = Webhooks.load(files, System.getenv(), List.of());
 * ApplyReport report = Webhooks.apply(connection, specs, false); // inside the caller's transaction
 * }</pre>
 */
public final class Webhooks {
    private Webhooks() {}

    /**
     * Loads and merges YAML declaration files with {@code ${VAR}} / {@code ${VAR:-default}} substitution from env,
     * applies the URL rewrites and validates the result; InvalidInputException on any error (a name declared twice in
     * any of the files included).
     */
    public static List<WebhookSpec> load(List<Path> files, Map<String, String> env, List<UrlRewrite> rewrites) {
        List<WebhookSpec> specs = new DeclarationLoader(new Substitution(env))
                .load(files).stream()
                        .map(spec -> UrlRewrite.applyFirst(rewrites, spec))
                        .toList();
        WebhookValidator.validate(specs);
        return specs;
    }

    /**
     * Computes and applies the plan on the caller's connection, inside the caller's transaction (never commits or
     * rolls back). Deletes undeclared webhooks only when {@code prune}. InvalidInputException when a check fails
     * (webhooks not enabled, table missing, invalid spec), RejectedException when the database refuses a statement.
     */
    public static ApplyReport apply(Connection connection, List<WebhookSpec> specs, boolean prune) {
        return new WebhookService(new JdbcWebhookDatabase(connection)).apply(specs, prune);
    }

    /** The plan without changing anything. */
    public static ApplyReport plan(Connection connection, List<WebhookSpec> specs, boolean prune) {
        return new WebhookService(new JdbcWebhookDatabase(connection)).plan(specs, prune);
    }

    /**
     * Idempotent bootstrap of supabase_functions (needs a superuser/admin connection), on the caller's connection and
     * transaction; the report says whether anything changed.
     */
    public static BootstrapReport bootstrap(Connection adminConnection) {
        return new WebhookBootstrap(adminConnection).run();
    }
}
