package dev.stackinit.webhooks;

import java.util.List;

/** What the webhook service needs from a database; the JDBC adapter implements it on one connection. */
public interface WebhookDatabase {
    /** {@code supabase_functions.http_request()} exists. */
    boolean webhooksEnabled();

    /** pg_net's {@code net.http_post} exists, so requests are actually sent. */
    boolean pgNetPresent();

    /** Every trigger whose function is in schema supabase_functions, as Studio lists them. */
    List<LiveWebhook> webhooks();

    /** True when {@code schema.table} is a table (or partitioned or foreign table) that can carry row triggers. */
    boolean tableExists(String schema, String table);

    /** Serialises concurrent appliers for the rest of the transaction. */
    void lock();

    /** Runs one generated statement. */
    void execute(String sql);
}
