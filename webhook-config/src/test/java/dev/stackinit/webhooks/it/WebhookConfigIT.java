package dev.stackinit.webhooks.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.stackinit.embedded.EmbeddedSupabase;
import dev.stackinit.embedded.EmbeddedSupabase.RecordedRequest;
import dev.stackinit.webhooks.cli.WebhookConfigCommand;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The CLI end to end on embedded PostgreSQL with the recording pg_net stand-in. */
class WebhookConfigIT {
    static final String NEW_USER_TRIGGER = "CREATE TRIGGER new_user AFTER INSERT ON public.profiles FOR EACH ROW"
            + " EXECUTE FUNCTION supabase_functions.http_request('http://stackend:8000/webhooks/new_user', 'POST',"
            + " '{\"Content-Type\":\"application/json\"}', '{}', '5000')";
    static EmbeddedSupabase server;
    static TestDatabases databases;
    static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    String db;
    StringWriter out;
    StringWriter err;

    @BeforeAll
    static void start() {
        server = EmbeddedSupabase.start();
        databases = new TestDatabases(server);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @BeforeEach
    void freshDatabase() throws Exception {
        db = databases.fresh();
        databases.sql(
                db,
                "CREATE TABLE public.profiles (id serial PRIMARY KEY, name text)",
                "CREATE TABLE public.orders (id serial PRIMARY KEY, total int)");
        assertThat(cli("bootstrap", "--admin-url", databases.adminUrl(db))).isZero();
    }

    int cli(String... args) {
        return cli(Map.of(), args);
    }

    int cli(Map<String, String> extraEnv, String... args) {
        out = new StringWriter();
        err = new StringWriter();
        Map<String, String> env = new java.util.HashMap<>(extraEnv);
        env.putIfAbsent("DATABASE_URL", databases.url(db));
        return WebhookConfigCommand.run(env, new PrintWriter(out), new PrintWriter(err), args);
    }

    Path file(String name, String yaml) throws Exception {
        return Files.writeString(dir.resolve(name), yaml);
    }

    @Test
    void theSampleCreatesStudiosTriggerAndFiresTheExpectedRequest() throws Exception {
        assertThat(cli("apply", "-f", "samples/webhooks.yml"))
                .as(err.toString())
                .isZero();
        assertThat(out.toString())
                .contains("+ created   new_user on public.profiles")
                .contains("1 change (1 created)");
        assertThat(databases.triggerDefinitions(db)).containsExactly(NEW_USER_TRIGGER);

        databases.sql(db, "INSERT INTO public.profiles (name) VALUES ('ada')");

        List<RecordedRequest> requests = server.recordedRequests(db);
        assertThat(requests).hasSize(1);
        RecordedRequest request = requests.get(0);
        assertThat(request.method()).isEqualTo("POST");
        assertThat(request.url()).isEqualTo("http://stackend:8000/webhooks/new_user");
        assertThat(JSON.readTree(request.headersJson()))
                .isEqualTo(JSON.readTree("{\"Content-Type\":\"application/json\"}"));
        assertThat(JSON.readTree(request.paramsJson())).isEqualTo(JSON.readTree("{}"));
        assertThat(request.timeoutMs()).isEqualTo(5000);
        JsonNode body = JSON.readTree(request.bodyJson());
        assertThat(body.get("type").asText()).isEqualTo("INSERT");
        assertThat(body.get("table").asText()).isEqualTo("profiles");
        assertThat(body.get("schema").asText()).isEqualTo("public");
        assertThat(body.get("record")).isEqualTo(JSON.readTree("{\"id\":1,\"name\":\"ada\"}"));
        assertThat(body.get("old_record").isNull()).isTrue();
        assertThat(databases.column(db, "SELECT hook_name FROM supabase_functions.hooks"))
                .containsExactly("new_user");

        assertThat(cli("apply", "-f", "samples/webhooks.yml")).isZero();
        assertThat(out.toString()).contains("0 changes, 1 unchanged");
        assertThat(databases.triggerDefinitions(db)).containsExactly(NEW_USER_TRIGGER);
    }

    @Test
    void planShowsWithoutChangingAndAChangedUrlUpdatesOnlyThatTrigger() throws Exception {
        String hooks = "webhooks:\n"
                + "  - {name: a_hook, table: orders, events: [UPDATE, INSERT], url: '${A_URL}'}\n"
                + "  - {name: b_hook, table: orders, events: [DELETE], url: 'http://b:1/x', method: GET,"
                + " params: {k: v}, timeout_ms: 1000}\n";
        Path file = file("hooks.yml", hooks);
        assertThat(cli(Map.of("A_URL", "http://a:1/x"), "plan", "-f", file.toString()))
                .isZero();
        assertThat(out.toString()).contains("2 changes (2 to create)");
        assertThat(databases.triggerDefinitions(db)).isEmpty();
        assertThat(cli(Map.of("A_URL", "http://a:1/x"), "apply", "-f", file.toString()))
                .isZero();
        List<String> oids = triggerOids();

        assertThat(cli(Map.of("A_URL", "http://a:2/x"), "plan", "--json", "-f", file.toString()))
                .isZero();
        JsonNode plan = JSON.readTree(out.toString());
        assertThat(plan.at("/summary/updated").asInt()).isEqualTo(1);
        assertThat(plan.at("/changes/0/differences/0").asText()).isEqualTo("url http://a:1/x → http://a:2/x");
        assertThat(cli(Map.of("A_URL", "http://a:2/x"), "apply", "-f", file.toString()))
                .isZero();
        assertThat(out.toString()).contains("1 change (1 updated), 1 unchanged");

        List<String> after = triggerOids();
        assertThat(after.get(1)).isEqualTo(oids.get(1));
        assertThat(after.get(0)).isNotEqualTo(oids.get(0));
        assertThat(databases.triggerDefinitions(db))
                .contains("CREATE TRIGGER a_hook AFTER INSERT OR UPDATE ON public.orders FOR EACH ROW EXECUTE FUNCTION"
                        + " supabase_functions.http_request('http://a:2/x', 'POST',"
                        + " '{\"Content-Type\":\"application/json\"}', '{}', '5000')");

        databases.sql(db, "INSERT INTO public.orders (total) VALUES (3)", "DELETE FROM public.orders");
        List<RecordedRequest> requests = server.recordedRequests(db);
        assertThat(requests).extracting(RecordedRequest::method).containsExactly("POST", "GET");
        assertThat(requests.get(1).url()).isEqualTo("http://b:1/x");
        assertThat(JSON.readTree(requests.get(1).paramsJson())).isEqualTo(JSON.readTree("{\"k\":\"v\"}"));
        assertThat(requests.get(1).timeoutMs()).isEqualTo(1000);
    }

    @Test
    void pruneDeletesAnUndeclaredWebhookAndNothingElse() throws Exception {
        databases.sql(
                db,
                "CREATE FUNCTION public.touch() RETURNS trigger LANGUAGE plpgsql AS $$BEGIN RETURN NEW; END$$",
                "CREATE TRIGGER not_a_webhook BEFORE INSERT ON public.orders FOR EACH ROW EXECUTE FUNCTION public.touch()",
                "CREATE TRIGGER studio_made AFTER DELETE ON public.orders FOR EACH ROW EXECUTE FUNCTION"
                        + " supabase_functions.http_request('http://x/', 'POST', '{}', '{}', '1000')");
        assertThat(cli("apply", "-f", "samples/webhooks.yml")).isZero();
        assertThat(out.toString()).contains("! undeclared, kept studio_made on public.orders");
        assertThat(cli("apply", "--prune", "-f", "samples/webhooks.yml")).isZero();
        assertThat(out.toString()).contains("- deleted   studio_made").contains("1 change (1 deleted), 1 unchanged");
        assertThat(databases.column(db, "SELECT tgname FROM pg_trigger WHERE NOT tgisinternal ORDER BY 1"))
                .contains("new_user", "not_a_webhook")
                .doesNotContain("studio_made");
    }

    @Test
    void exportThenApplyOnAFreshDatabaseReproducesTheTriggers() throws Exception {
        databases.sql(
                db,
                "CREATE TRIGGER by_hand AFTER UPDATE OR DELETE OR INSERT ON public.orders FOR EACH ROW EXECUTE FUNCTION"
                        + " supabase_functions.http_request('https://api.example.com/h?a=1', 'GET',"
                        + " '{\"X-Cost\":\"$5\"}', '{\"q\":\"it''s\"}', '2000')");
        assertThat(cli("apply", "-f", "samples/webhooks.yml")).isZero();
        Path exported = dir.resolve("exported.yml");
        assertThat(cli("export", "-o", exported.toString())).isZero();
        assertThat(Files.readString(exported)).contains("name: by_hand").contains("$$5");

        String original = db;
        db = databases.fresh();
        databases.sql(
                db,
                "CREATE TABLE public.profiles (id serial PRIMARY KEY, name text)",
                "CREATE TABLE public.orders (id serial PRIMARY KEY, total int)");
        assertThat(cli("bootstrap", "--admin-url", databases.adminUrl(db))).isZero();
        assertThat(cli("apply", "-f", exported.toString())).as(err.toString()).isZero();
        assertThat(databases.triggerDefinitions(db)).isEqualTo(databases.triggerDefinitions(original));

        assertThat(cli("export", "--rewrite-url", "https://api.example.com=>http://stackend:8000"))
                .isZero();
        assertThat(out.toString()).contains("url: http://stackend:8000/h?a=1");
    }

    @Test
    void exportKeepsTriggersOutsideStudiosFormOutOfTheYamlAndPlanLeavesThemAlone() throws Exception {
        databases.sql(
                db,
                "CREATE TRIGGER two_args AFTER INSERT ON public.orders FOR EACH ROW EXECUTE FUNCTION"
                        + " supabase_functions.http_request('http://stackend:8000/two', 'POST')",
                "CREATE TRIGGER null_args AFTER DELETE ON public.orders FOR EACH ROW EXECUTE FUNCTION"
                        + " supabase_functions.http_request('http://stackend:8000/nulls', 'POST', 'null', 'null',"
                        + " 'null')");
        assertThat(cli("apply", "-f", "samples/webhooks.yml")).isZero();
        List<String> before = databases.triggerDefinitions(db);

        Path exported = dir.resolve("exported.yml");
        // apply would not recreate them on another database: exit 3 unless the user accepts that
        assertThat(cli("export", "-o", exported.toString())).isEqualTo(3);
        assertThat(err.toString()).contains("pass --allow-partial to accept that");
        assertThat(cli("export", "--json", "-o", exported.toString())).isEqualTo(3);
        assertThat(JSON.readTree(out.toString()).get("skippedCount").asInt()).isEqualTo(2);
        assertThat(JSON.readTree(out.toString()).get("exit").asInt()).isEqualTo(3);
        assertThat(cli("export", "--allow-partial", "-o", exported.toString())).isZero();
        String yaml = Files.readString(exported);
        assertThat(yaml)
                .contains("name: new_user")
                .doesNotContain("name: two_args")
                .doesNotContain("name: null_args");
        assertThat(err.toString())
                .contains("warning: two_args on public.orders not declared: it passes 2 arguments")
                .contains("warning: null_args on public.orders not declared: it passes 'null' for headers, params,"
                        + " timeout")
                .contains("2 trigger(s) kept as SQL comments")
                .contains("2 trigger(s) not declared (named above)");
        // nothing is lost: their SQL is in the file, as comments
        assertThat(yaml)
                .contains("# CREATE TRIGGER two_args AFTER INSERT ON public.orders FOR EACH ROW EXECUTE FUNCTION"
                        + " supabase_functions.http_request('http://stackend:8000/two', 'POST');")
                .contains("# CREATE TRIGGER null_args AFTER DELETE ON public.orders");

        assertThat(cli("plan", "--json", "-f", exported.toString())).isZero();
        JsonNode plan = JSON.readTree(out.toString());
        assertThat(plan.at("/summary/updated").asInt()).isZero();
        assertThat(plan.at("/summary/created").asInt()).isZero();
        assertThat(plan.at("/summary/deleted").asInt()).isZero();
        assertThat(plan.at("/summary/kept").asInt()).isEqualTo(2);
        assertThat(cli("apply", "-f", exported.toString())).isZero();
        assertThat(out.toString()).contains("0 changes, 1 unchanged");
        assertThat(databases.triggerDefinitions(db)).isEqualTo(before);

        // stdout carries the same, for pipes
        assertThat(cli("export", "--allow-partial")).isZero();
        assertThat(out.toString()).isEqualTo(yaml);
    }

    @Test
    void hostileNamesAndUrlsAreQuotedSafely() throws Exception {
        databases.sql(
                db,
                "CREATE SCHEMA \"Ünï code\"",
                "CREATE TABLE \"Ünï code\".\"we\"\"ird; DROP TABLE public.orders; --\" (id int)");
        String yaml = "webhooks:\n"
                + "  - name: \"h'\\\"; DROP TABLE public.profiles; -- 😀\"\n"
                + "    schema: \"Ünï code\"\n"
                + "    table: \"we\\\"ird; DROP TABLE public.orders; --\"\n"
                + "    events: [INSERT]\n"
                + "    url: \"http://x/a?b='1');DROP/**/TABLE/**/public.profiles;--&c=\\\\d\"\n"
                + "    headers: {Content-Type: application/json, X-Q: \"'\\\\\"}\n";
        Path file = file("hostile.yml", yaml);
        assertThat(cli("apply", "-f", file.toString())).as(err.toString()).isZero();
        assertThat(cli("apply", "-f", file.toString())).isZero();
        assertThat(out.toString()).contains("0 changes, 1 unchanged");
        assertThat(databases.column(db, "SELECT count(*) FROM pg_tables WHERE tablename IN ('orders', 'profiles')"))
                .containsExactly("2");

        databases.sql(db, "INSERT INTO \"Ünï code\".\"we\"\"ird; DROP TABLE public.orders; --\" VALUES (1)");
        RecordedRequest request = server.recordedRequests(db).get(0);
        assertThat(request.url()).isEqualTo("http://x/a?b='1');DROP/**/TABLE/**/public.profiles;--&c=\\d");
        assertThat(JSON.readTree(request.headersJson()).get("X-Q").asText()).isEqualTo("'\\");
        assertThat(databases.column(db, "SELECT tgname FROM pg_trigger WHERE NOT tgisinternal"))
                .contains("h'\"; DROP TABLE public.profiles; -- 😀");
    }

    @Test
    void deleteRemovesOneWebhookAndIsIdempotent() throws Exception {
        assertThat(cli("apply", "-f", "samples/webhooks.yml")).isZero();
        assertThat(cli("delete", "new_user")).isZero();
        assertThat(out.toString()).contains("1 change (1 deleted)");
        assertThat(cli("delete", "new_user")).isZero();
        assertThat(out.toString()).contains("0 changes: no webhook named new_user");
        assertThat(databases.triggerDefinitions(db)).isEmpty();
    }

    @Test
    void listShowsTheLiveWebhooksWithPasswordsMasked() throws Exception {
        Path file = file(
                "l.yml",
                "webhooks:\n  - {name: h, table: orders, events: [INSERT],"
                        + " url: 'https://user:topsecret@api.example.com/x', headers: {Content-Type: application/json,"
                        + " Authorization: Bearer abcdef}}\n");
        assertThat(cli("apply", "-f", file.toString())).isZero();
        assertThat(cli("list")).isZero();
        assertThat(out.toString()).contains("h     public.orders  INSERT  POST").doesNotContain("topsecret");
        assertThat(cli("list", "--json")).isZero();
        JsonNode list = JSON.readTree(out.toString());
        assertThat(list.get(0).at("/webhook/headers/Authorization").asText()).isEqualTo("****");
        assertThat(out.toString()).doesNotContain("topsecret").doesNotContain("abcdef");
    }

    @Test
    void checksFailBeforeAnyChangeWithExitThree() throws Exception {
        Path file = file(
                "two.yml",
                "webhooks:\n  - {name: ok, table: orders, events: [INSERT], url: 'http://a/'}\n"
                        + "  - {name: gone, table: nowhere, events: [INSERT], url: 'http://a/'}\n");
        assertThat(cli("apply", "-f", file.toString())).isEqualTo(3);
        assertThat(err.toString()).contains("table not found: public.nowhere (webhook gone)");
        assertThat(databases.triggerDefinitions(db)).isEmpty();

        String plain = databases.fresh();
        databases.sql(plain, "CREATE TABLE public.profiles (id int)");
        assertThat(cli(Map.of("DATABASE_URL", databases.url(plain)), "apply", "-f", "samples/webhooks.yml"))
                .isEqualTo(3);
        assertThat(err.toString()).contains("database webhooks are not enabled");
    }

    @Test
    void aStatementTheDatabaseRefusesIsExitFiveAndRollsBackEverything() throws Exception {
        databases.sql(
                db,
                "CREATE ROLE app LOGIN",
                "GRANT USAGE ON SCHEMA supabase_functions TO app",
                "GRANT EXECUTE ON FUNCTION supabase_functions.http_request() TO app",
                "CREATE TABLE public.app_items (id int)",
                "ALTER TABLE public.app_items OWNER TO app");
        // app owns app_items but not orders: the first trigger succeeds, the second is refused
        Path file = file(
                "perm.yml",
                "webhooks:\n  - {name: mine, table: app_items, events: [INSERT], url: 'http://a/'}\n"
                        + "  - {name: theirs, table: orders, events: [INSERT], url: 'http://a/'}\n");
        String appUrl = databases.url(db).replace("postgres:" + server.password(), "app:x");
        assertThat(cli(Map.of("DATABASE_URL", appUrl), "apply", "-f", file.toString()))
                .isEqualTo(5);
        assertThat(err.toString())
                .contains("database refused running CREATE TRIGGER theirs")
                .contains("[42501]");
        assertThat(databases.triggerDefinitions(db)).isEmpty();
    }

    private List<String> triggerOids() throws Exception {
        return new ArrayList<>(databases.column(
                db,
                "SELECT oid::text FROM pg_trigger WHERE NOT tgisinternal"
                        + " AND tgrelid = 'public.orders'::regclass ORDER BY tgname"));
    }
}
