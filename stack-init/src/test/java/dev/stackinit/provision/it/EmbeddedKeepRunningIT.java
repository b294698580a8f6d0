package dev.stackinit.provision.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's first command as a newcomer runs it: {@code provision --embedded --keep-running} in its own JVM. The
 * stack stays up, the printed psql commands work as printed (where psql is installed), and Ctrl-C (SIGTERM here)
 * stops both servers while --workdir keeps the env files.
 */
class EmbeddedKeepRunningIT {
    @TempDir
    Path dir;

    @Test
    void theStackStaysUpWithTheNextCommandsShownUntilItIsStopped() throws Exception {
        int port = freePort();
        int mongoPort = freePort();
        Path workdir = dir.resolve("try-it");
        Process process = new ProcessBuilder(command(
                        "provision",
                        "--embedded",
                        "--keep-running",
                        "--port",
                        "" + port,
                        "--mongo-port",
                        "" + mongoPort,
                        "--workdir",
                        workdir.toString()))
                .start();
        Lines out = new Lines(process.getInputStream());
        Lines err = new Lines(process.getErrorStream());
        try {
            err.await("press Ctrl-C", 180);
            out.await("Ctrl-C stops both servers", 10);
            assertThat(process.isAlive()).isTrue();
            assertThat(err.all()).anyMatch(l -> l.contains("[supabase] done"));
            assertThat(String.join("\n", out.all()))
                    .contains("The stack is running. Look at it from another terminal:")
                    .contains("psql 'postgres://postgres@localhost:" + port + "/postgres'")
                    .contains("from net.http_request_queue")
                    .contains("mongo-seeder.jar export --source-uri 'mongodb://127.0.0.1:" + mongoPort)
                    .contains("mongosh@1 'mongodb://127.0.0.1:" + mongoPort + "/__models__?directConnection=true'")
                    .contains("Env files: " + workdir.toAbsolutePath() + " (kept)");

            try (MongoClient client =
                    MongoClients.create("mongodb://127.0.0.1:" + mongoPort + "/__models__?directConnection=true")) {
                assertThat(client.getDatabase("__models__")
                                .getCollection("node_types")
                                .countDocuments())
                        .isPositive();
            }
            Path seeder = Path.of("..", "mongo-seeder", "target", "mongo-seeder.jar");
            if (Files.isRegularFile(seeder)) {
                // from the repository root, as printed
                String export = out.all().stream()
                        .map(String::strip)
                        .filter(l -> l.startsWith("java -jar mongo-seeder/target/mongo-seeder.jar export"))
                        .findFirst()
                        .orElseThrow();
                assertThat(shell("cd .. && " + export)).contains("\"_id\": \"filter\"");
            }
            if (onPath("psql")) {
                List<String> psql = out.all().stream()
                        .map(String::strip)
                        .filter(l -> l.startsWith("psql '"))
                        .toList();
                assertThat(psql).hasSize(2);
                assertThat(shell(psql.get(0))).contains("Demo organization");
                assertThat(shell(psql.get(1)))
                        .contains("POST")
                        .contains("http://stackend:8000/webhooks/new_user")
                        .contains("\"full_name\": \"Ada\"");
            }
        } finally {
            process.destroy(); // SIGTERM: the shutdown hook stops the servers, as Ctrl-C does
            assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        }
        assertThat(listening(port)).as("PostgreSQL stopped").isFalse();
        assertThat(listening(mongoPort)).as("the MongoDB stand-in stopped").isFalse();
        assertThat(Files.readString(workdir.resolve(".env"))).containsPattern("(?m)^ANON_KEY=ey");
    }

    /** The built JAR, as the README runs it; the test class path when the JAR is not there. */
    private static List<String> command(String... args) {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Path jar = Path.of("target", "stack-init.jar");
        List<String> command = new ArrayList<>(List.of(java.toString()));
        if (Files.isRegularFile(jar)) {
            command.addAll(List.of("-jar", jar.toString()));
        } else {
            command.addAll(List.of(
                    "-cp", System.getProperty("java.class.path"), "dev.stackinit.provision.cli.StackInitCommand"));
        }
        command.addAll(List.of(args));
        return command;
    }

    /** Every line of a stream, collected as it comes, so the process never blocks on a full pipe. */
    private static final class Lines {
        private final List<String> lines = new CopyOnWriteArrayList<>();

        Lines(InputStream stream) {
            Thread reader = new Thread(() -> {
                try (BufferedReader in = new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8))) {
                    for (String line = in.readLine(); line != null; line = in.readLine()) {
                        lines.add(line);
                    }
                } catch (IOException e) {
                    // the process ended
                }
            });
            reader.setDaemon(true);
            reader.start();
        }

        void await(String marker, int seconds) throws InterruptedException {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
            while (lines.stream().noneMatch(l -> l.contains(marker))) {
                if (System.nanoTime() > deadline) {
                    throw new AssertionError("no line with '" + marker + "' in:\n" + String.join("\n", lines));
                }
                Thread.sleep(100);
            }
        }

        List<String> all() {
            return List.copyOf(lines);
        }
    }

    private static boolean onPath(String program) {
        String path = System.getenv().getOrDefault("PATH", "");
        for (String folder : path.split(java.io.File.pathSeparator)) {
            if (Files.isExecutable(Path.of(folder, program))) {
                return true;
            }
        }
        return false;
    }

    private static String shell(String commandLine) throws Exception {
        Process shell = new ProcessBuilder("bash", "-c", commandLine)
                .redirectErrorStream(true)
                .start();
        String output = new String(shell.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(shell.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(shell.exitValue()).as(commandLine + "\n" + output).isZero();
        return output;
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private static boolean listening(int port) {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
