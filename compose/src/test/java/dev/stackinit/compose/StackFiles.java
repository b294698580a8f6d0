package dev.stackinit.compose;

import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/** Where the files under test live (the module folder is the working directory of the test JVM) and how to read them. */
final class StackFiles {
    /** Duplicate keys are an error: a second `environment:` would silently win otherwise. */
    static final ObjectMapper YAML = YAMLMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();

    static final Path MODULE = Path.of("").toAbsolutePath();
    static final Path REPO = MODULE.getParent();
    static final Path COMPOSE_FILE = MODULE.resolve("docker-compose.yml");
    /** The opt-out: MongoDB without authentication, on top of the main file. */
    static final Path COMPOSE_NO_AUTH = MODULE.resolve("docker-compose.no-auth.yml");

    static final Path KEYFILE_ENTRYPOINT = MODULE.resolve("mongo/keyfile-entrypoint.sh");
    static final Path ENV_EXAMPLE = MODULE.resolve(".env.example");
    static final Path ENV_MAPPING = MODULE.resolve("env-mapping.yml");
    static final Path KONG_FILE = MODULE.resolve("kong/kong.yml");
    static final Path K8S = MODULE.resolve("k8s");
    static final Path DOCKERFILE = REPO.resolve("Dockerfile");
    static final Path WORKFLOW = REPO.resolve(".github/workflows/provision-example.yml");

    /** The tools the Dockerfile builds and the stack runs. */
    static final List<String> TOOLS = List.of("key-generator", "mongo-seeder", "supabase-migrator", "webhook-config");

    private StackFiles() {}

    static JsonNode yaml(Path file) {
        try {
            return YAML.readTree(file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every document of a multi-document YAML file. */
    static List<JsonNode> yamlDocuments(Path file) {
        try (MappingIterator<JsonNode> docs = YAML.readerFor(JsonNode.class).readValues(file.toFile())) {
            return docs.readAll().stream()
                    .filter(doc -> !doc.isNull() && !doc.isMissingNode())
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String text(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<Path> yamlFilesUnder(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(
                            f -> f.toString().endsWith(".yaml") || f.toString().endsWith(".yml"))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The compose file as written (variables not yet replaced). */
    static JsonNode composeRaw() {
        return yaml(COMPOSE_FILE);
    }

    /** The compose file as compose sees it with the values of .env.example. */
    static JsonNode composeResolved() {
        Map<String, String> env = DotEnv.read(ENV_EXAMPLE).values();
        return Interpolation.apply(composeRaw(), env);
    }
}
