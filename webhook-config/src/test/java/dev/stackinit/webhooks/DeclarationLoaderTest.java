package dev.stackinit.webhooks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stackinit.errors.InvalidInputException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DeclarationLoaderTest {
    @TempDir
    Path dir;

    private static List<WebhookSpec> parse(String yaml, Map<String, String> env) {
        return new DeclarationLoader(new Substitution(env)).parse("hooks.yml", yaml);
    }

    @Test
    void theSampleLoadsWithTheDefaultUrl() {
        List<WebhookSpec> specs = Webhooks.load(List.of(Path.of("samples/webhooks.yml")), Map.of(), List.of());
        assertThat(specs).hasSize(1);
        WebhookSpec spec = specs.get(0);
        assertThat(spec.name()).isEqualTo("new_user");
        assertThat(spec.qualifiedTable()).isEqualTo("public.profiles");
        assertThat(spec.events()).containsExactly(Event.INSERT);
        assertThat(spec.url()).isEqualTo("http://stackend:8000/webhooks/new_user");
        assertThat(spec.triggerArguments())
                .containsExactly(
                        "http://stackend:8000/webhooks/new_user",
                        "POST",
                        "{\"Content-Type\":\"application/json\"}",
                        "{}",
                        "5000");
    }

    @Test
    void theSampleTakesStackendUrlFromTheEnvironment() {
        List<WebhookSpec> specs = Webhooks.load(
                List.of(Path.of("samples/webhooks.yml")),
                Map.of("STACKEND_URL", "http://host.docker.internal:9"),
                List.of());
        assertThat(specs.get(0).url()).isEqualTo("http://host.docker.internal:9/webhooks/new_user");
    }

    @Test
    void omittedFieldsTakeStudiosDefaults() {
        WebhookSpec spec = parse(
                        "webhooks:\n  - name: h\n    table: orders\n    events: update\n    url: https://x.test/h\n",
                        Map.of())
                .get(0);
        assertThat(spec.schema()).isEqualTo("public");
        assertThat(spec.events()).containsExactly(Event.UPDATE);
        assertThat(spec.method()).isEqualTo(HttpMethod.POST);
        assertThat(spec.headers()).isEqualTo(Json.object(Map.of("Content-Type", "application/json")));
        assertThat(spec.params()).isEmpty();
        assertThat(spec.timeoutMs()).isEqualTo(5000);
    }

    @Test
    void eventsAreASetInFixedOrder() {
        WebhookSpec spec = parse(
                        "webhooks:\n  - {name: h, table: s.t, events: [delete, INSERT, Update], url: 'http://a/'}\n",
                        Map.of())
                .get(0);
        assertThat(spec.events()).isEqualTo(EnumSet.allOf(Event.class));
        assertThat(List.copyOf(spec.events())).containsExactly(Event.INSERT, Event.UPDATE, Event.DELETE);
    }

    @Test
    void everyShapeProblemIsReportedAtOnce() {
        String yaml = "webhooks:\n  - name: h\n    table: t\n    events: [TRUNCATE]\n    url: http://a/\n"
                + "    method: PUT\n    timeout_ms: soon\n    retries: 3\n";
        assertThatThrownBy(() -> parse(yaml, Map.of()))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageStartingWith("hooks.yml: 4 problems:")
                .hasMessageContaining("unknown event 'TRUNCATE'")
                .hasMessageContaining("method must be GET or POST, not 'PUT'")
                .hasMessageContaining("timeout_ms must be a whole number")
                .hasMessageContaining("unknown field 'retries'");
    }

    @Test
    void duplicateKeysAndUnknownTopLevelKeysAreErrors() {
        assertThatThrownBy(() -> parse("webhooks: []\nwebhooks: []\n", Map.of()))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("not valid YAML")
                .hasMessageContaining("Duplicate field 'webhooks'");
        assertThatThrownBy(() -> parse("hooks: []\n", Map.of())).hasMessageContaining("unknown top-level key 'hooks'");
    }

    @Test
    void aVariableCannotChangeTheFileStructure() {
        String hostile = "http://a/\n  - name: injected\n    table: t";
        WebhookSpec spec = parse(
                        "webhooks:\n  - {name: h, table: t, events: [INSERT], url: '${EVIL}'}\n",
                        Map.of("EVIL", hostile))
                .get(0);
        assertThat(spec.url()).isEqualTo(hostile);
    }

    @Test
    void headerValuesAreSubstitutedAndScalarsBecomeText() {
        WebhookSpec spec = parse(
                        "webhooks:\n  - name: h\n    table: t\n    events: [INSERT]\n    url: http://a/\n"
                                + "    headers: {Authorization: 'Bearer ${KEY}', Content-Type: application/json}\n"
                                + "    params: {page: 2}\n",
                        Map.of("KEY", "k-123"))
                .get(0);
        assertThat(spec.headers().get("Authorization").asText()).isEqualTo("Bearer k-123");
        assertThat(spec.params().get("page").asText()).isEqualTo("2");
        assertThat(spec.triggerArguments().get(3)).isEqualTo("{\"page\":\"2\"}");
    }

    @Test
    void filesMergeAndANameDeclaredTwiceIsAnError() throws IOException {
        Path a = write("a.yml", "webhooks:\n  - {name: one, table: t, events: [INSERT], url: 'http://a/'}\n");
        Path b = write("b.yml", "webhooks:\n  - {name: two, table: t, events: [INSERT], url: 'http://b/'}\n");
        Path c = write("c.yml", "webhooks:\n  - {name: one, table: u, events: [DELETE], url: 'http://c/'}\n");
        assertThat(Webhooks.load(List.of(a, b), Map.of(), List.of()))
                .extracting(WebhookSpec::name)
                .containsExactly("one", "two");
        assertThatThrownBy(() -> Webhooks.load(List.of(a, b, c), Map.of(), List.of()))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("webhook one is declared more than once");
    }

    @Test
    void rewritesApplyBeforeValidation() throws IOException {
        Path a = write(
                "a.yml", "webhooks:\n  - {name: one, table: t, events: [INSERT], url: 'https://api.example.com/h'}\n");
        List<WebhookSpec> specs = Webhooks.load(
                List.of(a), Map.of(), List.of(UrlRewrite.parse("https://api.example.com=>http://stackend:8000")));
        assertThat(specs.get(0).url()).isEqualTo("http://stackend:8000/h");
    }

    @Test
    void aMissingFileIsInvalidInput() {
        assertThatThrownBy(() -> Webhooks.load(List.of(dir.resolve("nope.yml")), Map.of(), List.of()))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("declaration file not found");
    }

    @Test
    void anEmptyFileDeclaresNothing() {
        assertThat(parse("", Map.of())).isEmpty();
        assertThat(parse("webhooks: []\n", Map.of())).isEmpty();
    }

    private Path write(String name, String text) throws IOException {
        return Files.writeString(dir.resolve(name), text);
    }
}
