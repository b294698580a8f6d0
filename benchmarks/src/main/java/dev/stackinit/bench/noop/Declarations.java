package dev.stackinit.bench.noop;

/** webhook-config declarations for the no-op run: n webhooks on public.items posting to a local backend. */
final class Declarations {
    private Declarations() {}

    static String yaml(int count) {
        StringBuilder yaml = new StringBuilder("webhooks:\n");
        String[] events = {"INSERT", "UPDATE", "DELETE"};
        for (int i = 0; i < count; i++) {
            yaml.append("  - name: items_")
                    .append(events[i % 3].toLowerCase(java.util.Locale.ROOT))
                    .append(i)
                    .append('\n')
                    .append("    table: public.items\n")
                    .append("    events: [")
                    .append(events[i % 3])
                    .append("]\n")
                    .append("    url: http://backend:8000/webhooks/items\n")
                    .append("    method: POST\n")
                    .append("    headers:\n")
                    .append("      Content-Type: application/json\n")
                    .append("    timeout_ms: 5000\n");
        }
        return yaml.toString();
    }
}
