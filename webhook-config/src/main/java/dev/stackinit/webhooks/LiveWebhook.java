package dev.stackinit.webhooks;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.stackinit.errors.InvalidInputException;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A trigger found in the catalog whose function lives in schema supabase_functions: what Studio calls a database
 * webhook. Holds the raw facts (timing, level, function, argument texts) so a plan can tell any deviation from the
 * form Studio creates.
 *
 * @param timing {@code AFTER}, {@code BEFORE} or {@code INSTEAD OF}
 * @param extraClauses true when the trigger has a WHEN condition, UPDATE OF columns or transition tables
 * @param definition {@code pg_get_triggerdef}, for people and tests
 */
public record LiveWebhook(
        String name,
        String schema,
        String table,
        Set<Event> events,
        String timing,
        boolean forEachRow,
        String functionSchema,
        String functionName,
        List<String> arguments,
        boolean enabled,
        boolean extraClauses,
        String definition) {
    /** What http_request uses when an argument is missing or 'null'. */
    static final int FUNCTION_DEFAULT_TIMEOUT_MS = 1000;

    public LiveWebhook {
        events = events.isEmpty()
                ? Collections.unmodifiableSet(EnumSet.noneOf(Event.class))
                : Collections.unmodifiableSet(EnumSet.copyOf(events));
        arguments = List.copyOf(arguments);
    }

    public String qualifiedTable() {
        return schema + "." + table;
    }

    public String function() {
        return functionSchema + "." + functionName;
    }

    /** The argument at this position, or null when the trigger passes fewer (or passes the text 'null'). */
    String argument(int index) {
        if (index >= arguments.size()) {
            return null;
        }
        String value = arguments.get(index);
        return "null".equals(value) ? null : value;
    }

    /**
     * The declaration that reproduces this webhook, reading missing arguments as http_request does (headers
     * Content-Type: application/json, params {}, timeout 1000 ms); InvalidInputException when it cannot be expressed
     * as one (another function, a bad method or JSON argument).
     */
    public WebhookSpec toSpec() {
        if (!function().equals(TriggerSql.FUNCTION)) {
            throw unexpressible("calls " + function() + ", not " + TriggerSql.FUNCTION);
        }
        String url = argument(0);
        if (url == null) {
            throw unexpressible("has no url argument");
        }
        HttpMethod method = argument(1) == null ? null : HttpMethod.parse(argument(1));
        if (method == null) {
            throw unexpressible("has method '" + argument(1) + "', not GET or POST");
        }
        ObjectNode headers = jsonArgument(2, "headers", DeclarationLoader.DEFAULT_HEADERS);
        ObjectNode params = jsonArgument(3, "params", Json.mapper().createObjectNode());
        int timeout;
        try {
            timeout = argument(4) == null
                    ? FUNCTION_DEFAULT_TIMEOUT_MS
                    : Integer.parseInt(argument(4).trim());
        } catch (NumberFormatException e) {
            throw unexpressible("has timeout '" + argument(4) + "', not a number");
        }
        return new WebhookSpec(name, schema, table, events, url, method, headers, params, timeout);
    }

    /**
     * Why applying {@link #toSpec()} would not give back this very trigger, or empty when it would: a declaration
     * writes an enabled AFTER ... FOR EACH ROW trigger without conditions, calling http_request with Studio's five
     * argument texts (compact JSON, no 'null' for a default). Export and pull keep anything else out of declarations,
     * so a plan never wants to rewrite a trigger it was read from.
     */
    public Optional<String> whyNotDeclarable() {
        if (!enabled) {
            return Optional.of("is disabled (a declaration cannot say so)");
        }
        if (!"AFTER".equals(timing) || !forEachRow || extraClauses) {
            return Optional.of("is a " + timing + (forEachRow ? " ROW" : " STATEMENT") + " trigger"
                    + (extraClauses ? " with a WHEN condition, UPDATE OF columns or transition tables" : "")
                    + ", not Studio's AFTER ... FOR EACH ROW");
        }
        WebhookSpec spec;
        try {
            spec = toSpec();
        } catch (Unexpressible notExpressible) {
            return Optional.of(notExpressible.why);
        }
        if (arguments.size() != 5) {
            return Optional.of("passes " + arguments.size() + " argument" + (arguments.size() == 1 ? "" : "s") + " to "
                    + function() + ", not Studio's five");
        }
        List<String> nulls = new java.util.ArrayList<>();
        for (int i = 0; i < ARGUMENT_NAMES.size(); i++) {
            if ("null".equals(arguments.get(i))) {
                nulls.add(ARGUMENT_NAMES.get(i));
            }
        }
        if (!nulls.isEmpty()) {
            return Optional.of("passes 'null' for " + String.join(", ", nulls) + " (Studio writes the value)");
        }
        if (!allText(spec.headers()) || !allText(spec.params())) {
            return Optional.of("has header or param values that are not text");
        }
        if (!spec.triggerArguments().equals(arguments)) {
            return Optional.of("writes its arguments in another form than Studio's (JSON spacing, number format)");
        }
        return Optional.empty();
    }

    /** SQL that recreates this trigger as it is, disabled state included. */
    public String sql() {
        String create = definition + ";";
        return enabled
                ? create
                : create + "\nALTER TABLE " + SqlQuoting.qualified(schema, table) + " DISABLE TRIGGER "
                        + SqlQuoting.ident(name) + ";";
    }

    private static final List<String> ARGUMENT_NAMES = List.of("url", "method", "headers", "params", "timeout");

    private static boolean allText(ObjectNode values) {
        return values.properties().stream().allMatch(entry -> entry.getValue().isTextual());
    }

    private ObjectNode jsonArgument(int index, String what, ObjectNode fallback) {
        if (argument(index) == null) {
            return fallback;
        }
        return Json.parseObject(argument(index))
                .orElseThrow(() -> unexpressible("has " + what + " that are not a JSON object"));
    }

    private InvalidInputException unexpressible(String why) {
        return new Unexpressible(this, why);
    }

    /** Why a trigger cannot become a declaration, kept apart from the message that names the trigger. */
    private static final class Unexpressible extends InvalidInputException {
        private static final long serialVersionUID = 1L;
        private final String why;

        Unexpressible(LiveWebhook webhook, String why) {
            super("webhook " + webhook.name + " on " + webhook.qualifiedTable() + " " + why);
            this.why = why;
        }
    }
}
