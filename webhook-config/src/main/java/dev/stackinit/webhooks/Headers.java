package dev.stackinit.webhooks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** Header rules: which values are secret, and what pg_net accepts for POST. */
public final class Headers {
    private Headers() {}

    public static List<String> names(ObjectNode headers) {
        List<String> names = new ArrayList<>();
        headers.fieldNames().forEachRemaining(names::add);
        return names;
    }

    /** See {@link Masking}: one rule for headers, params and URLs. */
    public static boolean isSecret(String headerName) {
        return Masking.isSecretName(headerName);
    }

    /** Whether a headers argument (JSON text, maybe not an object) names a secret-looking header. */
    public static boolean anySecret(String headersJson) {
        return headersJson != null
                && Json.parseObject(headersJson)
                        .map(node -> names(node).stream().anyMatch(Headers::isSecret))
                        .orElse(false);
    }

    /** A copy with the values of secret-looking headers replaced by ****, for output meant for people. */
    public static ObjectNode masked(ObjectNode headers) {
        return Masking.object(headers);
    }

    /** A headers argument as text with secret values masked; text that is not a JSON object is hidden whole. */
    public static String maskedText(String headersJson) {
        return Masking.objectText(headersJson);
    }

    /**
     * pg_net's http_post raises on any Content-Type but application/json, which would abort the row change that fired
     * the webhook: catch it before it reaches a trigger.
     */
    public static Optional<String> postProblem(ObjectNode headers) {
        for (Map.Entry<String, JsonNode> header : headers.properties()) {
            if (header.getKey().equalsIgnoreCase("content-type")) {
                String value = header.getValue().asText().trim().toLowerCase(Locale.ROOT);
                if (!value.equals("application/json")) {
                    return Optional.of("POST webhooks must send Content-Type application/json (pg_net refuses '"
                            + header.getValue().asText() + "')");
                }
            }
        }
        return Optional.empty();
    }
}
