package dev.stackinit.compose;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** docker-compose.yml (with .env.example's values) against the current compose-spec schema, fetched from npm. */
class ComposeSchemaTest {
    private static Schema schema;
    private static String skipReason = "";

    @BeforeAll
    static void fetchSchema() throws Exception {
        StringBuilder why = new StringBuilder();
        Optional<Path> file = ComposeSpecSchema.fetch(StackFiles.MODULE.resolve("target/compose-spec"), why);
        skipReason = why.toString();
        if (file.isPresent()) {
            // A relative $id ("compose_spec.json") needs a base URI, so the schema is loaded by location, not from a
            // stream; the validator refuses file: locations, so it goes where the test classes are (never committed).
            Path classes = Path.of(ComposeSchemaTest.class
                    .getProtectionDomain()
                    .getCodeSource()
                    .getLocation()
                    .toURI());
            Files.copy(file.get(), classes.resolve("compose-spec.json"), StandardCopyOption.REPLACE_EXISTING);
            schema = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_7)
                    .getSchema(SchemaLocation.of("classpath:compose-spec.json"));
        }
    }

    @Test
    void theComposeFileIsValidCompose() {
        assumeTrue(schema != null, skipReason);
        List<Error> errors = schema.validate(StackFiles.composeResolved());
        assertThat(errors).extracting(Error::toString).isEmpty();
    }

    @Test
    void theNoAuthOverrideIsValidComposeToo() {
        assumeTrue(schema != null, skipReason);
        JsonNode override = Interpolation.apply(
                StackFiles.yaml(StackFiles.COMPOSE_NO_AUTH),
                DotEnv.read(StackFiles.ENV_EXAMPLE).values());
        assertThat(schema.validate(override)).extracting(Error::toString).isEmpty();
    }

    @Test
    void theSchemaCatchesWhatComposeWouldReject() {
        assumeTrue(schema != null, skipReason);
        JsonNode broken = StackFiles.composeResolved().deepCopy();
        ((ObjectNode) broken.path("services").path("mongo")).put("restartt", "no");
        ((ObjectNode) broken.path("services").path("db").path("healthcheck")).putArray("interval");
        assertThat(schema.validate(broken))
                .extracting(Error::toString)
                .anyMatch(e -> e.contains("restartt"))
                .anyMatch(e -> e.contains("interval"));
    }
}
