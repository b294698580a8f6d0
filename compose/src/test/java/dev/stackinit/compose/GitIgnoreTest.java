package dev.stackinit.compose;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every env file the documented commands write is ignored by git, so {@code git add -A} after the first run commits no
 * secret; the examples and samples they start from stay tracked. Asked of git itself ({@code git check-ignore
 * --no-index}: the rules, whether or not a file is tracked).
 */
class GitIgnoreTest {

    @ParameterizedTest
    @ValueSource(
            strings = {
                "compose/.env", // README / compose/README.md first run
                "compose/stackend.env", // written through env-mapping.yml
                "compose/stackweb.env",
                ".env", // key-generator/README.md first run, from the repository root
                "ci.env", // compose/ci.md and the CI workflow
                "supabase-secrets.yaml", // compose/k8s/README.md step 1
                ".stack-init/.env", // stack-init provision --embedded --workdir .stack-init
                ".stack-init/stackend.env"
            })
    void generatedSecretsAreIgnored(String path) throws Exception {
        assertThat(checkIgnore(path)).as(path + " must be git-ignored").isZero();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "compose/.env.example",
                "compose/env-mapping.yml",
                "compose/stack-init.yml",
                "key-generator/samples/.env",
                "key-generator/samples/stackend.env"
            })
    void examplesAndSamplesStayTracked(String path) throws Exception {
        assertThat(checkIgnore(path)).as(path + " must not be git-ignored").isEqualTo(1);
    }

    /** 0 ignored, 1 not ignored (git check-ignore's exit codes); skips where git or the repository is missing. */
    private static int checkIgnore(String path) throws IOException, InterruptedException {
        assumeTrue(run(List.of("git", "--version")) == 0, "git is not installed");
        assumeTrue(run(List.of("git", "rev-parse", "--git-dir")) == 0, "no .git here: not a git checkout");
        return run(List.of("git", "check-ignore", "--no-index", "-q", path));
    }

    private static int run(List<String> command) throws IOException, InterruptedException {
        Process process;
        try {
            process = new ProcessBuilder(command)
                    .directory(StackFiles.REPO.toFile())
                    .redirectErrorStream(true)
                    .start();
        } catch (IOException e) {
            return -1; // no such program
        }
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        if (command.contains("check-ignore")) {
            // 128 is a fatal error (a bad path), never an answer about the rules
            assertThat(process.exitValue())
                    .as(String.join(" ", command) + ": " + output)
                    .isIn(0, 1);
        }
        return process.exitValue();
    }
}
