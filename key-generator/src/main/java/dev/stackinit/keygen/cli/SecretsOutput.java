package dev.stackinit.keygen.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import dev.stackinit.errors.UsageException;
import java.util.LinkedHashMap;
import java.util.Map;

/** Renders a set of variables as dotenv, JSON or a Kubernetes Secret manifest. */
final class SecretsOutput {
    static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private static final ObjectMapper YAML =
            new ObjectMapper(new YAMLFactory().disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER));

    private SecretsOutput() {}

    static String render(String format, Map<String, String> values, String secretName, String namespace) {
        return switch (format) {
            case "dotenv" -> dotenv(values);
            case "json" -> json(values);
            case "k8s-secret" -> k8sSecret(values, secretName, namespace);
            default -> throw new UsageException("unknown --format " + format + ": use dotenv, json or k8s-secret");
        };
    }

    private static final java.util.regex.Pattern DNS_NAME =
            java.util.regex.Pattern.compile("[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*");

    /** Kubernetes refuses other names at apply time; say so before printing a manifest it cannot take. */
    static void checkName(String option, String name, int maxLength) {
        boolean label = maxLength == 63;
        if (name.length() > maxLength || !DNS_NAME.matcher(name).matches() || (label && name.contains("."))) {
            throw new UsageException(option + " '" + name + "' is not a Kubernetes name (lower-case letters, digits"
                    + (label ? ", '-'" : ", '-' and '.'") + ", at most " + maxLength + " characters)");
        }
    }

    static String dotenv(Map<String, String> values) {
        StringBuilder text = new StringBuilder();
        values.forEach(
                (name, value) -> text.append(name).append('=').append(value).append('\n'));
        return text.toString();
    }

    static String json(Object value) {
        try {
            return JSON.writeValueAsString(value) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String k8sSecret(Map<String, String> values, String name, String namespace) {
        Map<String, Object> metadata = new LinkedHashMap<>();
        metadata.put("name", name);
        if (namespace != null && !namespace.isBlank()) {
            metadata.put("namespace", namespace);
        }
        Map<String, Object> manifest = new LinkedHashMap<>();
        manifest.put("apiVersion", "v1");
        manifest.put("kind", "Secret");
        manifest.put("metadata", metadata);
        manifest.put("type", "Opaque");
        manifest.put("stringData", values);
        try {
            return YAML.writeValueAsString(manifest);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
