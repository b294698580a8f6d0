package dev.stackinit.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * benchmarks/cds/cds-archive.sh, which every tool build and the Dockerfile run: it makes an archive the JVM maps, a
 * rebuilt JAR falls back silently to no sharing, and when no archive can be made it warns and exits 0.
 */
class CdsArchiveIT {
    private static final Path SCRIPT = Path.of("cds/cds-archive.sh").toAbsolutePath();
    private static final String CLASS = HelloMain.class.getName();

    @TempDir
    Path dir;

    @Test
    void theTrainingRunsBecomeAnArchiveThatTheJvmMaps() throws Exception {
        Path jar = jar();
        Path archive = dir.resolve("target/hello.jsa");
        Files.createDirectories(archive.getParent());

        Spawn.Result made = script(jar, archive, training("--version", "GREETING=hi greet $WORK"));

        assertThat(made.exit()).isZero();
        assertThat(made.output()).contains("[cds] hello.jsa:").doesNotContain("WARNING");
        assertThat(archive).isRegularFile();
        assertThat(Files.readString(dir.resolve("target/hello-cds/run2.log")))
                .as("env words and $WORK reach the training run")
                .startsWith("hello greet " + dir.resolve("target/hello-cds") + " hi");
        Spawn.Result mapped =
                java("-XX:SharedArchiveFile=" + archive, "-Xshare:on", "-Xlog:class+load", "-jar", jar.toString(), "x");
        assertThat(mapped.exit()).isZero();
        assertThat(mapped.output())
                .contains(CLASS + " source: shared objects file")
                .contains("hello x -");
    }

    @Test
    void aRebuiltJarStartsWithoutTheArchiveInsteadOfFailing() throws Exception {
        Path jar = jar();
        Path archive = dir.resolve("hello.jsa");
        assertThat(script(jar, archive, training("--version")).exit()).isZero();
        Files.setLastModifiedTime(
                jar, FileTime.fromMillis(Files.getLastModifiedTime(jar).toMillis() + 60_000));

        Spawn.Result auto = java("-XX:SharedArchiveFile=" + archive, "-Xlog:class+load", "-jar", jar.toString(), "x");
        Spawn.Result strict = java("-XX:SharedArchiveFile=" + archive, "-Xshare:on", "-jar", jar.toString(), "x");

        assertThat(auto.exit()).isZero();
        assertThat(auto.output()).contains("hello x -").doesNotContain(CLASS + " source: shared objects file");
        assertThat(strict.exit()).isNotZero();
    }

    @Test
    void whenNoArchiveCanBeMadeItWarnsExitsZeroAndLeavesNothingBehind() throws Exception {
        Path jar = jar();
        Path archive = dir.resolve("hello.jsa");

        Spawn.Result noTraining = script(jar, archive, dir.resolve("missing.txt"));
        Spawn.Result noJar = script(dir.resolve("missing.jar"), archive, training("--version"));
        Spawn.Result notAJvm = run(List.of(
                "sh",
                SCRIPT.toString(),
                "/bin/false",
                jar.toString(),
                archive.toString(),
                training("--version").toString()));
        Spawn.Result dumpFails = run(List.of(
                "sh",
                SCRIPT.toString(),
                jvmThatCannotDump().toString(),
                jar.toString(),
                archive.toString(),
                training("--version").toString()));

        for (Spawn.Result result : List.of(noTraining, noJar, notAJvm, dumpFails)) {
            assertThat(result.exit()).isZero();
            assertThat(result.output()).contains("[cds] WARNING: no AppCDS archive");
        }
        assertThat(noTraining.output()).contains("missing.txt does not exist");
        assertThat(noJar.output()).contains("missing.jar does not exist");
        assertThat(notAJvm.output()).contains("the training runs produced no class list");
        assertThat(dumpFails.output()).contains("-Xshare:dump failed");
        assertThat(archive).doesNotExist();
        assertThat(dir.resolve("hello.jsa.tmp")).doesNotExist();
    }

    /** A stand-in for java that writes a class list when trained but fails to dump, like a JVM without CDS. */
    private Path jvmThatCannotDump() throws IOException {
        Path fake = dir.resolve("fake-java");
        Files.writeString(fake, """
                #!/bin/sh
                for arg in "$@"; do
                    case $arg in
                        -Xshare:dump) echo "Error: CDS is not supported" >&2; exit 1 ;;
                        -XX:DumpLoadedClassList=*) echo "java/lang/Object" > "${arg#*=}" ;;
                    esac
                done
                """);
        assertThat(fake.toFile().setExecutable(true)).isTrue();
        return fake;
    }

    private Path training(String... lines) throws IOException {
        Path file = Files.createTempFile(dir, "training", ".txt");
        Files.writeString(file, "# comment lines and blank lines are skipped\n\n" + String.join("\n", lines) + "\n");
        return file;
    }

    private Spawn.Result script(Path jar, Path archive, Path training) throws Exception {
        return run(List.of(
                "sh", SCRIPT.toString(), javaBinary(), jar.toString(), archive.toString(), training.toString()));
    }

    private Spawn.Result java(String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(javaBinary()));
        command.addAll(List.of(args));
        return run(command);
    }

    private Spawn.Result run(List<String> command) throws Exception {
        return Spawn.run(command, Map.of(), dir);
    }

    private static String javaBinary() {
        return Tool.java().toString();
    }

    /** A runnable JAR holding only {@link HelloMain}, written from the compiled test class. */
    private Path jar() throws IOException {
        Path jar = dir.resolve("hello.jar");
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        manifest.getMainAttributes().put(Attributes.Name.MAIN_CLASS, CLASS);
        String entry = CLASS.replace('.', '/') + ".class";
        try (OutputStream file = Files.newOutputStream(jar);
                JarOutputStream out = new JarOutputStream(file, manifest);
                InputStream in = HelloMain.class.getClassLoader().getResourceAsStream(entry)) {
            out.putNextEntry(new JarEntry(entry));
            in.transferTo(out);
            out.closeEntry();
        }
        return jar;
    }
}
