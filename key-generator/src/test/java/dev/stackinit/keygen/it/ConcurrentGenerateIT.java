package dev.stackinit.keygen.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stackinit.keygen.DemoValues;
import dev.stackinit.keygen.io.EnvFile;
import dev.stackinit.keygen.io.StackLock;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The advisory lock between real processes: the built JAR waits for a lock this JVM holds, then finishes. */
class ConcurrentGenerateIT {
    private static final Path JAR = Path.of("target/key-generator.jar");

    @TempDir
    Path dir;

    private Process generate(Path env) throws Exception {
        return new ProcessBuilder(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-jar",
                        JAR.toAbsolutePath().toString(),
                        "generate",
                        "--env-file",
                        env.toString())
                .start();
    }

    @Test
    void aSecondProcessWaitsForTheLockThenFindsTheFileWritten() throws Exception {
        Path env = dir.resolve(".env");
        Files.writeString(env, "JWT_SECRET=" + DemoValues.JWT_SECRET + "\nANON_KEY=\n");
        Process waiting;
        try (StackLock held = StackLock.acquire(List.of(env), lock -> {})) {
            waiting = generate(env);
            BufferedReader err =
                    new BufferedReader(new InputStreamReader(waiting.getErrorStream(), StandardCharsets.UTF_8));
            assertThat(err.readLine()).contains("waiting for another run to finish");
            assertThat(waiting.waitFor(500, TimeUnit.MILLISECONDS))
                    .as("still waiting while the lock is held")
                    .isFalse();
            assertThat(Files.readString(env)).contains(DemoValues.JWT_SECRET);
        }
        assertThat(waiting.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(waiting.exitValue()).isZero();
        String secret = EnvFile.parse("t", Files.readString(env)).values().get("JWT_SECRET");
        assertThat(secret).isNotEqualTo(DemoValues.JWT_SECRET).hasSize(40);

        Process again = generate(env);
        assertThat(again.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(new String(again.getInputStream().readAllBytes(), StandardCharsets.UTF_8))
                .contains("0 changes");
    }
}
