package dev.stackinit.compose;

import com.github.dockerjava.api.DockerClient;
import java.time.Duration;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.output.OutputFrame.OutputType;
import org.testcontainers.containers.startupcheck.StartupCheckStrategy;

/** A container run to its end, like `docker run` without -d: its exit code and output, whatever the code. */
final class OneShotContainer {
    record Result(int code, String out, String err) {}

    private OneShotContainer() {}

    static Result run(GenericContainer<?> container, Duration timeout) {
        try (container) {
            container.withStartupCheckStrategy(new RunsToItsEnd().withTimeout(timeout));
            container.start();
            long code = container
                    .getDockerClient()
                    .inspectContainerCmd(container.getContainerId())
                    .exec()
                    .getState()
                    .getExitCodeLong();
            return new Result((int) code, container.getLogs(OutputType.STDOUT), container.getLogs(OutputType.STDERR));
        }
    }

    private static final class RunsToItsEnd extends StartupCheckStrategy {
        @Override
        public StartupStatus checkStartupState(DockerClient docker, String containerId) {
            return "exited".equals(getCurrentState(docker, containerId).getStatus())
                    ? StartupStatus.SUCCESSFUL
                    : StartupStatus.NOT_YET_KNOWN;
        }
    }
}
