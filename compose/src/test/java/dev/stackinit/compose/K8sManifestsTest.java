package dev.stackinit.compose;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** compose/k8s: Jobs that never restart in place forever, carry their order, and match the compose services' config. */
class K8sManifestsTest {
    private static final String ORDER = "stackinit.dev/order";
    private static final Set<String> RESTART = Set.of("Never", "OnFailure");

    private final Map<String, JsonNode> jobs = jobs();

    private static Map<String, JsonNode> jobs() {
        Map<String, JsonNode> jobs = new LinkedHashMap<>();
        for (Path file : StackFiles.yamlFilesUnder(StackFiles.K8S)) {
            for (JsonNode doc : StackFiles.yamlDocuments(file)) {
                assertThat(doc.path("apiVersion").asText())
                        .as(file + " apiVersion")
                        .isNotBlank();
                if (doc.path("kind").asText().equals("Job")) {
                    jobs.put(doc.path("metadata").path("name").asText(), doc);
                }
            }
        }
        return jobs;
    }

    @Test
    void thereIsAJobPerInitStep() {
        assertThat(jobs.keySet())
                .containsExactlyInAnyOrder("stack-init-keys", "stack-init-mongo-init", "stack-init-supabase-migrate");
    }

    @Test
    void jobsRestartOnlyThroughTheirBackoffAndCarryADistinctOrder() {
        Set<Integer> orders = new LinkedHashSet<>();
        jobs.forEach((name, job) -> {
            JsonNode pod = job.path("spec").path("template").path("spec");
            assertThat(pod.path("restartPolicy").asText()).as(name).isIn(RESTART);
            assertThat(job.path("spec").path("backoffLimit").isInt())
                    .as(name + " backoffLimit")
                    .isTrue();
            String order = job.path("metadata").path("annotations").path(ORDER).asText();
            assertThat(order).as(name + " " + ORDER).matches("\\d+");
            assertThat(orders.add(Integer.parseInt(order)))
                    .as(name + " order is unique")
                    .isTrue();
            assertThat(job.path("metadata")
                            .path("annotations")
                            .path("stackinit.dev/waits-for")
                            .asText())
                    .as(name)
                    .isNotBlank();
        });
        assertThat(order("stack-init-keys")).isLessThan(order("stack-init-supabase-migrate"));
        assertThat(order("stack-init-keys")).isLessThan(order("stack-init-mongo-init"));
    }

    @Test
    void containersArePinnedAndRunAsNonRoot() {
        jobs.forEach((name, job) -> {
            JsonNode pod = job.path("spec").path("template").path("spec");
            assertThat(pod.path("securityContext").path("runAsNonRoot").asBoolean())
                    .as(name)
                    .isTrue();
            for (JsonNode container : pod.path("containers")) {
                String image = container.path("image").asText();
                assertThat(image.substring(image.lastIndexOf('/') + 1)).as(name).matches("[^:]+:[^:]*\\d[^:]*");
                assertThat(image).doesNotEndWith(":latest");
            }
        });
    }

    @Test
    void theJobsGetTheSameSettingsAsTheComposeServices() {
        ComposeModel compose = new ComposeModel(StackFiles.composeRaw());
        assertThat(env("stack-init-supabase-migrate"))
                .containsAll(compose.environment("supabase-migrate").keySet());
        assertThat(env("stack-init-mongo-init"))
                .containsAll(compose.environment("mongo-init").keySet());
        assertThat(args("stack-init-supabase-migrate")).isEqualTo(List.of("migrate"));
        assertThat(args("stack-init-mongo-init")).isEqualTo(List.of("init"));
        assertThat(args("stack-init-keys")).isEqualTo(List.of("verify"));
        assertThat(container("stack-init-keys").path("envFrom").findValuesAsText("name"))
                .containsExactly("supabase-secrets");
    }

    @Test
    void theReadmeAppliesTheJobsInTheirOrder() {
        String readme = StackFiles.text(StackFiles.K8S.resolve("README.md"));
        Matcher loop = Pattern.compile("for job in ([^;]+);").matcher(readme);
        assertThat(loop.find()).isTrue();
        List<String> applied = List.of(loop.group(1).trim().split("\\s+"));
        List<String> byOrder = new ArrayList<>(jobFilesByName().keySet());
        byOrder.sort(Comparator.comparingInt(f -> order(jobFilesByName().get(f))));
        assertThat(applied).isEqualTo(byOrder);
    }

    private Map<String, String> jobFilesByName() {
        Map<String, String> files = new LinkedHashMap<>();
        for (Path file : StackFiles.yamlFilesUnder(StackFiles.K8S)) {
            for (JsonNode doc : StackFiles.yamlDocuments(file)) {
                if (doc.path("kind").asText().equals("Job")) {
                    files.put(
                            file.getFileName().toString().replace(".job.yaml", ""),
                            doc.path("metadata").path("name").asText());
                }
            }
        }
        return files;
    }

    private int order(String job) {
        return Integer.parseInt(
                jobs.get(job).path("metadata").path("annotations").path(ORDER).asText());
    }

    private JsonNode container(String job) {
        return jobs.get(job)
                .path("spec")
                .path("template")
                .path("spec")
                .path("containers")
                .get(0);
    }

    private List<String> env(String job) {
        return container(job).path("env").findValuesAsText("name");
    }

    private List<String> args(String job) {
        List<String> args = new ArrayList<>();
        container(job).path("args").forEach(a -> args.add(a.asText()));
        return args;
    }

    @Test
    void theMongoJobLogsInAsRootAndKeepsTheAppUserWithSecretsFromTheSecret() {
        JsonNode env = container("stack-init-mongo-init").path("env");
        Map<String, JsonNode> byName = new LinkedHashMap<>();
        env.forEach(e -> byName.put(e.path("name").asText(), e));
        assertThat(byName.get("MONGO_SEEDER_TARGET_URI").path("value").asText())
                .startsWith("mongodb://$(MONGO_ROOT_USERNAME)@")
                .doesNotContain(":$(");
        assertThat(List.copyOf(byName.keySet()).indexOf("MONGO_ROOT_USERNAME"))
                .as("defined before the URI that refers to it")
                .isLessThan(List.copyOf(byName.keySet()).indexOf("MONGO_SEEDER_TARGET_URI"));
        for (String[] secret : new String[][] {
            {"MONGO_SEEDER_TARGET_PASSWORD", "MONGO_ROOT_PASSWORD"},
            {"MONGO_SEEDER_APP_USERNAME", "MONGO_APP_USERNAME"},
            {"MONGO_SEEDER_APP_PASSWORD", "MONGO_APP_PASSWORD"},
            {"MONGO_ROOT_USERNAME", "MONGO_ROOT_USERNAME"}
        }) {
            JsonNode ref = byName.get(secret[0]).path("valueFrom").path("secretKeyRef");
            assertThat(ref.path("name").asText()).as(secret[0]).isEqualTo("supabase-secrets");
            assertThat(ref.path("key").asText()).as(secret[0]).isEqualTo(secret[1]);
            assertThat(byName.get(secret[0]).has("value"))
                    .as(secret[0] + " has no literal value")
                    .isFalse();
        }
        assertThat(byName.get("MONGO_SEEDER_APP_DATABASE").path("value").asText())
                .contains("__models__");
    }
}
