package dev.stackinit.provision.io;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.stackinit.errors.InvalidInputException;
import dev.stackinit.provision.ProvisionConfig;
import dev.stackinit.shared.StrictUtf8;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Reads {@code stack-init.yml} strictly (an unknown key is an error naming it) and lays the environment over it by one
 * rule: {@code supabase.database_url} ← {@code STACK_INIT_SUPABASE_DATABASE_URL}. Lists are comma-separated in the
 * environment, maps {@code k=v,k2=v2}.
 */
public final class ConfigLoader {
    static final String PREFIX = "STACK_INIT_";

    private final ObjectMapper yaml = new ObjectMapper(new YAMLFactory())
            .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);

    /** @param file the config file, or null to configure from the environment alone */
    public ProvisionConfig load(Path file, Map<String, String> env) {
        ObjectNode tree = file == null ? yaml.createObjectNode() : read(file);
        overlay(tree, env);
        try {
            return yaml.treeToValue(tree, ProvisionConfig.class);
        } catch (UnrecognizedPropertyException e) {
            String where = e.getPath().stream()
                    .map(ref -> ref.getFieldName() == null ? "[" + ref.getIndex() + "]" : ref.getFieldName())
                    .collect(Collectors.joining("."));
            throw new InvalidInputException(source(file) + ": unknown key '" + where + "'; known keys here: "
                    + e.getKnownPropertyIds().stream()
                            .map(Object::toString)
                            .sorted()
                            .collect(Collectors.joining(", ")));
        } catch (com.fasterxml.jackson.databind.JsonMappingException e) {
            String where = e.getPath().stream()
                    .map(ref -> ref.getFieldName() == null ? "[" + ref.getIndex() + "]" : ref.getFieldName())
                    .collect(Collectors.joining("."));
            throw new InvalidInputException(
                    source(file) + ": " + (where.isEmpty() ? "" : where + ": ") + oneLine(e.getOriginalMessage()));
        } catch (JsonProcessingException e) {
            throw new InvalidInputException(source(file) + ": " + oneLine(e.getOriginalMessage()));
        }
    }

    private ObjectNode read(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new InvalidInputException("config file not found: " + file);
        }
        try {
            JsonNode node = yaml.readTree(StrictUtf8.read(file));
            if (node == null || node.isMissingNode() || node.isNull()) {
                return yaml.createObjectNode();
            }
            if (!(node instanceof ObjectNode object)) {
                throw new InvalidInputException(file + ": expected a mapping with keys, mongo, supabase sections");
            }
            return object;
        } catch (JsonProcessingException e) {
            // one line, file:line:column first, as compilers write it
            String where = e.getLocation() == null
                    ? file.toString()
                    : file + ":" + e.getLocation().getLineNr() + ":"
                            + e.getLocation().getColumnNr();
            throw new InvalidInputException(where + ": not valid YAML: " + oneLine(e.getOriginalMessage()));
        }
    }

    private static String oneLine(String message) {
        return message == null ? "" : message.strip().replaceAll("\\s*\\R\\s*", " ");
    }

    /** Every STACK_INIT_* variable the loader reads: one per key of every section. */
    public static Set<String> variables() {
        Set<String> names = new TreeSet<>();
        for (RecordComponent section : ProvisionConfig.class.getRecordComponents()) {
            for (RecordComponent key : section.getType().getRecordComponents()) {
                names.add(variable(section.getName(), key.getName()));
            }
        }
        return names;
    }

    /** The variable that sets a key, e.g. {@code supabase}, {@code databaseUrl} → STACK_INIT_SUPABASE_DATABASE_URL. */
    public static String variable(String section, String component) {
        return PREFIX + snake(section).toUpperCase(Locale.ROOT) + "_"
                + snake(component).toUpperCase(Locale.ROOT);
    }

    private void overlay(ObjectNode tree, Map<String, String> env) {
        for (RecordComponent section : ProvisionConfig.class.getRecordComponents()) {
            for (RecordComponent key : section.getType().getRecordComponents()) {
                String variable = variable(section.getName(), key.getName());
                String value = env.get(variable);
                if (value == null || value.isEmpty()) {
                    continue;
                }
                String sectionName = snake(section.getName());
                JsonNode existing = tree.get(sectionName);
                ObjectNode sectionNode = existing instanceof ObjectNode o ? o : tree.putObject(sectionName);
                sectionNode.set(snake(key.getName()), toNode(key, variable, value));
            }
        }
    }

    private JsonNode toNode(RecordComponent key, String variable, String value) {
        Class<?> type = key.getType();
        if (type == java.util.List.class) {
            ArrayNode array = yaml.createArrayNode();
            for (String item : value.split(",")) {
                if (!item.isBlank()) {
                    array.add(item.strip());
                }
            }
            return array;
        }
        if (type == Map.class && key.getGenericType() instanceof ParameterizedType) {
            ObjectNode map = yaml.createObjectNode();
            for (String pair : value.split(",")) {
                int eq = pair.indexOf('=');
                if (eq <= 0) {
                    throw new InvalidInputException(variable + ": expected k=v pairs, got '" + pair + "'");
                }
                map.put(pair.substring(0, eq).strip(), pair.substring(eq + 1).strip());
            }
            return map;
        }
        return yaml.getNodeFactory().textNode(value);
    }

    static String snake(String camel) {
        return camel.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toLowerCase(Locale.ROOT);
    }

    private static String source(Path file) {
        return file == null ? "configuration" : file.toString();
    }
}
