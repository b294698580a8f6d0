package dev.stackinit.compose;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The samples the init services mount: the migrations with the new_user webhook, and the __models__ export. */
class SampleDataTest {
    private static final Path MIGRATIONS = StackFiles.MODULE.resolve("supabase/migrations");
    private static final Path SEED = StackFiles.MODULE.resolve("mongo/seed");

    @Test
    void theMigrationsHaveTheirPhasesAndTheNewUserWebhook() throws IOException {
        assertThat(MIGRATIONS.resolve("tables")).isDirectory();
        assertThat(MIGRATIONS.resolve("triggers")).isDirectory();
        List<Path> webhookFiles = files(MIGRATIONS.resolve("webhooks"));
        JsonNode newUser = webhookFiles.stream()
                .filter(f -> f.toString().endsWith(".yml") || f.toString().endsWith(".yaml"))
                .flatMap(f -> StackFiles.yaml(f).path("webhooks").findParents("name").stream())
                .filter(w -> w.path("name").asText().equals("new_user"))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no new_user webhook in " + webhookFiles));
        assertThat(newUser.path("table").asText()).isEqualTo("public.profiles");
        assertThat(newUser.path("url").asText()).startsWith("${STACKEND_URL").endsWith("/webhooks/new_user");
        // the variable the webhook needs reaches the migrator in compose
        assertThat(new ComposeModel(StackFiles.composeRaw()).environment("supabase-migrate"))
                .containsKey("STACKEND_URL");
    }

    @Test
    void theModelsExportIsThereForRunsWithoutAProductionUri() throws IOException {
        assumeTrue(Files.isDirectory(SEED), SEED + " not written yet (mongo-seeder's sample export)");
        assertThat(files(SEED)).as("files in " + SEED).isNotEmpty();
    }

    private static List<Path> files(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile).sorted().toList();
        }
    }
}
