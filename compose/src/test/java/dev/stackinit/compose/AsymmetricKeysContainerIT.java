package dev.stackinit.compose;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.testcontainers.junit.jupiter.Testcontainers;

/**
 * The new key system on real images: a copy of compose/ whose .env comes from `keys generate --asymmetric`, the
 * services that carry it (db, auth, rest, storage, kong) up, then PostgREST through Kong with Supabase's new API keys.
 * The publishable key reads (200), a forged one is refused (401), the legacy keys keep working, and a session GoTrue
 * signs with the ES256 key passes PostgREST's JWKS.
 */
@Testcontainers(disabledWithoutDocker = true)
class AsymmetricKeysContainerIT {
    private static final Duration UP = Duration.ofMinutes(10);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private static StackProject stack;
    private static Map<String, String> env;
    private static String api;

    @BeforeAll
    static void up() throws Exception {
        assumeTrue(DockerCli.available("compose", "version"), "the docker compose v2 plugin is not available");
        StackProject.buildImages("keys");
        stack = StackProject.copy(
                "keys", List.of("KONG_HTTP_PORT", "KONG_HTTPS_PORT", "POSTGRES_PORT", "MONGO_PORT"), Map.of());
        api = stack.api;

        // the README's switch: the first-run command plus --asymmetric
        env = stack.generateKeys("--asymmetric");
        assertThat(env.get("SUPABASE_PUBLISHABLE_KEY")).startsWith("sb_publishable_");
        assertThat(env.get("SUPABASE_SECRET_KEY")).startsWith("sb_secret_");
        assertThat(env.get("JWT_JWKS")).contains("\"kty\":\"EC\"").contains("\"kty\":\"oct\"");

        compose(
                UP,
                "up",
                "-d",
                "--wait",
                "--wait-timeout",
                Long.toString(UP.toSeconds()),
                "kong",
                "rest",
                "auth",
                "storage");
        compose(
                Duration.ofMinutes(1),
                "exec",
                "-T",
                "db",
                "psql",
                "-v",
                "ON_ERROR_STOP=1",
                "-U",
                "supabase_admin",
                "-d",
                "postgres",
                "-c",
                "CREATE TABLE public.parity_probe (id int PRIMARY KEY); INSERT INTO public.parity_probe VALUES (1);"
                        + " GRANT SELECT ON public.parity_probe TO anon, authenticated, service_role;"
                        + " NOTIFY pgrst, 'reload schema';");
    }

    @AfterAll
    static void down() {
        if (stack != null) {
            stack.down();
        }
    }

    private static String compose(Duration timeout, String... args) {
        return stack.compose(timeout, args);
    }

    private static HttpResponse<String> probe(String apikey, String authorization) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(api + "/rest/v1/parity_probe?select=id"))
                .header("apikey", apikey);
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return HTTP.send(request.GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    /** PostgREST reloads its schema cache asynchronously after the NOTIFY: ask until it knows the table. */
    private static HttpResponse<String> probeUntilKnown(String apikey, String authorization) throws Exception {
        HttpResponse<String> response = probe(apikey, authorization);
        for (int i = 0; i < 30 && response.statusCode() == 404; i++) {
            Thread.sleep(1000);
            response = probe(apikey, authorization);
        }
        return response;
    }

    @Test
    void thePublishableKeyReadsThroughKong() throws Exception {
        HttpResponse<String> response = probeUntilKnown(env.get("SUPABASE_PUBLISHABLE_KEY"), null);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(JSON.readTree(response.body()).findValuesAsText("id")).containsExactly("1");
        // as supabase-js sends it when nobody is signed in: the key in Authorization too
        response = probe(env.get("SUPABASE_PUBLISHABLE_KEY"), "Bearer " + env.get("SUPABASE_PUBLISHABLE_KEY"));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    }

    @Test
    void aForgedPublishableKeyIsRefused() throws Exception {
        String real = env.get("SUPABASE_PUBLISHABLE_KEY");
        String forged = real.substring(0, real.length() - 8) + (real.endsWith("AAAAAAAA") ? "BBBBBBBB" : "AAAAAAAA");
        HttpResponse<String> response = probeUntilKnown(forged, "Bearer " + forged);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(401);
    }

    @Test
    void theSecretKeyAndBothLegacyKeysStillWork() throws Exception {
        for (String key : List.of("SUPABASE_SECRET_KEY", "ANON_KEY", "SERVICE_ROLE_KEY")) {
            HttpResponse<String> response = probeUntilKnown(env.get(key), null);
            assertThat(response.statusCode()).as(key + ": " + response.body()).isEqualTo(200);
        }
    }

    @Test
    void aSessionGoTrueSignsWithTheEs256KeyPassesPostgrest() throws Exception {
        String publishable = env.get("SUPABASE_PUBLISHABLE_KEY");
        String email = "keys-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
        HttpResponse<String> signup = HTTP.send(
                HttpRequest.newBuilder(URI.create(api + "/auth/v1/signup"))
                        .header("apikey", publishable)
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(
                                "{\"email\":\"" + email + "\",\"password\":\"correct-horse-42\"}"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(signup.statusCode()).as(signup.body()).isEqualTo(200);
        String token = JSON.readTree(signup.body()).path("access_token").asText();
        JsonNode header = JSON.readTree(new String(
                Base64.getUrlDecoder().decode(token.substring(0, token.indexOf('.'))), StandardCharsets.UTF_8));
        assertThat(header.path("alg").asText()).isEqualTo("ES256");
        assertThat(env.get("JWT_KEYS")).contains(header.path("kid").asText());

        HttpResponse<String> response = probeUntilKnown(publishable, "Bearer " + token);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    }

    @Test
    void storageVerifiesTheForwardedJwtToo() throws Exception {
        HttpResponse<String> response = HTTP.send(
                HttpRequest.newBuilder(URI.create(api + "/storage/v1/bucket"))
                        .header("apikey", env.get("SUPABASE_SECRET_KEY"))
                        .GET()
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    }
}
