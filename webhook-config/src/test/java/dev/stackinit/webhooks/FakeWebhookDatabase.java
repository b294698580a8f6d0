package dev.stackinit.webhooks;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** An in-memory catalog that records the statements it is given. */
final class FakeWebhookDatabase implements WebhookDatabase {
    boolean enabled = true;
    boolean pgNet = true;
    final Set<String> tables = new HashSet<>(Set.of("public.orders", "public.profiles"));
    final List<LiveWebhook> live = new ArrayList<>();
    final List<String> executed = new ArrayList<>();
    boolean locked;

    @Override
    public boolean webhooksEnabled() {
        return enabled;
    }

    @Override
    public boolean pgNetPresent() {
        return pgNet;
    }

    @Override
    public List<LiveWebhook> webhooks() {
        return List.copyOf(live);
    }

    @Override
    public boolean tableExists(String schema, String table) {
        return tables.contains(schema + "." + table);
    }

    @Override
    public void lock() {
        locked = true;
    }

    @Override
    public void execute(String sql) {
        executed.add(sql);
    }
}
