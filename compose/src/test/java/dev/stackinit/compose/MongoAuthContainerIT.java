package dev.stackinit.compose;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.dockerjava.api.model.HealthCheck;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.Network;
import org.testcontainers.containers.wait.strategy.Wait;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.utility.MountableFile;

/**
 * MongoDB with authentication as this folder sets it up, on real mongo 7.0 and 8.0: the documented first run
 * (`cp .env.example .env`, `key-generator generate --env-file .env --mapping env-mapping.yml`) with the real JAR;
 * mongo started with the compose service's entrypoint, command, environment and healthcheck (Docker's own health
 * status decides when it is up); mongo-init's `init` with its compose environment, in mongo's network namespace, twice;
 * then the app's MONGO_URL from stackend.env, from another container, as the app would; no credentials; and a rotation
 * of the app password through .env. Skipped where there is no Docker engine.
 */
@Testcontainers(disabledWithoutDocker = true)
class MongoAuthContainerIT {
    private static final Duration RUN = Duration.ofMinutes(3);
    private static final String APP_SCRIPT = String.join(
            "\n",
            "const app = connect(process.env.MONGO_URL);",
            "app.notes.insertOne({ at: new Date() });",
            "print('notes=' + app.notes.countDocuments());",
            "print('models=' + app.getSiblingDB('__models__').getCollectionNames().filter(n => !n.startsWith('__')).length);",
            "try { app.getSiblingDB('admin').system.users.findOne(); print('admin=allowed'); }",
            "catch (e) { print('admin=' + e.codeName); }");
    private static final String ANONYMOUS_SCRIPT = String.join(
            "\n",
            "const db = connect('mongodb://mongo:27017/stackend?directConnection=true');",
            "try { db.notes.countDocuments(); print('anonymous=allowed'); } catch (e) { print('anonymous=' + e.codeName); }");

    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(strings = {"mongo:7.0", "mongo:8.0"})
    void theFirstRunsUsersWorkOnARealMongodAndSurviveARotation(String image) throws Exception {
        Files.copy(StackFiles.ENV_EXAMPLE, dir.resolve(".env"));
        Files.copy(StackFiles.ENV_MAPPING, dir.resolve("env-mapping.yml"));
        String generated = keyGenerator("generate", "--env-file", ".env", "--mapping", "env-mapping.yml");
        Map<String, String> env = DotEnv.read(dir.resolve(".env")).values();
        String appUri = DotEnv.read(dir.resolve("stackend.env")).values().get("MONGO_URL");
        assertThat(appUri).startsWith("mongodb://stackend:").contains("@mongo:27017/stackend?replicaSet=rs0");
        assertThat(generated).doesNotContain(env.get("MONGO_ROOT_PASSWORD"), env.get("MONGO_KEYFILE"), appUri);

        ComposeModel compose = new ComposeModel(Interpolation.apply(StackFiles.composeRaw(), env));
        try (Network network = Network.newNetwork();
                GenericContainer<?> mongo = mongo(image, compose, network)) {
            Map<String, String> init = new LinkedHashMap<>(compose.environment("mongo-init"));

            OneShotContainer.Result first = mongoInit(mongo, init);
            assertThat(first.code()).as(first.err()).isZero();
            assertThat(first.out())
                    .contains("replica set rs0: initiated")
                    .contains("access control: on, authenticated as the root user")
                    .contains("app user stackend (readWrite on stackend, __models__): created")
                    .contains("imported");
            OneShotContainer.Result second = mongoInit(mongo, init);
            assertThat(second.code()).as(second.err()).isZero();
            assertThat(second.out())
                    .contains("up to date, nothing to do")
                    .contains("app user stackend (readWrite on stackend, __models__): up to date")
                    .contains("up to date (a completed copy of the same source is recorded)");
            for (OneShotContainer.Result run : List.of(first, second)) {
                assertThat(run.out() + run.err())
                        .doesNotContain(env.get("MONGO_ROOT_PASSWORD"), env.get("MONGO_APP_PASSWORD"));
            }

            OneShotContainer.Result app = client(image, network, Map.of("MONGO_URL", appUri), APP_SCRIPT);
            assertThat(app.code()).as(app.err()).isZero();
            assertThat(app.out()).contains("notes=1").contains("models=3").contains("admin=Unauthorized");
            assertThat(client(image, network, Map.of(), ANONYMOUS_SCRIPT).out()).contains("anonymous=Unauthorized");

            // rotation of the app password: empty it in .env, generate again, mongo-init sets it, the new URL works
            Path dotEnv = dir.resolve(".env");
            Files.writeString(
                    dotEnv,
                    Files.readString(dotEnv).replaceFirst("(?m)^MONGO_APP_PASSWORD=.*$", "MONGO_APP_PASSWORD="));
            assertThat(keyGenerator("generate", "--env-file", ".env", "--mapping", "env-mapping.yml"))
                    .contains("MONGO_APP_PASSWORD")
                    .contains("MONGO_URL");
            Map<String, String> rotatedEnv = DotEnv.read(dotEnv).values();
            String rotatedUri =
                    DotEnv.read(dir.resolve("stackend.env")).values().get("MONGO_URL");
            assertThat(rotatedUri).isNotEqualTo(appUri);
            Map<String, String> rotatedInit =
                    new LinkedHashMap<>(new ComposeModel(Interpolation.apply(StackFiles.composeRaw(), rotatedEnv))
                            .environment("mongo-init"));

            OneShotContainer.Result rotated = mongoInit(mongo, rotatedInit);
            assertThat(rotated.code()).as(rotated.err()).isZero();
            assertThat(rotated.out())
                    .contains("app user stackend (readWrite on stackend, __models__): password updated");
            assertThat(client(image, network, Map.of("MONGO_URL", rotatedUri), APP_SCRIPT)
                            .out())
                    .contains("notes=2");
            OneShotContainer.Result stale = client(image, network, Map.of("MONGO_URL", appUri), APP_SCRIPT);
            assertThat(stale.code()).isNotZero();
            assertThat(stale.out() + stale.err()).containsIgnoringCase("authentication failed");
        }
    }

    /** The mongo service of docker-compose.yml: its entrypoint, command, environment, hostname and healthcheck. */
    private static GenericContainer<?> mongo(String image, ComposeModel compose, Network network) {
        JsonNode service = compose.service("mongo");
        List<String> healthcheck = strings(service.path("healthcheck").path("test"));
        GenericContainer<?> mongo = new GenericContainer<>(image)
                .withNetwork(network)
                .withNetworkAliases("mongo")
                .withCopyFileToContainer(
                        MountableFile.forHostPath(StackFiles.KEYFILE_ENTRYPOINT),
                        "/usr/local/bin/keyfile-entrypoint.sh")
                .withCreateContainerCmdModifier(cmd -> cmd.withEntrypoint(strings(service.path("entrypoint")))
                        .withHostName(service.path("hostname").asText())
                        .withHealthcheck(new HealthCheck()
                                .withTest(healthcheck)
                                .withInterval(TimeUnit.SECONDS.toNanos(2))
                                .withTimeout(TimeUnit.SECONDS.toNanos(10))
                                .withRetries(60)))
                .withCommand(strings(service.path("command")).toArray(String[]::new))
                .withEnv(compose.environment("mongo"))
                .withExposedPorts(27017)
                .waitingFor(Wait.forHealthcheck().withStartupTimeout(RUN));
        mongo.start();
        return mongo;
    }

    /** mongo-seeder's JAR with mongo-init's environment, in mongo's network namespace (network_mode: service:mongo). */
    private static OneShotContainer.Result mongoInit(GenericContainer<?> mongo, Map<String, String> env) {
        Path jar = StackFiles.REPO.resolve("mongo-seeder/target/mongo-seeder.jar");
        assumeTrue(Files.isRegularFile(jar), jar + " is not built");
        return OneShotContainer.run(
                new GenericContainer<>("eclipse-temurin:17-jre")
                        .withNetworkMode("container:" + mongo.getContainerId())
                        .withCopyFileToContainer(MountableFile.forHostPath(jar), "/opt/mongo-seeder.jar")
                        .withCopyFileToContainer(
                                MountableFile.forHostPath(StackFiles.MODULE.resolve("mongo/seed")),
                                env.get("MONGO_SEEDER_SEED_DIR"))
                        .withEnv(env)
                        .withCommand("java", "-jar", "/opt/mongo-seeder.jar", "init"),
                RUN);
    }

    /** mongosh in a container of its own on the stack's network, as an app container would connect. */
    private static OneShotContainer.Result client(
            String image, Network network, Map<String, String> env, String script) {
        return OneShotContainer.run(
                new GenericContainer<>(image)
                        .withNetwork(network)
                        .withEnv(env)
                        .withCreateContainerCmdModifier(cmd -> cmd.withEntrypoint("mongosh"))
                        .withCommand("--nodb", "--quiet", "--norc", "--eval", script),
                RUN);
    }

    private String keyGenerator(String... args) throws Exception {
        Path jar = StackFiles.REPO.resolve("key-generator/target/key-generator.jar");
        assumeTrue(Files.isRegularFile(jar), jar + " is not built");
        List<String> command = new ArrayList<>(
                List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar", jar.toString()));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command)
                .directory(dir.toFile())
                .redirectErrorStream(true)
                .start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(2, TimeUnit.MINUTES)).isTrue();
        assertThat(process.exitValue()).as(output).isZero();
        return output;
    }

    private static List<String> strings(JsonNode node) {
        List<String> items = new ArrayList<>();
        node.forEach(item -> items.add(item.asText()));
        return items;
    }
}
