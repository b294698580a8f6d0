package dev.stackinit.seeder;

import static dev.stackinit.seeder.CloneIT.cli;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mongodb.MongoCommandException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import dev.stackinit.seeder.CloneIT.Result;
import dev.stackinit.shared.PercentEncoding;
import java.util.HashMap;
import java.util.Map;
import org.bson.Document;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.junit.jupiter.Testcontainers;

/**
 * rs-init with authentication on real mongod 7.0 and 8.0 started with --keyFile, the keyFile written by compose's
 * keyfile-entrypoint.sh: what the command-level fake ({@link ReplicaSetAuthTest}) cannot prove. Passwords hold
 * characters a URI must encode. Skipped where there is no Docker engine.
 */
@Testcontainers(disabledWithoutDocker = true)
class RsInitAuthContainerIT {
    private static final String ROOT_PASSWORD = "root:p@ss/w0rd?#";
    private static final String APP_PASSWORD = "app p@ss%w0rd&1";
    private static final String NEW_APP_PASSWORD = "rotated+app/p@ss";

    private static Map<String, String> seeder(String rootPassword, String appPassword) {
        Map<String, String> env = new HashMap<>();
        env.put("MONGO_SEEDER_TARGET_URI", "mongodb://root@localhost:27017/?directConnection=true&authSource=admin");
        env.put("MONGO_SEEDER_TARGET_PASSWORD", rootPassword);
        env.put("MONGO_SEEDER_MEMBER_HOST", "secured:27017");
        env.put("MONGO_SEEDER_APP_USERNAME", "stackend");
        env.put("MONGO_SEEDER_APP_PASSWORD", appPassword);
        env.put("MONGO_SEEDER_APP_DATABASE", "stackend,__models__");
        return env;
    }

    /** The app URI as key-generator builds it (MONGO_APP_URI): user and password percent-encoded, replicaSet. */
    private static String appUri(String password) {
        return "mongodb://stackend:" + PercentEncoding.encode(password)
                + "@secured:27017/stackend?replicaSet=rs0&authSource=admin";
    }

    /** Writes and reads as the app user with its URI; prints what it may not do. */
    private static final String APP_SCRIPT = String.join(
            "\n",
            "const app = connect(process.env.APP_URI);",
            "app.notes.insertOne({ at: new Date() });",
            "print('notes=' + app.notes.countDocuments());",
            "app.getSiblingDB('__models__').probe.insertOne({ ok: 1 });",
            "try { app.getSiblingDB('other').x.insertOne({}); print('other=allowed'); }",
            "catch (e) { print('other=' + e.codeName); }");

    @ParameterizedTest
    @ValueSource(strings = {"mongo:7.0", "mongo:8.0"})
    void aFreshNodeGetsItsUsersThroughTheLocalhostExceptionTwiceAndSurvivesARotation(String image) throws Exception {
        try (GenericContainer<?> node =
                SecuredMongo.node(image, "secured", Map.of("MONGO_KEYFILE", SecuredMongo.KEY), true)) {
            // the keyFile as mongod got it: mode 0400, owned by mongodb (999)
            assertThat(node.execInContainer("stat", "-c", "%a %u %U", SecuredMongo.KEYFILE)
                            .getStdout()
                            .strip())
                    .isEqualTo("400 999 mongodb");

            SecuredMongo.Result first =
                    SecuredMongo.tool(node, seeder(ROOT_PASSWORD, APP_PASSWORD), "rs-init", "--json");
            assertThat(first.code()).as(first.err()).isZero();
            assertThat(first.out())
                    .contains("\"action\" : \"initiated\"")
                    .contains("\"access\" : \"root_created\"")
                    .contains("\"created\"");
            SecuredMongo.Result second = SecuredMongo.tool(node, seeder(ROOT_PASSWORD, APP_PASSWORD), "rs-init");
            assertThat(second.code()).as(second.err()).isZero();
            assertThat(second.out())
                    .contains("up to date, nothing to do")
                    .contains("authenticated as the root user")
                    .contains("app user stackend (readWrite on stackend, __models__): up to date");
            for (SecuredMongo.Result run : new SecuredMongo.Result[] {first, second}) {
                assertThat(run.out() + run.err())
                        .doesNotContain(ROOT_PASSWORD, APP_PASSWORD, PercentEncoding.encode(ROOT_PASSWORD));
            }

            // the app user with its URI (replicaSet: the driver discovers secured:27017), readWrite where granted only
            SecuredMongo.Result app = SecuredMongo.mongosh(node, Map.of("APP_URI", appUri(APP_PASSWORD)), APP_SCRIPT);
            assertThat(app.code()).as(app.err()).isZero();
            assertThat(app.out()).contains("notes=1").contains("other=Unauthorized");

            // without credentials, through the published port: refused
            try (MongoClient anonymous =
                    MongoClients.create(SecuredMongo.published(node, "", "/?directConnection=true"))) {
                assertThatThrownBy(() -> anonymous
                                .getDatabase("stackend")
                                .getCollection("notes")
                                .countDocuments())
                        .isInstanceOfSatisfying(
                                MongoCommandException.class,
                                e -> assertThat(e.getErrorCode()).isEqualTo(13));
            }

            // rotation: the new password from .env is set, the old one stops working
            SecuredMongo.Result rotated = SecuredMongo.tool(node, seeder(ROOT_PASSWORD, NEW_APP_PASSWORD), "rs-init");
            assertThat(rotated.code()).as(rotated.err()).isZero();
            assertThat(rotated.out()).contains("app user stackend").contains("password updated");
            assertThat(SecuredMongo.mongosh(node, Map.of("APP_URI", appUri(NEW_APP_PASSWORD)), APP_SCRIPT)
                            .out())
                    .contains("notes=2");
            SecuredMongo.Result old = SecuredMongo.mongosh(node, Map.of("APP_URI", appUri(APP_PASSWORD)), APP_SCRIPT);
            assertThat(old.code()).isNotZero();
            assertThat(old.out() + old.err()).containsIgnoringCase("authentication failed");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"mongo:7.0", "mongo:8.0"})
    void aRootUserTheImageCreatedIsUsedThroughThePublishedPortAndWrongOrMissingCredentialsAreExitThree(String image) {
        Map<String, String> env = Map.of(
                "MONGO_KEYFILE",
                SecuredMongo.KEY,
                "MONGO_INITDB_ROOT_USERNAME",
                "root",
                "MONGO_INITDB_ROOT_PASSWORD",
                ROOT_PASSWORD);
        try (GenericContainer<?> node = SecuredMongo.node(image, "secured", env, true)) {
            Map<String, String> seeder = new HashMap<>(seeder(ROOT_PASSWORD, APP_PASSWORD));
            seeder.put(
                    "MONGO_SEEDER_TARGET_URI",
                    SecuredMongo.published(node, "root@", "/?directConnection=true&authSource=admin"));
            Result result = cli(seeder, "rs-init");
            assertThat(result.code()).as(result.err()).isZero();
            assertThat(result.out()).contains("initiated").contains("authenticated as the root user");
            assertThat(cli(seeder, "rs-init").out()).contains("up to date, nothing to do");

            try (MongoClient app = MongoClients.create(SecuredMongo.published(
                    node,
                    "stackend:" + PercentEncoding.encode(APP_PASSWORD) + "@",
                    "/stackend?directConnection=true&authSource=admin"))) {
                app.getDatabase("stackend").getCollection("notes").insertOne(new Document("ok", 1));
                assertThatThrownBy(() -> app.getDatabase("admin")
                                .getCollection("system.users")
                                .countDocuments())
                        .isInstanceOf(MongoCommandException.class);
            }

            Map<String, String> wrong = new HashMap<>(seeder);
            wrong.put("MONGO_SEEDER_TARGET_PASSWORD", "a-wrong-password-1");
            Result refused = cli(wrong, "rs-init");
            assertThat(refused.code()).isEqualTo(3);
            assertThat(refused.err())
                    .contains("authentication as 'root' (authSource admin) failed")
                    .doesNotContain("a-wrong-password-1", ROOT_PASSWORD);

            Result anonymous = cli(
                    Map.of("MONGO_SEEDER_TARGET_URI", SecuredMongo.published(node, "", "/?directConnection=true")),
                    "rs-init",
                    "--member-host",
                    "secured:27017");
            assertThat(anonymous.code()).isEqualTo(3);
            assertThat(anonymous.err()).contains("requires authentication");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"mongo:7.0", "mongo:8.0"})
    void credentialsForANodeWithoutKeyFileAreExitThree(String image) {
        try (GenericContainer<?> node = SecuredMongo.node(image, "open", Map.of(), false)) {
            Result result = cli(
                    Map.of(
                            "MONGO_SEEDER_TARGET_URI",
                            SecuredMongo.published(node, "root@", "/?directConnection=true&authSource=admin"),
                            "MONGO_SEEDER_TARGET_PASSWORD",
                            ROOT_PASSWORD),
                    "rs-init",
                    "--member-host",
                    "open:27017");
            assertThat(result.code()).isEqualTo(3);
            assertThat(result.err())
                    .contains("without access control (no --keyFile)")
                    .doesNotContain(ROOT_PASSWORD);
        }
    }
}
