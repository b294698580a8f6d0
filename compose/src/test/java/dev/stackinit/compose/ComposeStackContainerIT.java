package dev.stackinit.compose;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.testcontainers.junit.jupiter.Testcontainers;

/**
 * The whole trimmed stack on a real engine, from a copy of compose/ with the documented first run: .env from the
 * example, secrets from `docker compose run keys generate`, then `up -d --wait`. A test HTTP server on the host stands
 * in for stackend and receives the new_user webhook.
 */
@Testcontainers(disabledWithoutDocker = true)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ComposeStackContainerIT {
    private static final Set<String> INIT = Set.of("keys", "mongo-init", "supabase-migrate");
    private static final Duration UP = Duration.ofMinutes(15);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final BlockingQueue<String[]> HOOKS = new LinkedBlockingQueue<>();

    private static StackProject stack;
    private static HttpServer stackend;
    private static Map<String, String> env;

    @BeforeAll
    static void up() throws Exception {
        assumeTrue(DockerCli.available("compose", "version"), "the docker compose v2 plugin is not available");
        StackProject.buildImages("keys", "mongo-init", "supabase-migrate");

        stackend = HttpServer.create(new InetSocketAddress("0.0.0.0", 0), 0);
        stackend.createContext("/", exchange -> {
            HOOKS.add(new String[] {
                exchange.getRequestURI().getPath(),
                new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8)
            });
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        stackend.start();

        stack = StackProject.copy(
                "it",
                List.of(
                        "KONG_HTTP_PORT",
                        "KONG_HTTPS_PORT",
                        "POSTGRES_PORT",
                        "MONGO_PORT",
                        "MONGO_EXPRESS_PORT",
                        "STACKEND_PORT",
                        "STACKWEB_PORT"),
                Map.of(
                        "STACKEND_URL",
                        "http://host.docker.internal:" + stackend.getAddress().getPort()));

        // the README's first-run command
        env = stack.generateKeys();
        assertThat(env.get("JWT_SECRET")).as("generated JWT_SECRET").hasSizeGreaterThanOrEqualTo(32);
        assertThat(DotEnv.read(stack.dir.resolve("stackend.env")).values())
                .containsEntry("SUPABASE_ANON_KEY", env.get("ANON_KEY"));

        compose(UP, "up", "-d", "--wait", "--wait-timeout", Long.toString(UP.toSeconds()));
    }

    @AfterAll
    static void down() {
        if (stack != null) {
            stack.down();
        }
        if (stackend != null) {
            stackend.stop(0);
        }
    }

    @Test
    @Order(1)
    void theInitServicesRanOnceAndExitedZero() throws IOException {
        Map<String, JsonNode> containers = containers();
        for (String init : INIT) {
            assertThat(containers).containsKey(init);
            assertThat(containers.get(init).path("State").asText()).as(init).isEqualTo("exited");
            assertThat(containers.get(init).path("ExitCode").asInt(-1))
                    .as(init + " exit code")
                    .isZero();
        }
        assertThat(compose(Duration.ofSeconds(30), "logs", "keys")).contains("ok");
        // MongoDB with authentication: mongo-init logged in as root and made the app user
        assertThat(compose(Duration.ofSeconds(30), "logs", "mongo-init"))
                .contains("access control: on")
                .contains("app user " + env.get("MONGO_APP_USERNAME"))
                .doesNotContain(env.get("MONGO_ROOT_PASSWORD"), env.get("MONGO_APP_PASSWORD"));
    }

    @Test
    @Order(2)
    void aSecondUpChangesNothing() throws IOException {
        Map<String, String> before = runningSince();
        compose(UP, "up", "-d", "--wait", "--wait-timeout", Long.toString(UP.toSeconds()));
        assertThat(runningSince())
                .as("long-running containers were neither recreated nor restarted")
                .isEqualTo(before);
        Map<String, JsonNode> containers = containers();
        INIT.forEach(init -> assertThat(containers.get(init).path("ExitCode").asInt(-1))
                .as(init)
                .isZero());
    }

    @Test
    @Order(3)
    void aNewProfileFiresTheNewUserWebhookOnce() throws Exception {
        HOOKS.clear();
        String email = "it-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
        HttpResponse<String> signup = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(env.get("SUPABASE_PUBLIC_URL") + "/auth/v1/signup"))
                                .header("apikey", env.get("ANON_KEY"))
                                .header("Content-Type", "application/json")
                                .POST(HttpRequest.BodyPublishers.ofString(
                                        "{\"email\":\"" + email + "\",\"password\":\"correct-horse-42\"}"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertThat(signup.statusCode()).as(signup.body()).isEqualTo(200);

        // GoTrue inserts into auth.users → handle_new_user inserts the profile → the webhook posts it (pg_net)
        String[] hook = HOOKS.poll(60, TimeUnit.SECONDS);
        assertThat(hook).as("a request reached the stand-in for stackend").isNotNull();
        assertThat(hook[0]).isEqualTo("/webhooks/new_user");
        JsonNode payload = JSON.readTree(hook[1]);
        assertThat(payload.path("type").asText()).isEqualTo("INSERT");
        assertThat(payload.path("table").asText()).isEqualTo("profiles");
        assertThat(payload.path("schema").asText()).isEqualTo("public");
        assertThat(HOOKS.poll(5, TimeUnit.SECONDS))
                .as("the trigger exists once, after two `up`s")
                .isNull();
    }

    private static String compose(Duration timeout, String... args) {
        return stack.compose(timeout, args);
    }

    /** Service → its container as `docker compose ps -a --format json` describes it (array or one object per line). */
    private static Map<String, JsonNode> containers() throws IOException {
        String output =
                compose(Duration.ofSeconds(30), "ps", "-a", "--format", "json").strip();
        List<JsonNode> nodes = new ArrayList<>();
        if (output.startsWith("[")) {
            JSON.readTree(output).forEach(nodes::add);
        } else {
            for (String line : output.lines().filter(l -> !l.isBlank()).toList()) {
                nodes.add(JSON.readTree(line));
            }
        }
        Map<String, JsonNode> byService = new LinkedHashMap<>();
        nodes.forEach(n -> byService.put(n.path("Service").asText(), n));
        return byService;
    }

    /** Long-running service → container id and start time. */
    private static Map<String, String> runningSince() throws IOException {
        Map<String, String> since = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> c : containers().entrySet()) {
            if (!INIT.contains(c.getKey())) {
                String id = c.getValue().path("ID").asText();
                since.put(
                        c.getKey(),
                        id + " "
                                + DockerCli.ok(
                                                stack.dir,
                                                Duration.ofSeconds(30),
                                                "docker",
                                                "inspect",
                                                "-f",
                                                "{{.State.StartedAt}}",
                                                id)
                                        .strip());
            }
        }
        return since;
    }
}
