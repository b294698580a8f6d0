package dev.stackinit.webhooks.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import dev.stackinit.webhooks.cli.WebhookConfigCommand;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.postgresql.PostgreSQLContainer;
import org.testcontainers.utility.DockerImageName;

/**
 * The real thing: supabase/postgres with real pg_net, bootstrap as supabase_admin, apply as the demoted postgres, and
 * a row insert whose webhook request reaches an HTTP server in this JVM.
 */
@Testcontainers(disabledWithoutDocker = true)
class WebhookConfigContainerIT {
    static final String PASSWORD = "container-test-pw";
    static final ObjectMapper JSON = new ObjectMapper();
    static final BlockingQueue<Map<String, String>> RECEIVED = new ArrayBlockingQueue<>(10);
    static PostgreSQLContainer postgres;
    static HttpServer receiver;

    @BeforeAll
    static void start() throws Exception {
        receiver = HttpServer.create(new InetSocketAddress("0.0.0.0", 0), 0);
        receiver.createContext("/webhooks/new_user", exchange -> {
            Map<String, String> request = new HashMap<>();
            request.put("method", exchange.getRequestMethod());
            request.put("content-type", exchange.getRequestHeaders().getFirst("Content-Type"));
            request.put("body", new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            RECEIVED.offer(request);
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        receiver.start();
        org.testcontainers.Testcontainers.exposeHostPorts(receiver.getAddress().getPort());
        postgres = new PostgreSQLContainer(
                        DockerImageName.parse("supabase/postgres:15.8.1.085").asCompatibleSubstituteFor("postgres"))
                .withUsername("supabase_admin")
                .withPassword(PASSWORD)
                .withDatabaseName("postgres")
                // keep the image's own configuration: it preloads pg_net
                .withCommand("postgres", "-D", "/etc/postgresql");
        postgres.start();
    }

    @AfterAll
    static void stop() {
        if (postgres != null) {
            postgres.stop();
        }
        if (receiver != null) {
            receiver.stop(0);
        }
    }

    private static String url(String user) {
        return "postgres://" + user + ":" + PASSWORD + "@" + postgres.getHost() + ":" + postgres.getMappedPort(5432)
                + "/postgres";
    }

    private static int cli(StringWriter out, String... args) {
        Map<String, String> env = Map.of(
                "DATABASE_URL",
                url("postgres"),
                "STACKEND_URL",
                "http://host.testcontainers.internal:" + receiver.getAddress().getPort());
        return WebhookConfigCommand.run(env, new PrintWriter(out), new PrintWriter(new StringWriter()), args);
    }

    @Test
    void onTheRealImageTheCatalogIsWhatSupabasesSetUpLeaves() throws Exception {
        assertThat(cli(new StringWriter(), "bootstrap", "--admin-url", url("supabase_admin")))
                .isZero();
        try (Connection connection = DriverManager.getConnection(postgres.getJdbcUrl(), "supabase_admin", PASSWORD)) {
            // the image brings its own grant_pg_net_access() and event trigger (their code is the image's business)
            java.util.function.Predicate<String> imageOwn = line ->
                    line.startsWith("function extensions.grant_pg_net_access()") || line.startsWith("event trigger ");
            assertThat(WebhookCatalog.snapshot(connection).stream().filter(imageOwn.negate()))
                    .containsExactlyElementsOf(SupabaseWebhookParityIT.supabaseSetUp().stream()
                            .filter(imageOwn.negate())
                            .toList());
            assertThat(WebhookCatalog.snapshot(connection))
                    .anyMatch(line -> line.startsWith(
                            "event trigger issue_pg_net_access: on ddl_command_end for CREATE EXTENSION runs"
                                    + " extensions.grant_pg_net_access()"));
        }
    }

    @Test
    void theSampleWebhookReachesAnHttpServerThroughRealPgNet() throws Exception {
        StringWriter out = new StringWriter();
        assertThat(cli(out, "bootstrap", "--admin-url", url("supabase_admin"))).isZero();
        assertThat(cli(out = new StringWriter(), "bootstrap", "--admin-url", url("supabase_admin")))
                .isZero();
        assertThat(out.toString()).contains("0 changes");
        try (Connection connection = DriverManager.getConnection(postgres.getJdbcUrl(), "postgres", PASSWORD);
                Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE public.profiles (id serial PRIMARY KEY, name text)");
        }
        assertThat(cli(out = new StringWriter(), "apply", "-f", "samples/webhooks.yml"))
                .isZero();
        assertThat(out.toString()).contains("1 change (1 created)");
        assertThat(cli(out = new StringWriter(), "apply", "-f", "samples/webhooks.yml"))
                .isZero();
        assertThat(out.toString()).contains("0 changes, 1 unchanged");

        try (Connection connection = DriverManager.getConnection(postgres.getJdbcUrl(), "postgres", PASSWORD);
                Statement statement = connection.createStatement()) {
            try (ResultSet rows =
                    statement.executeQuery("SELECT pg_get_triggerdef(oid) FROM pg_trigger WHERE tgname = 'new_user'")) {
                assertThat(rows.next()).isTrue();
                assertThat(rows.getString(1))
                        .isEqualTo("CREATE TRIGGER new_user AFTER INSERT ON public.profiles FOR EACH ROW EXECUTE"
                                + " FUNCTION supabase_functions.http_request('http://host.testcontainers.internal:"
                                + receiver.getAddress().getPort() + "/webhooks/new_user', 'POST',"
                                + " '{\"Content-Type\":\"application/json\"}', '{}', '5000')");
            }
            statement.execute("INSERT INTO public.profiles (name) VALUES ('ada')");
        }

        Map<String, String> request = RECEIVED.poll(30, TimeUnit.SECONDS);
        assertThat(request).as("request received by the HTTP server").isNotNull();
        assertThat(request.get("method")).isEqualTo("POST");
        assertThat(request.get("content-type")).isEqualTo("application/json");
        JsonNode body = JSON.readTree(request.get("body"));
        assertThat(body.get("type").asText()).isEqualTo("INSERT");
        assertThat(body.get("table").asText()).isEqualTo("profiles");
        assertThat(body.get("schema").asText()).isEqualTo("public");
        assertThat(body.at("/record/name").asText()).isEqualTo("ada");
        assertThat(body.get("old_record").isNull()).isTrue();
    }
}
