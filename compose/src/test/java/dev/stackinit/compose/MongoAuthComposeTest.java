package dev.stackinit.compose;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * MongoDB with authentication in the compose stack: mongod enforces it (--keyFile, written with the rights mongod
 * wants), every service that talks to MongoDB authenticates, and no Mongo secret ever reaches a command line (where
 * {@code ps} and {@code docker inspect}'s Args would show it) or is printed. The opt-out file turns all of it off.
 */
class MongoAuthComposeTest {
    private static final List<String> SECRETS =
            List.of("MONGO_ROOT_PASSWORD", "MONGO_APP_PASSWORD", "MONGO_KEYFILE", "MONGO_APP_URI");
    private static final Pattern MONGO_URI = Pattern.compile("mongodb(?:\\+srv)?://\\S+");

    private final ComposeModel raw = new ComposeModel(StackFiles.composeRaw());
    private final ComposeModel resolved = new ComposeModel(StackFiles.composeResolved());
    private final String entrypointScript = StackFiles.text(StackFiles.KEYFILE_ENTRYPOINT);

    private static List<String> list(JsonNode node) {
        List<String> items = new ArrayList<>();
        if (node.isArray()) {
            node.forEach(item -> items.add(item.asText()));
        } else if (!node.isMissingNode()) {
            items.add(node.asText());
        }
        return items;
    }

    @Test
    void mongodRunsAsAReplicaSetWithAKeyFileAndListensOnEveryInterface() {
        List<String> command = list(resolved.service("mongo").path("command"));

        assertThat(command.get(0)).isEqualTo("mongod");
        assertThat(String.join(" ", command)).contains("--replSet rs0").contains("--bind_ip_all");
        int keyFile = command.indexOf("--keyFile");
        assertThat(keyFile).as("--keyFile in the mongod command").isPositive();
        assertThat(command.get(keyFile + 1)).isEqualTo("/etc/mongo/keyfile");
        assertThat(command).doesNotContain("--noauth", "--transitionToAuth");
    }

    @Test
    void theKeyFileIsWrittenFromTheEnvironmentWithMode0400ForTheMongodbUser() {
        JsonNode mongo = raw.service("mongo");
        List<String> entrypoint = list(mongo.path("entrypoint"));
        assertThat(entrypoint).containsExactly("bash", "/usr/local/bin/keyfile-entrypoint.sh");
        assertThat(raw.mountTargets("mongo", "./mongo/keyfile-entrypoint.sh"))
                .containsExactly("/usr/local/bin/keyfile-entrypoint.sh");
        assertThat(list(mongo.path("volumes")))
                .contains("./mongo/keyfile-entrypoint.sh:/usr/local/bin/keyfile-entrypoint.sh:ro");
        assertThat(raw.environment("mongo")).containsEntry("MONGO_KEYFILE", "${MONGO_KEYFILE}");

        // the script takes the path from mongod's own --keyFile argument, so the two cannot drift apart
        assertThat(entrypointScript)
                .contains("case \"$previous\" in --keyFile) keyfile=$arg ;; esac")
                .contains("chown mongodb:mongodb \"$keyfile\"")
                .contains("chmod 0400 \"$keyfile\"")
                .contains("umask 077")
                .contains("unset MONGO_KEYFILE")
                .contains("exec docker-entrypoint.sh \"$@\"")
                .doesNotContain("set -x");
        // the key is expanded only into the file: never echoed, never an argument of another command
        List<String> uses = entrypointScript
                .lines()
                .filter(line -> line.contains("$MONGO_KEYFILE") || line.contains("${MONGO_KEYFILE"))
                .map(String::strip)
                .toList();
        assertThat(uses)
                .containsExactly(
                        "if [ -n \"${MONGO_KEYFILE:-}\" ]; then",
                        "(umask 077 && printf '%s\\n' \"$MONGO_KEYFILE\" > \"$keyfile\")");
        assertThat(entrypointScript.indexOf("chmod 0400"))
                .isLessThan(entrypointScript.indexOf("exec docker-entrypoint.sh"));
    }

    @Test
    void theImageCreatesTheRootUserFromEnvOnAnEmptyVolume() {
        assertThat(raw.environment("mongo"))
                .containsEntry("MONGO_INITDB_ROOT_USERNAME", "${MONGO_ROOT_USERNAME}")
                .containsEntry("MONGO_INITDB_ROOT_PASSWORD", "${MONGO_ROOT_PASSWORD}");
        // mongod reads the key before anything else starts: .env must have been checked first
        assertThat(raw.dependsOn("mongo")).containsEntry("keys", ComposeModel.COMPLETED);
    }

    @Test
    void theHealthcheckAuthenticatesWithThePasswordFromTheContainersEnvironment() {
        String check = raw.healthcheckText("mongo");
        assertThat(check)
                .contains("env.MONGO_INITDB_ROOT_USERNAME")
                .contains("env.MONGO_INITDB_ROOT_PASSWORD")
                .contains("encodeURIComponent")
                .contains("ping")
                .contains("replSetGetStatus")
                .contains("94");
        assertThat(check).as("interpolated into the healthcheck's argv").doesNotContain("${");
        assertThat(check).doesNotContain("--password", " -p ", "--username", " -u ");
    }

    @Test
    void everyServiceThatTalksToMongoAuthenticates() {
        Map<String, List<String>> clients = new LinkedHashMap<>();
        raw.services().forEach((name, service) -> {
            if (name.equals("mongo")) {
                return;
            }
            raw.environment(name).forEach((variable, value) -> {
                if (value.contains("mongodb://") || value.equals("${MONGO_APP_URI}")) {
                    clients.computeIfAbsent(name, n -> new ArrayList<>()).add(variable + "=" + value);
                }
            });
        });
        assertThat(clients).containsOnlyKeys("mongo-init", "mongo-express", "stackend");

        // mongo-init: root by name in the URI, its password in a variable of its own
        Map<String, String> init = raw.environment("mongo-init");
        assertThat(init.get("MONGO_SEEDER_TARGET_URI"))
                .startsWith("mongodb://${MONGO_ROOT_USERNAME}@localhost:27017/")
                .contains("authSource=admin");
        assertThat(init).containsEntry("MONGO_SEEDER_TARGET_PASSWORD", "${MONGO_ROOT_PASSWORD}");
        // mongo-express: root, user and password in its URL
        assertThat(raw.environment("mongo-express").get("ME_CONFIG_MONGODB_URL"))
                .startsWith("mongodb://${MONGO_ROOT_USERNAME}:${MONGO_ROOT_PASSWORD}@mongo:27017/");
        // stackend: the app user's URI that key-generator builds (and copies into stackend.env)
        assertThat(raw.environment("stackend")).containsEntry("MONGO_URL", "${MONGO_APP_URI}");
        assertThat(StackFiles.text(StackFiles.ENV_MAPPING)).contains("MONGO_URL: MONGO_APP_URI");

        // any other URI to mongo would need the same: none may go without credentials
        clients.values().stream()
                .flatMap(List::stream)
                .map(MONGO_URI::matcher)
                .filter(Matcher::find)
                .map(Matcher::group)
                .forEach(uri -> assertThat(uri).as(uri).contains("@"));
    }

    @Test
    void mongoInitSharesMongodsNetworkForTheLocalhostExceptionAndKeepsTheAppUser() {
        JsonNode init = raw.service("mongo-init");
        assertThat(init.path("network_mode").asText()).isEqualTo("service:mongo");
        assertThat(init.has("extra_hosts"))
                .as("Docker refuses extra_hosts with another container's network")
                .isFalse();
        assertThat(init.has("ports")).isFalse();
        Map<String, String> env = raw.environment("mongo-init");
        assertThat(env)
                .containsEntry("MONGO_SEEDER_APP_USERNAME", "${MONGO_APP_USERNAME}")
                .containsEntry("MONGO_SEEDER_APP_PASSWORD", "${MONGO_APP_PASSWORD}");
        assertThat(env.get("MONGO_SEEDER_APP_DATABASE").split(","))
                .containsExactlyInAnyOrder("${MONGO_APP_DATABASE}", "${MONGO_SEED_DATABASE}");
        assertThat(resolved.environment("mongo-init").get("MONGO_SEEDER_APP_DATABASE"))
                .isEqualTo("stackend,__models__");
    }

    @Test
    void noMongoSecretReachesACommandLine() {
        List<String> leaks = new ArrayList<>();
        raw.services().forEach((name, service) -> {
            List<String> argv = new ArrayList<>();
            argv.addAll(list(service.path("command")));
            argv.addAll(list(service.path("entrypoint")));
            argv.addAll(list(service.path("healthcheck").path("test")));
            for (String arg : argv) {
                for (String secret : SECRETS) {
                    if (Interpolation.variables(arg).contains(secret)) {
                        leaks.add(name + ": " + secret);
                    }
                }
            }
        });
        assertThat(leaks).isEmpty();
    }

    @Test
    void theMongoSecretsAreGeneratedNeverShipped() {
        Map<String, String> example = DotEnv.read(StackFiles.ENV_EXAMPLE).values();
        SECRETS.forEach(secret -> assertThat(example).containsEntry(secret, ""));
        assertThat(example)
                .containsEntry("MONGO_ROOT_USERNAME", "root")
                .containsEntry("MONGO_APP_USERNAME", "stackend")
                .containsKey("MONGO_APP_DATABASE");
    }

    @Test
    void theNoAuthVariantDropsTheKeyFileAndEveryCredential() {
        ComposeModel noAuth = new ComposeModel(StackFiles.yaml(StackFiles.COMPOSE_NO_AUTH));
        assertThat(noAuth.services().keySet())
                .containsExactlyInAnyOrder("mongo", "mongo-init", "mongo-express", "stackend")
                .allSatisfy(name -> assertThat(raw.services()).containsKey(name));

        List<String> command = list(noAuth.service("mongo").path("command"));
        assertThat(String.join(" ", command))
                .contains("--replSet ${MONGO_REPLICA_SET}")
                .doesNotContain("--keyFile");
        assertThat(noAuth.environment("mongo"))
                .containsEntry("MONGO_INITDB_ROOT_USERNAME", "")
                .containsEntry("MONGO_INITDB_ROOT_PASSWORD", "")
                .containsEntry("MONGO_KEYFILE", "");
        assertThat(noAuth.environment("mongo-init"))
                .containsEntry("MONGO_SEEDER_TARGET_PASSWORD", "")
                .containsEntry("MONGO_SEEDER_APP_USERNAME", "")
                .containsEntry("MONGO_SEEDER_APP_PASSWORD", "");
        Set<String> uris = new LinkedHashSet<>();
        noAuth.services()
                .keySet()
                .forEach(name -> noAuth.environment(name).values().stream()
                        .filter(v -> v.startsWith("mongodb://"))
                        .forEach(uris::add));
        assertThat(uris).hasSize(3).allSatisfy(uri -> assertThat(uri).doesNotContain("@"));
        assertThat(Interpolation.variables(StackFiles.yaml(StackFiles.COMPOSE_NO_AUTH)))
                .allSatisfy(v ->
                        assertThat(DotEnv.read(StackFiles.ENV_EXAMPLE).values()).containsKey(v));
        String readme = StackFiles.text(StackFiles.MODULE.resolve("README.md"));
        assertThat(readme).contains("-f docker-compose.yml -f docker-compose.no-auth.yml");
    }
}
