package dev.stackinit.compose;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.time.Duration;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.startupcheck.OneShotStartupCheckStrategy;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.utility.DockerImageName;

/** Builds each tool's image from the repository's Dockerfile and runs it: entrypoint, default --help, user, size. */
@Testcontainers(disabledWithoutDocker = true)
class ToolImagesContainerIT {
    private static final long GOAL_BYTES = 90L * 1024 * 1024;

    static Stream<String> tools() {
        return StackFiles.TOOLS.stream();
    }

    @ParameterizedTest
    @MethodSource("tools")
    void theImageBuildsAndRunsTheTool(String tool) {
        assumeTrue(DockerCli.available("buildx", "version"), "the docker CLI with BuildKit (buildx) is not available");
        String image = "stack-init/" + tool + ":it";
        DockerCli.ok(
                StackFiles.REPO,
                Duration.ofMinutes(30),
                "docker",
                "build",
                "--build-arg",
                "TOOL=" + tool,
                "--build-arg",
                "VERSION=it",
                "-t",
                image,
                ".");

        assertThat(runOnce(image, "--version")).as(tool + " --version").isNotBlank();
        assertThat(runOnce(image, null))
                .as(tool + " default CMD is --help")
                .contains("Usage")
                .contains(tool);

        String[] inspect = DockerCli.ok(
                        StackFiles.REPO,
                        Duration.ofSeconds(30),
                        "docker",
                        "image",
                        "inspect",
                        "--format",
                        "{{.Config.User}}|{{index .Config.Labels \"org.opencontainers.image.title\"}}|{{.Size}}",
                        image)
                .strip()
                .split("\\|");
        assertThat(inspect[0]).as("user").isEqualTo("10001:10001");
        assertThat(inspect[1]).as("OCI title").isEqualTo(tool);
        long size = Long.parseLong(inspect[2]);
        System.out.printf("[image] %s: %.1f MB%n", image, size / 1024.0 / 1024.0);
        assertThat(size).as(image + " size (goal 90 MB)").isLessThanOrEqualTo(GOAL_BYTES);
    }

    /** Runs the image to completion (exit 0 required) and returns its output. */
    private static String runOnce(String image, String arg) {
        try (GenericContainer<?> container = new GenericContainer<>(DockerImageName.parse(image))
                .withStartupCheckStrategy(new OneShotStartupCheckStrategy().withTimeout(Duration.ofSeconds(60)))) {
            if (arg != null) {
                container.withCommand(arg);
            }
            container.start();
            return container.getLogs();
        }
    }
}
