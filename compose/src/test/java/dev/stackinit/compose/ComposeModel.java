package dev.stackinit.compose;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Read-only views over a parsed compose file, shared by the checks. */
final class ComposeModel {
    static final String COMPLETED = "service_completed_successfully";
    static final String HEALTHY = "service_healthy";
    static final String STARTED = "service_started";

    private final JsonNode root;

    ComposeModel(JsonNode root) {
        this.root = root;
    }

    Map<String, JsonNode> services() {
        Map<String, JsonNode> services = new LinkedHashMap<>();
        root.path("services").fields().forEachRemaining(e -> services.put(e.getKey(), e.getValue()));
        return services;
    }

    JsonNode service(String name) {
        JsonNode service = root.path("services").path(name);
        if (service.isMissingNode()) {
            throw new AssertionError("no service " + name);
        }
        return service;
    }

    /** depends_on of a service as target → condition ("" where the short list form leaves it implicit). */
    Map<String, String> dependsOn(String name) {
        Map<String, String> targets = new LinkedHashMap<>();
        JsonNode dependsOn = service(name).path("depends_on");
        if (dependsOn.isArray()) {
            dependsOn.forEach(t -> targets.put(t.asText(), ""));
        } else {
            dependsOn
                    .fields()
                    .forEachRemaining(e -> targets.put(
                            e.getKey(), e.getValue().path("condition").asText("")));
        }
        return targets;
    }

    /** Services some other service waits for with service_completed_successfully: the init services. */
    Set<String> initServices() {
        Set<String> init = new LinkedHashSet<>();
        for (String name : services().keySet()) {
            dependsOn(name).forEach((target, condition) -> {
                if (condition.equals(COMPLETED)) {
                    init.add(target);
                }
            });
        }
        return init;
    }

    /** Every init service a service waits for to complete, directly or through the services it depends on. */
    Set<String> initServicesBefore(String name) {
        Set<String> found = new LinkedHashSet<>();
        collectInit(name, found, new LinkedHashSet<>());
        return found;
    }

    private void collectInit(String name, Set<String> found, Set<String> seen) {
        if (!seen.add(name)) {
            return;
        }
        dependsOn(name).forEach((target, condition) -> {
            if (condition.equals(COMPLETED)) {
                found.add(target);
            }
            collectInit(target, found, seen);
        });
    }

    List<String> profiles(String name) {
        List<String> profiles = new ArrayList<>();
        service(name).path("profiles").forEach(p -> profiles.add(p.asText()));
        return profiles;
    }

    /** The environment of a service as a map (both the map and the KEY=value list forms). */
    Map<String, String> environment(String name) {
        Map<String, String> env = new LinkedHashMap<>();
        JsonNode environment = service(name).path("environment");
        if (environment.isArray()) {
            environment.forEach(line -> {
                String[] kv = line.asText().split("=", 2);
                env.put(kv[0], kv.length > 1 ? kv[1] : "");
            });
        } else {
            environment
                    .fields()
                    .forEachRemaining(e -> env.put(e.getKey(), e.getValue().asText()));
        }
        return env;
    }

    /** Published host ports as "port/protocol", one entry per mapping. */
    List<String> hostPorts(String name) {
        List<String> published = new ArrayList<>();
        for (JsonNode port : service(name).path("ports")) {
            if (port.isObject()) {
                if (port.hasNonNull("published")) {
                    published.add(port.get("published").asText() + "/"
                            + port.path("protocol").asText("tcp"));
                }
                continue;
            }
            String spec = port.asText();
            String protocol = "tcp";
            int slash = spec.lastIndexOf('/');
            if (slash >= 0) {
                protocol = spec.substring(slash + 1);
                spec = spec.substring(0, slash);
            }
            String[] parts = spec.split(":");
            if (parts.length >= 2) {
                published.add(parts[parts.length - 2] + "/" + protocol);
            }
        }
        return published;
    }

    /** Bind-mount sources (short syntax starting with . or /, or long syntax type bind). */
    List<String> bindSources(String name) {
        List<String> sources = new ArrayList<>();
        for (JsonNode volume : service(name).path("volumes")) {
            if (volume.isObject()) {
                if (volume.path("type").asText().equals("bind")) {
                    sources.add(volume.path("source").asText());
                }
            } else {
                String source = volume.asText().split(":")[0];
                if (source.startsWith(".") || source.startsWith("/")) {
                    sources.add(source);
                }
            }
        }
        return sources;
    }

    /** Container paths of the bind mounts whose source is the given relative path. */
    List<String> mountTargets(String name, String source) {
        List<String> targets = new ArrayList<>();
        for (JsonNode volume : service(name).path("volumes")) {
            String[] parts = volume.asText().split(":");
            if (parts.length >= 2 && parts[0].equals(source)) {
                targets.add(parts[1]);
            }
        }
        return targets;
    }

    /** All text of a healthcheck test, joined, to look for forbidden commands. */
    String healthcheckText(String name) {
        JsonNode test = service(name).path("healthcheck").path("test");
        if (test.isArray()) {
            List<String> parts = new ArrayList<>();
            test.forEach(p -> parts.add(p.asText()));
            return String.join(" ", parts);
        }
        return test.asText();
    }
}
