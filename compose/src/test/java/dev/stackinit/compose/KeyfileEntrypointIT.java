package dev.stackinit.compose;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * compose/mongo/keyfile-entrypoint.sh with bash, the image's docker-entrypoint.sh and chown replaced by recorders: the
 * keyFile lands where mongod's --keyFile points, with mode 0400 and owner mongodb, holding exactly the key; the key
 * leaves neither output nor the next process's environment; a missing key stops before mongod with exit 3.
 * (On a real image: MongoSeederContainerIT / MongoAuthContainerIT.)
 */
class KeyfileEntrypointIT {
    private static final String KEY = "K3yF1leOfLettersAndDigitsOnly0123456789abcdefghijklmnop";

    @TempDir
    Path dir;

    private Path bin;

    record Run(int exit, String output, String chown) {}

    @BeforeEach
    void stubs() throws Exception {
        assumeTrue(ComposeSpecSchema.onPath("bash").isPresent(), "bash is not installed");
        bin = Files.createDirectories(dir.resolve("bin"));
        write(
                bin.resolve("docker-entrypoint.sh"),
                "#!/bin/sh\necho \"exec: $*\"\necho \"child env: ${MONGO_KEYFILE:-none}\"\n");
        write(bin.resolve("chown"), "#!/bin/sh\necho \"$*\" >> \"$CHOWN_LOG\"\n");
    }

    private static void write(Path file, String text) throws Exception {
        Files.writeString(file, text);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    private Run run(Map<String, String> env, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of("bash", StackFiles.KEYFILE_ENTRYPOINT.toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().remove("MONGO_KEYFILE");
        builder.environment().put("PATH", bin + ":" + System.getenv("PATH"));
        Path chownLog = dir.resolve("chown.log");
        Files.deleteIfExists(chownLog);
        builder.environment().put("CHOWN_LOG", chownLog.toString());
        builder.environment().putAll(env);
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(Duration.ofSeconds(30).toSeconds(), TimeUnit.SECONDS))
                .isTrue();
        return new Run(
                process.exitValue(),
                output,
                Files.exists(chownLog) ? Files.readString(chownLog).strip() : "");
    }

    @Test
    void theKeyFileIsWrittenWhereKeyFilePointsWithMode0400ForMongodb() throws Exception {
        Path keyfile = dir.resolve("etc/mongo/keyfile");

        Run run = run(
                Map.of("MONGO_KEYFILE", KEY),
                "mongod",
                "--replSet",
                "rs0",
                "--keyFile",
                keyfile.toString(),
                "--bind_ip_all");

        assertThat(run.exit()).as(run.output()).isZero();
        assertThat(Files.readString(keyfile)).isEqualTo(KEY + "\n");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(keyfile)))
                .isEqualTo("r--------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(keyfile.getParent())))
                .as("mongod must reach the file")
                .isEqualTo("rwxr-xr-x");
        assertThat(run.chown()).isEqualTo("mongodb:mongodb " + keyfile);
        assertThat(run.output())
                .contains("exec: mongod --replSet rs0 --keyFile " + keyfile + " --bind_ip_all")
                .contains("child env: none")
                .doesNotContain(KEY);
    }

    @Test
    void aRotatedKeyReplacesTheReadOnlyFileOnTheNextStart() throws Exception {
        Path keyfile = dir.resolve("keyfile");
        assertThat(run(Map.of("MONGO_KEYFILE", KEY), "mongod", "--keyFile=" + keyfile)
                        .exit())
                .isZero();

        Run second = run(Map.of("MONGO_KEYFILE", "AnotherKey0987654321"), "mongod", "--keyFile=" + keyfile);

        assertThat(second.exit()).as(second.output()).isZero();
        assertThat(Files.readString(keyfile)).isEqualTo("AnotherKey0987654321\n");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(keyfile)))
                .isEqualTo("r--------");
    }

    @Test
    void withoutKeyFileNothingIsWrittenAndMongodStartsAsAsked() throws Exception {
        Run run = run(Map.of("MONGO_KEYFILE", KEY), "mongod", "--replSet", "rs0", "--bind_ip_all");

        assertThat(run.exit()).isZero();
        assertThat(run.output())
                .contains("exec: mongod --replSet rs0 --bind_ip_all")
                .doesNotContain(KEY);
        assertThat(run.chown()).isEmpty();
        try (var files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsOnly("bin");
        }
    }

    @Test
    void aMissingKeyStopsBeforeMongodWithExitThreeUnlessTheFileIsThere() throws Exception {
        Path keyfile = dir.resolve("keyfile");

        Run missing = run(Map.of("MONGO_KEYFILE", ""), "mongod", "--keyFile", keyfile.toString());
        assertThat(missing.exit()).isEqualTo(3);
        assertThat(missing.output()).contains("MONGO_KEYFILE is empty").doesNotContain("exec:");

        Files.writeString(keyfile, KEY);
        Run mounted = run(Map.of(), "mongod", "--keyFile", keyfile.toString());
        assertThat(mounted.exit()).isZero();
        assertThat(Files.readString(keyfile))
                .as("a file mounted by other means is left alone")
                .isEqualTo(KEY);
    }
}
