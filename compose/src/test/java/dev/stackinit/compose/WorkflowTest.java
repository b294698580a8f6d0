package dev.stackinit.compose;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The example GitHub Actions workflow: real databases as containers, then every tool in the init order. */
class WorkflowTest {
    private final JsonNode job =
            StackFiles.yaml(StackFiles.WORKFLOW).path("jobs").path("provision");

    @Test
    void theDatabaseIsAPinnedSupabaseImageThatReportsHealth() {
        JsonNode db = job.path("services").path("db");
        assertThat(db.path("image").asText())
                .isEqualTo(new ComposeModel(StackFiles.composeRaw())
                        .service("db")
                        .path("image")
                        .asText());
        assertThat(db.path("options").asText()).contains("--health-cmd").contains("host.docker.internal:host-gateway");
        assertThat(db.path("env").path("POSTGRES_PASSWORD").asText())
                .isEqualTo(job.path("env").path("POSTGRES_PASSWORD").asText())
                .matches("[A-Za-z0-9]+");
    }

    @Test
    void mongoRunsAsAReplicaSetOnThePinnedImage() {
        String mongoImage = new ComposeModel(StackFiles.composeRaw())
                .service("mongo")
                .path("image")
                .asText();
        assertThat(runs()).anyMatch(run -> run.contains(mongoImage + " --replSet rs0"));
    }

    @Test
    void theToolsRunInTheInitOrder() {
        String all = String.join("\n", runs());
        int keys = all.indexOf("key-generator.jar generate");
        int rsInit = all.indexOf("mongo-seeder.jar rs-init");
        int importSeed = all.indexOf("mongo-seeder.jar import");
        int migrate = all.indexOf("supabase-migrator.jar migrate");
        int webhooks = all.indexOf("webhook-config.jar plan");
        assertThat(List.of(keys, rsInit, importSeed, migrate, webhooks))
                .doesNotContain(-1)
                .isSorted();
    }

    private List<String> runs() {
        List<String> runs = new ArrayList<>();
        job.path("steps").forEach(step -> runs.add(step.path("run").asText()));
        return runs;
    }
}
