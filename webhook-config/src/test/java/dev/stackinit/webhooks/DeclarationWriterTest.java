package dev.stackinit.webhooks;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DeclarationWriterTest {
    @Test
    void writesTheDeclarationFormat() {
        String yaml = DeclarationWriter.write(List.of(Specs.spec("new_user", "profiles", "http://stackend:8000/x")));
        assertThat(yaml).isEqualTo("""
                        webhooks:
                          - name: new_user
                            table: public.profiles
                            events:
                              - INSERT
                              - UPDATE
                            url: http://stackend:8000/x
                            method: POST
                            headers:
                              Content-Type: application/json
                            params: {}
                            timeout_ms: 5000
                        """);
    }

    @Test
    void hostileValuesReadBackUnchanged() {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Type", "application/json");
        headers.put("X-Weird", "yes");
        headers.put("X-Number", "0123");
        headers.put("X-Dollar", "${NOT_A_VAR} $$");
        Map<String, String> params = Map.of("q", "a: b # c", "n", "null");
        WebhookSpec hostile = new WebhookSpec(
                "hook'; DROP TABLE x; --",
                "my.schema",
                "Tàble \"1\"",
                EnumSet.of(Event.DELETE),
                "https://api.example.com/h?x='1'&y=${Z}&emoji=😀",
                HttpMethod.POST,
                Json.object(headers),
                Json.object(params),
                10000);
        WebhookSpec plain = Specs.spec("true", "123", "http://a/#frag");
        List<WebhookSpec> written = List.of(hostile, plain);

        List<WebhookSpec> read =
                new DeclarationLoader(new Substitution(Map.of())).parse("export", DeclarationWriter.write(written));

        assertThat(read).isEqualTo(written);
        assertThat(read.get(0).canonical()).isEqualTo(hostile.canonical());
    }

    @Test
    void triggersLeftOutTravelAsCommentedSqlThatLoadsAsNothing() {
        WebhookSpec declared = Specs.spec("new_user", "profiles", "http://stackend:8000/x");
        LiveWebhook twoArguments = new LiveWebhook(
                "raw\nname",
                "public",
                "orders",
                EnumSet.of(Event.INSERT),
                "AFTER",
                true,
                "supabase_functions",
                "http_request",
                List.of("http://x/", "POST"),
                true,
                false,
                "CREATE TRIGGER \"raw\nname\" AFTER INSERT ON public.orders FOR EACH ROW EXECUTE FUNCTION"
                        + " supabase_functions.http_request('http://x/', 'POST')");
        String yaml = DeclarationWriter.write(List.of(declared), List.of(twoArguments));
        assertThat(yaml)
                .startsWith(DeclarationWriter.write(List.of(declared)))
                .contains("# -- raw name on public.orders: passes 2 arguments")
                .contains("# CREATE TRIGGER \"raw\n# name\" AFTER INSERT ON public.orders FOR EACH ROW");
        assertThat(new DeclarationLoader(new Substitution(Map.of())).parse("export", yaml))
                .containsExactly(declared);
    }
}
