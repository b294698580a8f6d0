package dev.stackinit.seeder;

import com.github.dockerjava.api.DockerClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.testcontainers.containers.Container.ExecResult;
import org.testcontainers.containers.ExecConfig;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.output.OutputFrame.OutputType;
import org.testcontainers.containers.startupcheck.StartupCheckStrategy;
import org.testcontainers.containers.wait.strategy.Wait;
import org.testcontainers.utility.MountableFile;

/**
 * Real mongod nodes with authentication for the container tier, started the way compose starts them (the keyFile
 * written by compose's keyfile-entrypoint.sh), and mongo-seeder itself run inside such a node's network namespace:
 * there, localhost is mongod, which the localhost exception needs and the test JVM (through a published port) is not.
 */
final class SecuredMongo {
    static final Path ENTRYPOINT = Path.of("..", "compose", "mongo", "keyfile-entrypoint.sh");
    static final Path JAR = Path.of("target", "mongo-seeder.jar");
    static final String KEYFILE = "/etc/mongo/keyfile";
    /** 56 letters and digits: the base64 alphabet without '+', '/' and '=', as key-generator writes it. */
    static final String KEY = "c2VlZGVyaXRrZXlmaWxldGhhdGlzbG9uZ2Vub3VnaGZvcm1vbmdvZDEy";

    record Result(int code, String out, String err) {}

    private SecuredMongo() {}

    /**
     * @param env the node's environment (MONGO_INITDB_ROOT_* makes the image create root; MONGO_KEYFILE the key)
     * @param keyFile start mongod with --keyFile (authentication on)
     */
    static GenericContainer<?> node(String image, String hostname, Map<String, String> env, boolean keyFile) {
        List<String> command = new ArrayList<>(List.of("mongod", "--replSet", "rs0"));
        if (keyFile) {
            command.addAll(List.of("--keyFile", KEYFILE));
        }
        command.add("--bind_ip_all");
        boolean initdb = env.containsKey("MONGO_INITDB_ROOT_USERNAME");
        GenericContainer<?> node = new GenericContainer<>(image)
                .withCopyFileToContainer(
                        MountableFile.forHostPath(ENTRYPOINT.toAbsolutePath()), "/usr/local/bin/keyfile-entrypoint.sh")
                .withCreateContainerCmdModifier(
                        cmd -> cmd.withEntrypoint("bash", "/usr/local/bin/keyfile-entrypoint.sh")
                                .withHostName(hostname))
                .withCommand(command.toArray(String[]::new))
                .withEnv(env)
                .withExposedPorts(27017)
                // the image's entrypoint runs a temporary mongod first when it creates the root user
                .waitingFor(Wait.forLogMessage("(?i).*waiting for connections.*", initdb ? 2 : 1)
                        .withStartupTimeout(Duration.ofMinutes(3)));
        node.start();
        return node;
    }

    static String published(GenericContainer<?> node, String userInfo, String path) {
        return "mongodb://" + userInfo + node.getHost() + ":" + node.getMappedPort(27017) + path;
    }

    /** mongo-seeder's shaded JAR on a JRE, in the node's network namespace, run to its end. */
    static Result tool(GenericContainer<?> node, Map<String, String> env, String... args) {
        if (!Files.isRegularFile(JAR)) {
            throw new IllegalStateException(JAR + " is not built (mvn package runs before the integration tests)");
        }
        List<String> command = new ArrayList<>(List.of("java", "-jar", "/opt/mongo-seeder.jar"));
        command.addAll(List.of(args));
        try (GenericContainer<?> tool = new GenericContainer<>("eclipse-temurin:17-jre")
                .withNetworkMode("container:" + node.getContainerId())
                .withCopyFileToContainer(MountableFile.forHostPath(JAR.toAbsolutePath()), "/opt/mongo-seeder.jar")
                .withEnv(env)
                .withCommand(command.toArray(String[]::new))
                .withStartupCheckStrategy(new RunsToItsEnd().withTimeout(Duration.ofMinutes(3)))) {
            tool.start();
            long code = tool.getDockerClient()
                    .inspectContainerCmd(tool.getContainerId())
                    .exec()
                    .getState()
                    .getExitCodeLong();
            return new Result((int) code, tool.getLogs(OutputType.STDOUT), tool.getLogs(OutputType.STDERR));
        }
    }

    /** mongosh in the node itself, without a default connection; the script reads its URIs from {@code env}. */
    static Result mongosh(GenericContainer<?> node, Map<String, String> env, String script) throws Exception {
        ExecResult result = node.execInContainer(ExecConfig.builder()
                .command(new String[] {"mongosh", "--nodb", "--quiet", "--norc", "--eval", script})
                .envVars(env)
                .build());
        return new Result(result.getExitCode(), result.getStdout(), result.getStderr());
    }

    /** A one-shot container: started once it has exited, whatever its exit code (the test reads it). */
    private static final class RunsToItsEnd extends StartupCheckStrategy {
        @Override
        public StartupStatus checkStartupState(DockerClient docker, String containerId) {
            return "exited".equals(getCurrentState(docker, containerId).getStatus())
                    ? StartupStatus.SUCCESSFUL
                    : StartupStatus.NOT_YET_KNOWN;
        }
    }
}
