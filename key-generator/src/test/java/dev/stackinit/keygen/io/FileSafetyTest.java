package dev.stackinit.keygen.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;

import dev.stackinit.errors.InvalidInputException;
import dev.stackinit.keygen.DemoValues;
import dev.stackinit.keygen.GenerateRequest;
import dev.stackinit.keygen.IndependentJwt;
import dev.stackinit.keygen.KeyPlanner;
import dev.stackinit.keygen.RandomText;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What generate keeps of the files it replaces, and what it refuses to replace. */
class FileSafetyTest {
    private static final String DEMO = "JWT_SECRET=" + DemoValues.JWT_SECRET + "\nANON_KEY=\nSERVICE_ROLE_KEY=\n";

    @TempDir
    Path dir;

    private int seed = 7;

    private EnvUpdater.Result generate(EnvFileStore store, boolean create, Path mapping, Path... envFiles) {
        KeyPlanner planner = new KeyPlanner(EnvUpdaterTest.CLOCK, new RandomText(IndependentJwt.seeded(seed++)));
        return new EnvUpdater(planner, store)
                .generate(
                        List.of(envFiles),
                        Optional.ofNullable(mapping),
                        create,
                        new GenerateRequest(Map.of(), Optional.empty(), false, false, Duration.ofDays(1825)),
                        false,
                        lock -> {});
    }

    private EnvUpdater.Result generate(Path... envFiles) {
        return generate(new EnvFileStore(), false, null, envFiles);
    }

    private static Map<String, String> values(Path file) throws IOException {
        return EnvFile.parse("t", Files.readString(file)).values();
    }

    private List<String> names() throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void aSymlinkedEnvFileStaysALinkAndItsTargetGetsTheValues() throws Exception {
        Path real = Files.createDirectory(dir.resolve("secrets")).resolve("stack.env");
        Files.writeString(real, DEMO);
        Path link = Files.createSymbolicLink(dir.resolve(".env"), Path.of("secrets/stack.env"));

        generate(link);

        assertThat(Files.isSymbolicLink(link)).isTrue();
        assertThat(Files.readSymbolicLink(link)).isEqualTo(Path.of("secrets/stack.env"));
        Map<String, String> written = values(real);
        assertThat(written.get("JWT_SECRET"))
                .isNotEqualTo(DemoValues.JWT_SECRET)
                .hasSize(40);
        assertThat(IndependentJwt.hs256Verifies(written.get("ANON_KEY"), written.get("JWT_SECRET")))
                .isTrue();
        assertThat(generate(link).changedAnything()).isFalse();
    }

    @Test
    void aChainOfLinksIsFollowedToTheEnd() throws Exception {
        Path real = dir.resolve("real.env");
        Files.writeString(real, DEMO);
        Files.createSymbolicLink(dir.resolve("middle.env"), real);
        Path link = Files.createSymbolicLink(dir.resolve(".env"), dir.resolve("middle.env"));

        generate(link);

        assertThat(Files.isSymbolicLink(link)).isTrue();
        assertThat(Files.isSymbolicLink(dir.resolve("middle.env"))).isTrue();
        assertThat(values(real).get("JWT_SECRET")).isNotEqualTo(DemoValues.JWT_SECRET);
    }

    @Test
    void aFileOfAnotherUserKeepsItsOwnerGroupAndMode() throws Exception {
        assumeThat(System.getProperty("user.name"))
                .as("only root can hand a file to another user")
                .isEqualTo("root");
        Path env = dir.resolve(".env");
        Files.writeString(env, DEMO);
        Files.setAttribute(env, "unix:uid", 1234);
        Files.setAttribute(env, "unix:gid", 2345);
        Files.setPosixFilePermissions(env, PosixFilePermissions.fromString("rw-r-----"));

        generate(env);

        assertThat(values(env).get("JWT_SECRET")).isNotEqualTo(DemoValues.JWT_SECRET);
        assertThat(Files.getAttribute(env, "unix:uid")).isEqualTo(1234);
        assertThat(Files.getAttribute(env, "unix:gid")).isEqualTo(2345);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(env)))
                .isEqualTo("rw-r-----");
    }

    @Test
    void aReadOnlyFileIsRefusedAndLeftAsItWas() throws Exception {
        Path env = dir.resolve(".env");
        Files.writeString(env, DEMO);
        Files.setPosixFilePermissions(env, PosixFilePermissions.fromString("r--r--r--"));

        assertThatThrownBy(() -> generate(env))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining(".env is read-only (mode r--r--r--)")
                .hasMessageContaining("no file was changed");
        assertThat(Files.readString(env)).isEqualTo(DEMO);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(env)))
                .isEqualTo("r--r--r--");
        assertThat(names()).containsExactly(".env", StackLock.NAME);
    }

    @Test
    void aMissingEnvFileIsAnErrorWithAHintUnlessCreateIsGiven() throws Exception {
        Files.writeString(dir.resolve(".env.example"), DEMO);
        Path env = dir.resolve(".env");

        assertThatThrownBy(() -> generate(env))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("does not exist: copy the example first (cp ")
                .hasMessageContaining(".env.example")
                .hasMessageContaining("--create");
        assertThat(env).doesNotExist();

        generate(new EnvFileStore(), true, null, env);
        assertThat(values(env)).containsKeys("JWT_SECRET", "ANON_KEY", "SERVICE_ROLE_KEY");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(env)))
                .isEqualTo("rw-------");
    }

    @Test
    void theSameKeyTwiceWithDifferentValuesIsAWarning() throws Exception {
        Path env = dir.resolve(".env");
        Files.writeString(env, DEMO + "SITE_URL=http://a\nSITE_URL=http://b\nSAME=1\nSAME=1\n");

        EnvUpdater.Result result = generate(env);

        assertThat(result.notes())
                .anyMatch(n -> n.contains("SITE_URL is set 2 times with different values (lines 4, 5)"))
                .noneMatch(n -> n.contains("SAME"));
    }

    @Test
    void aMappingPathThatLeavesTheMappingsFolderIsRefused() throws Exception {
        Path stack = Files.createDirectories(dir.resolve("a/b"));
        Files.writeString(stack.resolve(".env"), DEMO);
        Path mapping = stack.resolve("m.yml");
        Files.writeString(mapping, "source: .env\ntargets:\n  - file: ../../x.env\n    vars: {X: ANON_KEY}\n");

        assertThatThrownBy(() -> generate(new EnvFileStore(), false, mapping))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("target '../../x.env' is outside the mapping's folder");
        assertThat(dir.resolve("x.env")).doesNotExist();
        assertThat(Files.readString(stack.resolve(".env"))).isEqualTo(DEMO);

        Files.writeString(mapping, "source: ../.env\ntargets: []\n");
        assertThatThrownBy(() -> generate(new EnvFileStore(), false, mapping))
                .hasMessageContaining("source '../.env' is outside");
    }

    @Test
    void anAbsoluteMappingPathIsAllowedOnPurpose() throws Exception {
        Path stack = Files.createDirectories(dir.resolve("stack"));
        Files.writeString(stack.resolve(".env"), DEMO);
        Path elsewhere = dir.resolve("elsewhere.env");
        Path mapping = stack.resolve("m.yml");
        Files.writeString(
                mapping, "source: .env\ntargets:\n  - file: " + elsewhere + "\n    vars: {X_ANON: ANON_KEY}\n");

        generate(new EnvFileStore(), false, mapping);

        assertThat(values(elsewhere)).containsKey("X_ANON");
    }

    @Test
    void aFullDiskLeavesNoTempFileAndChangesNoFile() throws Exception {
        Path env = dir.resolve(".env");
        Files.writeString(env, DEMO);
        Path other = dir.resolve("other.env");
        Files.writeString(other, "ANON_KEY=\n");
        EnvFileStore fullDisk = new EnvFileStore((channel, content) -> {
            // a few bytes fit, then the disk is full
            channel.write(ByteBuffer.wrap(new byte[] {'J', 'W'}));
            throw new IOException("No space left on device");
        });

        assertThatThrownBy(() -> generate(fullDisk, false, null, env, other))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("No space left on device")
                .hasMessageContaining("no file was changed");

        assertThat(Files.readString(env)).isEqualTo(DEMO);
        assertThat(Files.readString(other)).isEqualTo("ANON_KEY=\n");
        assertThat(names()).containsExactly(".env", StackLock.NAME, "other.env");
    }

    @Test
    void aFailureOnTheSecondFileRemovesTheFirstFilesTempToo() throws Exception {
        Path env = dir.resolve(".env");
        Files.writeString(env, DEMO);
        Path other = dir.resolve("other.env");
        Files.writeString(other, "ANON_KEY=\n");
        int[] writes = {0};
        EnvFileStore secondFails = new EnvFileStore((channel, content) -> {
            if (++writes[0] == 2) {
                throw new IOException("No space left on device");
            }
            channel.write(content);
        });

        assertThatThrownBy(() -> generate(secondFails, false, null, env, other))
                .hasMessageContaining("No space left on device");

        assertThat(names()).containsExactly(".env", StackLock.NAME, "other.env");
        assertThat(Files.readString(env)).isEqualTo(DEMO);
    }

    @Test
    void twoConcurrentRunsTakeTurnsAndTheSecondFindsNothingToDo() throws Exception {
        Path env = dir.resolve(".env");
        Files.writeString(env, DEMO);
        CountDownLatch firstIsWriting = new CountDownLatch(1);
        CountDownLatch secondIsWaiting = new CountDownLatch(1);
        // the first run stops in the middle of writing until the second one is blocked on the lock
        EnvFileStore slow = new EnvFileStore((channel, content) -> {
            firstIsWriting.countDown();
            try {
                secondIsWaiting.await(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            channel.write(content);
        });
        KeyPlanner first = new KeyPlanner(EnvUpdaterTest.CLOCK, new RandomText(IndependentJwt.seeded(1)));
        KeyPlanner second = new KeyPlanner(EnvUpdaterTest.CLOCK, new RandomText(IndependentJwt.seeded(2)));
        GenerateRequest request = new GenerateRequest(Map.of(), Optional.empty(), false, false, Duration.ofDays(30));
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Future<EnvUpdater.Result> a = pool.submit(() -> new EnvUpdater(first, slow)
                    .generate(List.of(env), Optional.empty(), false, request, false, lock -> {}));
            assertThat(firstIsWriting.await(5, TimeUnit.SECONDS)).isTrue();
            Future<EnvUpdater.Result> b = pool.submit(() -> new EnvUpdater(second, new EnvFileStore())
                    .generate(
                            List.of(env),
                            Optional.empty(),
                            false,
                            request,
                            false,
                            lock -> secondIsWaiting.countDown()));

            assertThat(a.get(10, TimeUnit.SECONDS).changedAnything()).isTrue();
            assertThat(b.get(10, TimeUnit.SECONDS).changedAnything())
                    .as("the second run read what the first wrote")
                    .isFalse();
            assertThat(secondIsWaiting.getCount()).isZero();
        } finally {
            pool.shutdownNow();
        }
        Map<String, String> written = values(env);
        assertThat(IndependentJwt.hs256Verifies(written.get("ANON_KEY"), written.get("JWT_SECRET")))
                .isTrue();
    }

    @Test
    void twoPathsOfOneFileAreRefused() throws Exception {
        Path env = dir.resolve(".env");
        Files.writeString(env, DEMO);
        Path link = Files.createSymbolicLink(dir.resolve("link.env"), env);

        assertThatThrownBy(() -> generate(env, link)).hasMessageContaining("are the same file");
        assertThat(Files.readString(env)).isEqualTo(DEMO);
    }

    @Test
    void aFolderGivenAsEnvFileIsRefused() throws Exception {
        Path folder = Files.createDirectory(dir.resolve("conf"));
        assertThatThrownBy(() -> generate(folder))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("is a folder");
    }

    @Test
    void invalidUtf8NamesFileLineAndByteOffset() throws Exception {
        Path env = dir.resolve(".env");
        Files.write(env, "A=1\nB=caf\u00e9\n".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
        assertThatThrownBy(() -> generate(env))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining(".env: invalid UTF-8 at line 2, byte offset 9");
        assertThat(Files.readAllBytes(env)).hasSize(11);
    }
}
