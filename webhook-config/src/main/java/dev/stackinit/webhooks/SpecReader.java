package dev.stackinit.webhooks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.EnumSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Reads one {@code webhooks:} entry; shape problems go to the shared list, value rules are {@link WebhookValidator}'s. */
final class SpecReader {
    private static final Set<String> FIELDS =
            Set.of("name", "schema", "table", "events", "url", "method", "headers", "params", "timeout_ms");

    private final JsonNode item;
    private final String where;
    private final Problems problems;
    private final Substitution substitution;
    private final int before;

    SpecReader(JsonNode item, String where, Problems problems, Substitution substitution) {
        this.item = item;
        this.where = where;
        this.problems = problems;
        this.substitution = substitution;
        this.before = problems.messages().size();
    }

    Optional<WebhookSpec> read() {
        item.fieldNames().forEachRemaining(key -> {
            if (!FIELDS.contains(key)) {
                problems.add(where + ": unknown field '" + key + "'");
            }
        });
        String name = text("name", null);
        String table = text("table", null);
        String schema = text("schema", null);
        if (schema == null && table != null && table.contains(".")) {
            schema = table.substring(0, table.indexOf('.'));
            table = table.substring(table.indexOf('.') + 1);
        }
        Set<Event> events = events();
        String url = text("url", null);
        String methodText = text("method", "POST");
        HttpMethod method = methodText == null ? null : HttpMethod.parse(methodText);
        if (methodText != null && method == null) {
            problems.add(where + ": method must be GET or POST, not '" + methodText + "'");
        }
        ObjectNode headers = object("headers", DeclarationLoader.DEFAULT_HEADERS);
        ObjectNode params = object("params", Json.mapper().createObjectNode());
        Integer timeout = timeout();
        if (problems.messages().size() > before || name == null || table == null || url == null || method == null) {
            return Optional.empty();
        }
        return Optional.of(new WebhookSpec(
                name, schema == null ? "public" : schema, table, events, url, method, headers, params, timeout));
    }

    private String text(String field, String fallback) {
        JsonNode node = item.get(field);
        if (node == null || node.isNull()) {
            if (fallback == null && !field.equals("schema")) {
                problems.add(where + ": '" + field + "' is required");
            }
            return fallback;
        }
        if (!node.isValueNode() || node.isBinary()) {
            problems.add(where + ": '" + field + "' must be a text value");
            return null;
        }
        return substitution.apply(node.asText(), where + " " + field);
    }

    private Set<Event> events() {
        JsonNode node = item.path("events");
        Set<Event> events = EnumSet.noneOf(Event.class);
        if (node.isMissingNode() || node.isNull()) {
            problems.add(where + ": 'events' is required (INSERT, UPDATE, DELETE)");
            return events;
        }
        Iterable<JsonNode> values = node.isArray() ? node : java.util.List.of(node);
        for (JsonNode value : values) {
            Event event = value.isTextual() ? Event.parse(substitution.apply(value.asText(), where + " events")) : null;
            if (event == null) {
                problems.add(where + ": unknown event '" + value.asText() + "' (INSERT, UPDATE or DELETE)");
            } else if (!events.add(event)) {
                problems.add(where + ": event " + event + " is listed twice");
            }
        }
        return events;
    }

    private ObjectNode object(String field, ObjectNode fallback) {
        JsonNode node = item.get(field);
        if (node == null || node.isNull()) {
            return fallback;
        }
        if (!node.isObject()) {
            problems.add(where + ": '" + field + "' must be a mapping of names to values");
            return fallback;
        }
        ObjectNode result = Json.mapper().createObjectNode();
        for (Map.Entry<String, JsonNode> entry : node.properties()) {
            JsonNode value = entry.getValue();
            if (value.isTextual()) {
                result.put(entry.getKey(), substitution.apply(value.asText(), where + " " + field));
            } else if (value.isValueNode() && !value.isNull() && !value.isBinary()) {
                // headers and query parameters are text on the wire: 5 and "5" mean the same request
                result.put(entry.getKey(), value.asText());
            } else {
                problems.add(where + ": " + field + "." + entry.getKey() + " must be a text value");
            }
        }
        return result;
    }

    private Integer timeout() {
        JsonNode node = item.get("timeout_ms");
        if (node == null || node.isNull()) {
            return DeclarationLoader.DEFAULT_TIMEOUT_MS;
        }
        String text = node.isTextual() ? substitution.apply(node.asText(), where + " timeout_ms") : node.asText();
        try {
            return Integer.parseInt(text.trim());
        } catch (NumberFormatException e) {
            problems.add(where + ": timeout_ms must be a whole number of milliseconds, not '" + text + "'");
            return null;
        }
    }
}
