package dev.stackinit.webhooks.cli;

import dev.stackinit.webhooks.LiveWebhook;
import dev.stackinit.webhooks.WebhookService;
import dev.stackinit.webhooks.jdbc.JdbcWebhookDatabase;
import java.io.PrintWriter;
import java.util.List;

/** Reads the live webhooks in a read-only transaction (rolled back). */
final class LiveReader {
    private LiveReader() {}

    static List<LiveWebhook> read(WebhookConfigCommand root, ConnectionOptions connection, PrintWriter err) {
        return Database.inTransaction(
                root,
                connection.target(root.env),
                connection.waitTimeout(),
                err,
                false,
                c -> new WebhookService(new JdbcWebhookDatabase(c)).list());
    }
}
