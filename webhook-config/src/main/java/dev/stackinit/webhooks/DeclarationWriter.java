package dev.stackinit.webhooks;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import java.util.List;
import java.util.Map;

/**
 * Writes specs in the declaration format, so that {@link DeclarationLoader} reads back exactly the same specs: every
 * {@code $} is doubled (no accidental substitution), and Jackson quotes whatever YAML would read as another type.
 */
public final class DeclarationWriter {
    private static final ObjectMapper YAML = new ObjectMapper(YAMLFactory.builder()
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
            .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
            .enable(YAMLGenerator.Feature.ALWAYS_QUOTE_NUMBERS_AS_STRINGS)
            .enable(YAMLGenerator.Feature.INDENT_ARRAYS_WITH_INDICATOR)
            .build());

    private DeclarationWriter() {}

    /**
     * The declarations, then the triggers that cannot be declared without being changed, as SQL in comments: the file
     * loses nothing, and {@code apply} leaves them alone (undeclared webhooks are kept unless pruned).
     */
    public static String write(List<WebhookSpec> specs, List<LiveWebhook> leftOut) {
        StringBuilder text = new StringBuilder(write(specs));
        if (!leftOut.isEmpty()) {
            text.append("\n# Not declared: these triggers call supabase_functions, but not in the form Studio and apply"
                    + " write,\n# so a declaration would change them. Their SQL, to keep them in a migration:\n");
            for (LiveWebhook trigger : leftOut) {
                String heading = trigger.name() + " on " + trigger.qualifiedTable() + ": "
                        + trigger.whyNotDeclarable().orElse("kept as written");
                // a line break in a name must not end the comment
                text.append("#\n# -- ")
                        .append(heading.replaceAll("[\r\n]", " "))
                        .append('\n');
                trigger.sql()
                        .lines()
                        .forEach(line -> text.append("# ").append(line).append('\n'));
            }
        }
        return text.toString();
    }

    public static String write(List<WebhookSpec> specs) {
        ObjectNode root = YAML.createObjectNode();
        ArrayNode list = root.putArray("webhooks");
        specs.forEach(spec -> list.add(entry(spec)));
        try {
            return YAML.writeValueAsString(root);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write YAML", e);
        }
    }

    private static ObjectNode entry(WebhookSpec spec) {
        ObjectNode node = YAML.createObjectNode();
        node.put("name", Substitution.escape(spec.name()));
        if (spec.schema().contains(".") || spec.table().contains(".")) {
            // a dot inside a name would split wrongly in the short form
            node.put("schema", Substitution.escape(spec.schema()));
            node.put("table", Substitution.escape(spec.table()));
        } else {
            node.put("table", Substitution.escape(spec.qualifiedTable()));
        }
        ArrayNode events = node.putArray("events");
        spec.events().forEach(event -> events.add(event.name()));
        node.put("url", Substitution.escape(spec.url()));
        node.put("method", spec.method().name());
        node.set("headers", escaped(spec.headers()));
        node.set("params", escaped(spec.params()));
        node.put("timeout_ms", spec.timeoutMs());
        return node;
    }

    private static ObjectNode escaped(ObjectNode values) {
        ObjectNode copy = YAML.createObjectNode();
        for (Map.Entry<String, com.fasterxml.jackson.databind.JsonNode> entry : values.properties()) {
            copy.put(entry.getKey(), Substitution.escape(entry.getValue().asText()));
        }
        return copy;
    }
}
