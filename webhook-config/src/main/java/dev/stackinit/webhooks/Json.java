package dev.stackinit.webhooks;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;
import java.util.Optional;

/** JSON text of header and parameter objects: compact as Studio writes them, and a sorted form for checksums. */
final class Json {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final ObjectMapper SORTED =
            new ObjectMapper().configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true);

    private Json() {}

    static ObjectMapper mapper() {
        return MAPPER;
    }

    /** Compact JSON in the object's own key order, like {@code JSON.stringify}. */
    static String compact(JsonNode node) {
        try {
            return MAPPER.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write JSON", e);
        }
    }

    /** Compact JSON with keys sorted at every level, so equal objects give equal text. */
    static String sorted(JsonNode node) {
        try {
            return SORTED.writeValueAsString(MAPPER.convertValue(node, Object.class));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write JSON", e);
        }
    }

    /** The text as a JSON object, or empty when it is not valid JSON or not an object. */
    static Optional<ObjectNode> parseObject(String text) {
        if (text == null) {
            return Optional.empty();
        }
        try {
            JsonNode node = MAPPER.readTree(text);
            return node instanceof ObjectNode object ? Optional.of(object) : Optional.empty();
        } catch (JsonProcessingException e) {
            return Optional.empty();
        }
    }

    static ObjectNode object(Map<String, String> entries) {
        ObjectNode node = MAPPER.createObjectNode();
        entries.forEach(node::put);
        return node;
    }
}
