package dev.stackinit.webhooks;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * One declared database webhook: an AFTER … FOR EACH ROW trigger on {@code schema.table} that calls
 * {@code supabase_functions.http_request(url, method, headers, params, timeout)}. Immutable: the JSON objects are copied
 * in and out. Equality compares headers and params as JSON (key order does not matter); {@link #canonical()} is a stable
 * text for checksums.
 */
public record WebhookSpec(
        String name,
        String schema,
        String table,
        Set<Event> events,
        String url,
        HttpMethod method,
        ObjectNode headers,
        ObjectNode params,
        int timeoutMs) {

    public WebhookSpec {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(schema, "schema");
        Objects.requireNonNull(table, "table");
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(method, "method");
        events = events.isEmpty()
                ? Collections.unmodifiableSet(EnumSet.noneOf(Event.class))
                : Collections.unmodifiableSet(EnumSet.copyOf(events));
        headers = headers == null ? Json.mapper().createObjectNode() : headers.deepCopy();
        params = params == null ? Json.mapper().createObjectNode() : params.deepCopy();
    }

    @Override
    public ObjectNode headers() {
        return headers.deepCopy();
    }

    @Override
    public ObjectNode params() {
        return params.deepCopy();
    }

    /** {@code schema.table} for people; not SQL (see {@link SqlQuoting} for that). */
    public String qualifiedTable() {
        return schema + "." + table;
    }

    /** The five trigger arguments exactly as Studio writes them: url, method, headers, params, timeout. */
    public List<String> triggerArguments() {
        return List.of(url, method.name(), Json.compact(headers), Json.compact(params), Integer.toString(timeoutMs));
    }

    public WebhookSpec withUrl(String newUrl) {
        return new WebhookSpec(name, schema, table, events, newUrl, method, headers, params, timeoutMs);
    }

    /** Stable text of every field (JSON, keys sorted, events in fixed order): equal specs give equal text. */
    public String canonical() {
        ObjectNode node = Json.mapper().createObjectNode();
        ArrayNode eventNames = node.putArray("events");
        events.forEach(event -> eventNames.add(event.name()));
        node.set("headers", headers);
        node.put("method", method.name());
        node.put("name", name);
        node.set("params", params);
        node.put("schema", schema);
        node.put("table", table);
        node.put("timeout_ms", timeoutMs);
        node.put("url", url);
        return Json.sorted(node);
    }

    /** Header values can hold keys (Authorization, apikey): left out here, so logs never carry them. */
    @Override
    public String toString() {
        return "WebhookSpec[" + name + " on " + qualifiedTable() + " " + events + " " + method + " "
                + UrlSafety.masked(url) + " headers=" + Headers.names(headers) + " timeout=" + timeoutMs + "ms]";
    }
}
