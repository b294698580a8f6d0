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
    void mongoRunsAsAReplicaSetWithAuthenticationOnThePinnedImage() {
        String mongoImage = new ComposeModel(StackFiles.composeRaw())
                .service("mongo")
                .path("image")
                .asText();
        // the compose service's way: its entrypoint writes the keyFile, mongod enforces authentication
        assertThat(runs())
                .anyMatch(run -> run.contains(mongoImage + " /usr/local/bin/keyfile-entrypoint.sh")
                        && run.contains("mongod --replSet rs0 --keyFile /etc/mongo/keyfile --bind_ip_all")
                        && run.contains("compose/mongo/keyfile-entrypoint.sh:/usr/local/bin/keyfile-entrypoint.sh:ro"));
    }

    @Test
    void everyMongoClientOfTheWorkflowAuthenticatesAndNoSecretIsOnACommandLine() {
        String all = String.join("\n", runs());
        for (String secret : List.of("MONGO_ROOT_PASSWORD", "MONGO_APP_PASSWORD", "MONGO_KEYFILE", "MONGO_APP_URI")) {
            assertThat(all).as(secret + " expanded on a command line").doesNotContain("$" + secret, "${" + secret);
        }
        assertThat(all).contains("-e MONGO_KEYFILE -e MONGO_INITDB_ROOT_USERNAME -e MONGO_INITDB_ROOT_PASSWORD");
        JsonNode seeding = step("MongoDB replica set, app user and __models__ from the committed export");
        assertThat(seeding.path("env").path("MONGO_SEEDER_TARGET_URI").asText())
                .matches("mongodb://[^:@/]+@localhost:27017/.*");
        assertThat(seeding.path("env").path("MONGO_SEEDER_TARGET_PASSWORD").asText())
                .isEqualTo("${{ env.MONGO_ROOT_PASSWORD }}");
        assertThat(seeding.path("env").path("MONGO_SEEDER_APP_PASSWORD").asText())
                .isEqualTo("${{ env.MONGO_APP_PASSWORD }}");
        JsonNode tests = step("Tests against the provisioned databases");
        assertThat(tests.path("env").path("MONGO_URL").asText()).isEqualTo("${{ env.MONGO_APP_URI }}");
        assertThat(StackFiles.text(StackFiles.WORKFLOW))
                .doesNotContain("mongodb://localhost:27017/?directConnection=true");
    }

    private JsonNode step(String name) {
        for (JsonNode step : job.path("steps")) {
            if (step.path("name").asText().equals(name)) {
                return step;
            }
        }
        throw new AssertionError("no step " + name);
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
