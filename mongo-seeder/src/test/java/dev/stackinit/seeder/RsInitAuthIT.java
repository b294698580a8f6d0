package dev.stackinit.seeder;

import static dev.stackinit.seeder.CloneIT.cli;
import static org.assertj.core.api.Assertions.assertThat;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import dev.stackinit.seeder.CloneIT.Result;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * rs-init's access decision through the real driver adapter, on mongo-java-server: a server without access control
 * (it has no auth at all). Given credentials, that is the "missing keyFile" case, exit 3; no password is printed. The
 * branches with access control on need a real mongod: {@link ReplicaSetAuthTest} (fake) and MongoSeederContainerIT.
 */
class RsInitAuthIT {
    private static final String PASSWORD = "p@ss:w/rd-from-a-file";

    @TempDir
    Path dir;

    private MongoServer server;
    private String hostPort;

    @BeforeEach
    void start() {
        server = new MongoServer(new MemoryBackend());
        var address = server.bind();
        hostPort = "127.0.0.1:" + address.getPort();
    }

    @AfterEach
    void stop() {
        server.shutdownNow();
    }

    @Test
    void credentialsForAServerWithoutAccessControlAreTheMissingKeyFileExitThree() throws Exception {
        Path file = dir.resolve("root-password");
        Files.writeString(file, PASSWORD + "\n");
        Map<String, String> env = Map.of(
                "MONGO_SEEDER_TARGET_URI", "mongodb://root@" + hostPort + "/?directConnection=true&authSource=admin");

        Result result = cli(env, "rs-init", "--target-password-file", file.toString(), "--wait-timeout", "5s");

        assertThat(result.code()).as(result.err()).isEqualTo(3);
        assertThat(result.err())
                .contains("runs without access control (no --keyFile)")
                .doesNotContain(PASSWORD)
                .doesNotContain("p%40ss");
        assertThat(result.out()).isEmpty();
    }

    @Test
    void withoutCredentialsTheOpenServerIsCheckedAsBefore() {
        Result result = cli(
                Map.of("MONGO_SEEDER_TARGET_URI", "mongodb://" + hostPort + "/?directConnection=true"),
                "rs-init",
                "--wait-timeout",
                "5s");

        // the stand-in has no replica set: 76 NoReplicationEnabled, after the access check let it through
        assertThat(result.code()).as(result.err()).isEqualTo(3);
        assertThat(result.err()).contains("not running with --replSet");
    }
}
