package dev.stackinit.compose;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** The docker CLI (build, compose) for the container tier; Testcontainers has no BuildKit builds or compose profiles. */
final class DockerCli {
    record Result(int exit, String output) {}

    private DockerCli() {}

    static boolean available(String... probe) {
        if (ComposeSpecSchema.onPath("docker").isEmpty()) {
            return false;
        }
        try {
            List<String> command = new ArrayList<>(List.of("docker"));
            command.addAll(List.of(probe));
            return run(StackFiles.MODULE, Duration.ofSeconds(30), command).exit() == 0;
        } catch (RuntimeException e) {
            return false;
        }
    }

    static Result run(Path dir, Duration timeout, List<String> command) {
        try {
            Process process = new ProcessBuilder(command)
                    .directory(dir.toFile())
                    .redirectErrorStream(true)
                    .start();
            byte[][] output = new byte[1][];
            Thread reader = new Thread(() -> {
                try {
                    output[0] = process.getInputStream().readAllBytes();
                } catch (IOException e) {
                    output[0] = e.toString().getBytes(StandardCharsets.UTF_8);
                }
            });
            reader.start();
            if (!process.waitFor(timeout.toSeconds(), TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new AssertionError("timed out after " + timeout + ": " + String.join(" ", command));
            }
            reader.join();
            return new Result(process.exitValue(), new String(output[0], StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Runs and requires exit 0, showing the output otherwise. */
    static String ok(Path dir, Duration timeout, String... command) {
        Result result = run(dir, timeout, List.of(command));
        assertThat(result.exit())
                .as(String.join(" ", command) + "\n" + result.output())
                .isZero();
        return result.output();
    }
}
