package dev.stackinit.compose;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The stack as a container test starts it: a copy of compose/ run as its own compose project, its .env from the example
 * with free host ports, then the README's first run (`keys generate`) as the host user. One place for what every test
 * that brings the stack up does the same way.
 */
final class StackProject {
    final Path dir;
    final String name;
    /** The API's public URL: Kong's HTTP port on localhost. */
    final String api;

    private StackProject(Path dir, String name, String api) {
        this.dir = dir;
        this.name = name;
        this.api = api;
    }

    /** Builds the tool images the test runs, from the module's compose file (pull policy `never` needs them local). */
    static void buildImages(String... services) {
        List<String> command = new ArrayList<>(List.of("docker", "compose", "--env-file", ".env.example", "build"));
        command.addAll(List.of(services));
        DockerCli.ok(StackFiles.MODULE, Duration.ofMinutes(30), command.toArray(String[]::new));
    }

    /**
     * A copy of compose/ with an .env from the example: each of {@code ports} on a free host port, Kong's HTTP port as
     * the public URL, the locally built tool images, e-mail sign-ups confirmed, then {@code overrides}.
     */
    static StackProject copy(String prefix, List<String> ports, Map<String, String> overrides) throws IOException {
        Path dir = Files.createTempDirectory("stack-init-" + prefix + "-");
        StackCopy.copy(StackFiles.MODULE, dir);
        Map<String, String> values = new LinkedHashMap<>();
        for (String port : ports) {
            values.put(port, Integer.toString(StackCopy.freePort()));
        }
        String api = "http://localhost:" + values.get("KONG_HTTP_PORT");
        values.put("SUPABASE_PUBLIC_URL", api);
        values.put("API_EXTERNAL_URL", api);
        values.put("STACK_INIT_PULL_POLICY", "never");
        values.put("ENABLE_EMAIL_AUTOCONFIRM", "true");
        values.putAll(overrides);
        Files.writeString(
                dir.resolve(".env"), StackCopy.withValues(Files.readString(dir.resolve(".env.example")), values));
        return new StackProject(
                dir, "stackinit-" + prefix + "-" + UUID.randomUUID().toString().substring(0, 8), api);
    }

    /** The README's first-run command (plus {@code options}), as the host user so the files stay the user's. */
    Map<String, String> generateKeys(String... options) throws IOException {
        String user = Files.getAttribute(dir, "unix:uid") + ":" + Files.getAttribute(dir, "unix:gid");
        List<String> args = new ArrayList<>(
                List.of("run", "--rm", "--user", user, "-v", dir + ":/work", "-w", "/work", "keys", "generate"));
        args.addAll(List.of(options));
        args.addAll(List.of("--env-file", ".env", "--mapping", "env-mapping.yml"));
        compose(Duration.ofMinutes(2), args.toArray(String[]::new));
        return DotEnv.read(dir.resolve(".env")).values();
    }

    /** `docker compose -p <project> ARGS` in the copy; fails the test on a non-zero exit. */
    String compose(Duration timeout, String... args) {
        List<String> command = new ArrayList<>(List.of("docker", "compose", "-p", name));
        command.addAll(List.of(args));
        return DockerCli.ok(dir, timeout, command.toArray(String[]::new));
    }

    /** Everything the project started, volumes included. */
    void down() {
        DockerCli.run(
                dir, Duration.ofMinutes(5), List.of("docker", "compose", "-p", name, "down", "-v", "--remove-orphans"));
    }
}
