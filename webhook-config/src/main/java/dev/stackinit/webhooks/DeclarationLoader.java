package dev.stackinit.webhooks;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.stackinit.errors.InvalidInputException;
import dev.stackinit.shared.StrictUtf8;
import dev.stackinit.shared.YamlErrors;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads declaration files ({@code webhooks: [...]}) into specs. YAML is read as a plain tree (no tags, no object
 * construction), duplicate keys and unknown fields are errors, and {@code ${VAR}} substitution runs on values only,
 * after parsing, so a variable's value can never change the file's structure.
 */
public final class DeclarationLoader {
    static final ObjectNode DEFAULT_HEADERS = Json.object(Map.of("Content-Type", "application/json"));
    static final int DEFAULT_TIMEOUT_MS = 5000;
    private static final Set<String> TOP_LEVEL = Set.of("webhooks");
    private static final ObjectMapper YAML =
            new ObjectMapper(new YAMLFactory()).enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);

    private final Substitution substitution;

    public DeclarationLoader(Substitution substitution) {
        this.substitution = substitution;
    }

    /** All files' webhooks in file order; every problem found is reported at once. */
    public List<WebhookSpec> load(List<Path> files) {
        List<WebhookSpec> specs = new ArrayList<>();
        for (Path file : files) {
            specs.addAll(parse(file.toString(), read(file)));
        }
        return specs;
    }

    public List<WebhookSpec> parse(String source, String yaml) {
        JsonNode root;
        try {
            root = YAML.readTree(yaml);
        } catch (JsonProcessingException e) {
            throw new InvalidInputException("not valid YAML: " + YamlErrors.describe(source, e, yaml), e);
        }
        if (root == null || root.isMissingNode() || root.isNull()) {
            return List.of();
        }
        Problems problems = new Problems(source);
        if (!root.isObject()) {
            throw new InvalidInputException(source + ": expected a mapping with a 'webhooks' list");
        }
        root.fieldNames().forEachRemaining(key -> {
            if (!TOP_LEVEL.contains(key)) {
                problems.add("unknown top-level key '" + key + "' (expected 'webhooks')");
            }
        });
        JsonNode list = root.path("webhooks");
        List<WebhookSpec> specs = new ArrayList<>();
        if (!list.isMissingNode() && !list.isNull() && !list.isArray()) {
            problems.add("'webhooks' must be a list");
        } else if (list.isArray()) {
            for (int i = 0; i < list.size(); i++) {
                String where = "webhook " + (i + 1);
                JsonNode item = list.get(i);
                if (!item.isObject()) {
                    problems.add(where + ": must be a mapping");
                    continue;
                }
                new SpecReader(item, where + describe(item), problems, substitution)
                        .read()
                        .ifPresent(specs::add);
            }
        }
        problems.throwIfAny();
        return specs;
    }

    private static String describe(JsonNode item) {
        JsonNode name = item.path("name");
        return name.isTextual() ? " (" + name.asText() + ")" : "";
    }

    /** Strict UTF-8: a bad byte is exit 3 naming file, line and byte offset, never a U+FFFD in a trigger. */
    private static String read(Path file) {
        if (!Files.exists(file)) {
            throw new InvalidInputException("declaration file not found: " + file);
        }
        if (Files.isDirectory(file)) {
            throw new InvalidInputException("declaration file " + file + " is a folder");
        }
        return StrictUtf8.read(file);
    }
}
