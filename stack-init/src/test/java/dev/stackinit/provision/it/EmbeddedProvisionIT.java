package dev.stackinit.provision.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stackinit.provision.cli.StackInitCommand;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The newcomer's command in its CI form: provision --embedded ends on its own, with the bundled samples. */
class EmbeddedProvisionIT {
    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        return StackInitCommand.run(Map.of(), new PrintWriter(out), new PrintWriter(err), args);
    }

    @Test
    void provisionsTheSamplesOnEmbeddedServersAndEndsWithoutKeepRunning() {
        int code = run("provision", "--embedded");

        assertThat(code).as(err.toString()).isZero();
        assertThat(out.toString())
                .contains("mongo-java-server (in-process stand-in, not MongoDB)")
                .containsPattern("keys\\s+done")
                .containsPattern("mongo\\s+done")
                .containsPattern("supabase\\s+done")
                .contains("applied 11 file(s)")
                .contains("provisioned")
                .contains("Both servers stop now. To look at the stack, run it with --keep-running");
        assertThat(err.toString()).contains("[supabase] done").doesNotContain("press Ctrl-C");
    }

    @Test
    void aWorkdirKeepsTheEnvFilesAndTheNextRunReusesThem() throws Exception {
        Path workdir = dir.resolve("try-it");

        assertThat(run("provision", "--embedded", "--workdir", workdir.toString()))
                .as(err.toString())
                .isZero();
        String env = Files.readString(workdir.resolve(".env"));
        assertThat(env).containsPattern("(?m)^ANON_KEY=ey");
        assertThat(workdir.resolve("stackend.env")).exists();
        assertThat(out.toString()).contains("env files: " + workdir.toAbsolutePath() + " (kept)");

        out.getBuffer().setLength(0);
        assertThat(run("provision", "--embedded", "--workdir", workdir.toString()))
                .as(err.toString())
                .isZero();
        // fresh servers, the same secrets: keys has nothing to do, the data steps run again
        assertThat(out.toString()).containsPattern("keys\\s+up to date").containsPattern("supabase\\s+done");
        assertThat(Files.readString(workdir.resolve(".env"))).isEqualTo(env);
    }

    @Test
    void pinnedPortsAreUsedAndATakenOneIsOneLineExitThree() throws Exception {
        int port;
        int mongoPort;
        try (ServerSocket a = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
                ServerSocket b = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = a.getLocalPort();
            mongoPort = b.getLocalPort();
        }

        assertThat(run("provision", "--embedded", "--port", "" + port, "--mongo-port", "" + mongoPort))
                .as(err.toString())
                .isZero();
        assertThat(out.toString())
                .contains("postgres: postgres://postgres@localhost:" + port + "/postgres")
                .contains("mongodb://127.0.0.1:" + mongoPort + "/");

        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            err.getBuffer().setLength(0);
            assertThat(run("provision", "--embedded", "--port", "" + taken.getLocalPort()))
                    .isEqualTo(3);
            assertThat(err.toString().strip().lines())
                    .singleElement()
                    .asString()
                    .contains("--port " + taken.getLocalPort() + " is in use");
        }
    }

    @Test
    void keepRunningNeedsEmbedded() {
        assertThat(run("provision", "--keep-running", "--config", "x.yml")).isEqualTo(2);
        assertThat(err.toString()).contains("--keep-running goes with --embedded");
    }
}
