package dev.stackinit.compose;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** kong/kong.yml routes to services that exist, with the access model the README describes. */
class KongConfigTest {
    private static final Pattern VARIABLE = Pattern.compile("\\$\\{([A-Z_][A-Z0-9_]*)}");

    private final JsonNode kong = StackFiles.yaml(StackFiles.KONG_FILE);
    private final ComposeModel compose = new ComposeModel(StackFiles.composeRaw());

    @Test
    void everyUpstreamIsAServiceOfTheComposeFileOnItsPort() {
        Set<String> hosts = new LinkedHashSet<>(compose.services().keySet());
        compose.services().values().forEach(s -> {
            hosts.add(s.path("container_name").asText());
            hosts.add(s.path("hostname").asText());
        });
        Map<String, Integer> ports = Map.of(
                "auth",
                9999,
                "rest",
                3000,
                "storage",
                5000,
                "meta",
                8080,
                "studio",
                3000,
                "realtime-dev.supabase-realtime",
                4000);
        List<String> problems = new ArrayList<>();
        for (JsonNode service : kong.path("services")) {
            URI url = URI.create(service.path("url").asText());
            if (!hosts.contains(url.getHost())) {
                problems.add(service.path("name").asText() + " → unknown host " + url.getHost());
            } else if (!Integer.valueOf(url.getPort()).equals(ports.get(url.getHost()))) {
                problems.add(service.path("name").asText() + " → " + url.getHost() + ":" + url.getPort());
            }
        }
        assertThat(kong.path("services").size()).isGreaterThan(5);
        assertThat(problems).isEmpty();
    }

    @Test
    void theKeptApisAreRoutedOnceEach() {
        List<String> paths = new ArrayList<>();
        kong.path("services")
                .forEach(s -> s.path("routes").forEach(r -> r.path("paths").forEach(p -> paths.add(p.asText()))));
        assertThat(paths).doesNotHaveDuplicates().contains("/auth/v1/", "/rest/v1/", "/storage/v1/", "/pg/", "/");
    }

    @Test
    void keysGuardTheApisAndBasicAuthGuardsStudio() {
        assertThat(plugins("rest-v1")).contains("key-auth", "acl");
        assertThat(plugins("auth-v1")).contains("key-auth", "acl");
        assertThat(plugins("meta")).contains("key-auth", "acl");
        assertThat(aclAllow("meta")).containsExactly("admin");
        assertThat(aclAllow("rest-v1")).containsExactlyInAnyOrder("admin", "anon");
        assertThat(plugins("dashboard")).contains("basic-auth");
        assertThat(consumerGroup("anon")).isEqualTo("anon");
        assertThat(consumerGroup("service_role")).isEqualTo("admin");
    }

    @Test
    void everyPluginIsEnabledInTheKongService() {
        Set<String> enabled =
                Set.of(compose.environment("kong").get("KONG_PLUGINS").split(","));
        Set<String> used = new LinkedHashSet<>(kong.findValuesAsText("name").stream()
                .filter(n -> Set.of(
                                "cors",
                                "key-auth",
                                "acl",
                                "basic-auth",
                                "request-transformer",
                                "post-function",
                                "request-termination",
                                "ip-restriction")
                        .contains(n))
                .toList());
        assertThat(enabled).containsAll(used);
    }

    @Test
    void theTemplateHoldsOnlyVariablesTheEntrypointRendersAndKongHasThemAll() {
        String text = StackFiles.text(StackFiles.KONG_FILE);
        assertThat(text).doesNotContain("\\").doesNotContain("`");
        String withoutVariables = VARIABLE.matcher(text).replaceAll("");
        assertThat(withoutVariables).as("dollar signs outside ${NAME}").doesNotContain("$");
        Set<String> needed = new LinkedHashSet<>();
        Matcher m = VARIABLE.matcher(text);
        while (m.find()) {
            needed.add(m.group(1));
        }
        assertThat(needed)
                .contains(
                        "SUPABASE_ANON_KEY",
                        "SUPABASE_SERVICE_KEY",
                        "SUPABASE_PUBLISHABLE_KEY",
                        "SUPABASE_SECRET_KEY",
                        "ANON_KEY_ASYMMETRIC",
                        "SERVICE_ROLE_KEY_ASYMMETRIC");
        // the entrypoint stops on a variable that is not set: every one must be in the kong service's environment
        assertThat(compose.environment("kong")).containsKeys(needed.toArray(String[]::new));
        assertThat(entrypoint()).containsExactly("/bin/sh", "/home/kong/kong-entrypoint.sh");
        List<String> command = new ArrayList<>();
        compose.service("kong").path("command").forEach(p -> command.add(p.asText()));
        assertThat(command).containsExactly("/docker-entrypoint.sh", "kong", "docker-start");
        assertThat(compose.mountTargets("kong", "./kong/kong.yml")).containsExactly("/home/kong/template.yml");
        assertThat(compose.mountTargets("kong", "./kong/kong-entrypoint.sh"))
                .containsExactly("/home/kong/kong-entrypoint.sh");
        assertThat(compose.environment("kong")).containsEntry("KONG_DECLARATIVE_CONFIG", "/home/kong/kong.yml");
    }

    @Test
    void eachConsumerAcceptsItsLegacyKeyAndItsNewApiKey() {
        Map<String, List<String>> keys = new java.util.LinkedHashMap<>();
        for (JsonNode consumer : kong.path("consumers")) {
            List<String> credentials = new ArrayList<>();
            consumer.path("keyauth_credentials")
                    .forEach(c -> credentials.add(c.path("key").asText()));
            keys.put(consumer.path("username").asText(), credentials);
        }
        assertThat(keys.get("anon")).containsExactly("${SUPABASE_ANON_KEY}", "${SUPABASE_PUBLISHABLE_KEY}");
        assertThat(keys.get("service_role")).containsExactly("${SUPABASE_SERVICE_KEY}", "${SUPABASE_SECRET_KEY}");
        assertThat(compose.environment("kong"))
                .containsEntry("SUPABASE_ANON_KEY", "${ANON_KEY}")
                .containsEntry("SUPABASE_SERVICE_KEY", "${SERVICE_ROLE_KEY}");
    }

    @Test
    void theKeyTranslationRunsOnEveryRouteAfterAuthentication() {
        JsonNode global = kong.path("plugins");
        assertThat(global.size()).isEqualTo(1);
        assertThat(global.get(0).path("name").asText()).isEqualTo("post-function");
        assertThat(global.get(0).path("config").path("access").size()).isEqualTo(1);
        // no route has a plugin of its own that rewrites Authorization after it
        assertThat(kong.path("services").findValuesAsText("name")).doesNotContain("post-function");
    }

    private List<String> entrypoint() {
        List<String> parts = new ArrayList<>();
        compose.service("kong").path("entrypoint").forEach(p -> parts.add(p.asText()));
        return parts;
    }

    private JsonNode kongService(String name) {
        for (JsonNode service : kong.path("services")) {
            if (service.path("name").asText().equals(name)) {
                return service;
            }
        }
        throw new AssertionError("no kong service " + name);
    }

    private List<String> plugins(String service) {
        return kongService(service).path("plugins").findValuesAsText("name");
    }

    private List<String> aclAllow(String service) {
        for (JsonNode plugin : kongService(service).path("plugins")) {
            if (plugin.path("name").asText().equals("acl")) {
                return Arrays.asList(
                        StackFiles.YAML.convertValue(plugin.path("config").path("allow"), String[].class));
            }
        }
        return List.of();
    }

    private String consumerGroup(String consumer) {
        for (JsonNode acl : kong.path("acls")) {
            if (acl.path("consumer").asText().equals(consumer)) {
                return acl.path("group").asText();
            }
        }
        return "";
    }
}
