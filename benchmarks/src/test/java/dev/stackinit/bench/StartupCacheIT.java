package dev.stackinit.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.stackinit.cli.Training;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * benchmarks/cds/startup-cache.sh and the launcher it writes, which every tool build and the Dockerfile use, on a tiny
 * JAR: the training runs become caches the launcher maps, a failed training run is printed, a JAR rebuilt without its
 * caches starts plain, and nothing ever fails the build.
 */
class StartupCacheIT {
    private static final Path SCRIPT = Path.of("cds/startup-cache.sh").toAbsolutePath();
    private static final String CLASS = HelloMain.class.getName();
    private static final String OPTIONS =
            "-XX:TieredStopAtLevel=1 -XX:+UseSerialGC -Xlog:disable -Xlog:all=warning:stderr";

    @TempDir
    Path dir;

    @Test
    void theTrainingRunsBecomeAnAppCdsArchiveThatTheLauncherMaps() throws Exception {
        jar();
        Spawn.Result made = script(training("--version", "GREETING=hi greet $WORK"), "none", false);

        assertThat(made.exit()).isZero();
        assertThat(made.output())
                .contains("[startup] hello: AppCDS archive hello.jsa")
                .contains("from 2 run(s), 0 failed")
                .contains("launcher bin/hello: AppCDS archive")
                .doesNotContain("WARNING");
        assertThat(Files.readString(dir.resolve("startup-cache/logs1/run2.log")))
                .as("env words and $WORK reach the training run")
                .startsWith("hello greet " + dir.resolve("startup-cache") + " hi");
        assertThat(Files.readString(dir.resolve("hello.launch")))
                .contains("options=" + OPTIONS)
                .contains("jsa_java=" + Tool.java());
        Spawn.Result launched = launcher(Map.of("JAVA_OPTS", "-Xlog:class+load=info:stdout"), "x");
        assertThat(launched.exit()).isZero();
        assertThat(launched.output())
                .contains(CLASS + " source: shared objects file")
                .contains("hello x - java")
                .doesNotContain("hello: warning");
    }

    @Test
    void withAJdk25TheLauncherUsesTheAotCache() throws Exception {
        Path jdk25 = newestJdk25();
        assumeTrue(jdk25 != null, "no JDK 25+ under /usr/lib/jvm");
        jar();
        Spawn.Result made = script(training("--version", "a b"), jdk25.toString(), false);

        assertThat(made.output())
                .contains("[startup] hello: AOT cache hello.aot")
                .contains("launcher bin/hello: AOT cache")
                .doesNotContain("WARNING");
        Spawn.Result launched = launcher(Map.of("JAVA_OPTS", "-XX:AOTMode=on -Xlog:class+load=info:stdout"), "y");
        assertThat(launched.exit()).isZero();
        assertThat(launched.output())
                .contains(CLASS + " source: shared objects file")
                .contains("hello y -");
    }

    @Test
    void aFailedTrainingRunIsPrintedAndTheRestStillTrains() throws Exception {
        jar();
        Spawn.Result made = script(training("ok", "exit=3", "[exit 4] exit=4", "x $NOT_SET"), "none", false);

        assertThat(made.exit()).isZero();
        assertThat(made.output())
                .contains("[startup] WARNING: hello: training run 2 FAILED: exit 3, expected 0: exit=3")
                .contains("[startup] WARNING: hello: training run 4 SKIPPED (counts as failed)")
                .contains("[startup] WARNING: hello: 2 training run(s) failed")
                .contains("from 4 run(s), 2 failed");
        assertThat(dir.resolve("hello.jsa")).isRegularFile();
    }

    @Test
    void aJarRebuiltWithoutItsCachesStartsPlainInsteadOfMeetingStaleOnes() throws Exception {
        Path jar = jar();
        assertThat(script(training("--version"), "none", false).exit()).isZero();
        Files.setLastModifiedTime(jar, FileTime.fromMillis(System.currentTimeMillis() + 60_000));

        Spawn.Result launched = launcher(Map.of("JAVA_OPTS", "-Xlog:class+load=info:stdout"), "z");

        assertThat(launched.exit()).isZero();
        assertThat(launched.output()).contains("hello z -").doesNotContain(CLASS + " source: shared objects file");
        assertThat(launched.output())
                .as("the launcher says why it starts without the cache")
                .containsPattern(
                        "hello: warning: the AppCDS archive is not used: \\S*/hello\\.jsa is older than \\S*/hello\\.jar");
    }

    @Test
    void aCacheWhoseJvmIsGoneIsNamedAndTheLauncherStartsPlain() throws Exception {
        jar();
        assertThat(script(training("--version"), "none", false).exit()).isZero();
        Path launch = dir.resolve("hello.launch");
        Files.writeString(launch, Files.readString(launch).replaceAll("jsa_java=.*", "jsa_java=/gone/bin/java"));

        Spawn.Result launched = launcher(Map.of(), "u");

        assertThat(launched.exit()).isZero();
        assertThat(launched.output())
                .contains("hello u -")
                .contains("hello: warning: the AppCDS archive is not used: /gone/bin/java, the JVM that made it,"
                        + " is not there");
    }

    @Test
    void skippedCachesStillGiveALauncherAndNoProblemEverFailsTheBuild() throws Exception {
        jar();
        Spawn.Result skipped = script(training("--version"), "none", true);
        assertThat(skipped.exit()).isZero();
        assertThat(skipped.output()).contains("launcher bin/hello (caches skipped: -Dcds.skip=true)");
        assertThat(launcher(Map.of(), "w").output()).contains("hello w -");
        assertThat(dir.resolve("hello.jsa")).doesNotExist();

        Spawn.Result noTraining = run(command(dir.resolve("missing.txt"), "none", false));
        assertThat(noTraining.exit()).isZero();
        assertThat(noTraining.output()).contains("[startup] WARNING: hello:").contains("missing.txt does not exist");
        assertThat(launcher(Map.of(), "v").output()).contains("hello v -");
    }

    private Spawn.Result script(Path training, String aotJava, boolean skip) throws Exception {
        return run(command(training, aotJava, skip));
    }

    private List<String> command(Path training, String aotJava, boolean skip) {
        return List.of(
                "sh",
                SCRIPT.toString(),
                "hello",
                CLASS,
                dir.toString(),
                Tool.java().toString(),
                training.toString(),
                dir.toString(),
                OPTIONS,
                Boolean.toString(skip),
                aotJava);
    }

    private Spawn.Result launcher(Map<String, String> env, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(dir.resolve("bin/hello").toString()));
        command.addAll(List.of(args));
        return Spawn.run(command, env, dir);
    }

    private Path training(String... lines) throws IOException {
        Path file = Files.createTempFile(dir, "training", ".txt");
        Files.writeString(file, "# comment lines and blank lines are skipped\n\n" + String.join("\n", lines) + "\n");
        return file;
    }

    private Spawn.Result run(List<String> command) throws Exception {
        return Spawn.run(command, Map.of(), dir);
    }

    private static Path newestJdk25() throws IOException {
        Path jvms = Path.of("/usr/lib/jvm");
        if (!Files.isDirectory(jvms)) {
            return null;
        }
        try (Stream<Path> homes = Files.list(jvms)) {
            for (Path home : homes.sorted().toList()) {
                Path release = home.resolve("release");
                if (Files.isRegularFile(release)
                        && Files.readString(release).matches("(?s).*JAVA_VERSION=\"(2[5-9]|[3-9]\\d).*")) {
                    return home.resolve("bin/java");
                }
            }
        }
        return null;
    }

    /** A runnable JAR with {@link HelloMain} and what the training JVM needs: cli-common and picocli. */
    private Path jar() throws IOException, URISyntaxException {
        Path jar = dir.resolve("hello.jar");
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        manifest.getMainAttributes().put(Attributes.Name.MAIN_CLASS, CLASS);
        Set<String> written = new HashSet<>();
        try (OutputStream file = Files.newOutputStream(jar);
                JarOutputStream out = new JarOutputStream(file, manifest)) {
            String entry = CLASS.replace('.', '/') + ".class";
            try (InputStream in = HelloMain.class.getClassLoader().getResourceAsStream(entry)) {
                add(out, entry, in, written);
            }
            copyClasses(
                    Path.of(Training.class
                            .getProtectionDomain()
                            .getCodeSource()
                            .getLocation()
                            .toURI()),
                    out,
                    written);
            copyClasses(
                    Path.of(CommandLine.class
                            .getProtectionDomain()
                            .getCodeSource()
                            .getLocation()
                            .toURI()),
                    out,
                    written);
        }
        return jar;
    }

    /** The class files of a JAR or a classes folder on the test classpath. */
    private static void copyClasses(Path location, JarOutputStream out, Set<String> written) throws IOException {
        if (Files.isDirectory(location)) {
            try (Stream<Path> files = Files.walk(location)) {
                for (Path file :
                        files.filter(f -> f.toString().endsWith(".class")).toList()) {
                    try (InputStream in = Files.newInputStream(file)) {
                        add(out, location.relativize(file).toString().replace('\\', '/'), in, written);
                    }
                }
            }
            return;
        }
        try (JarFile source = new JarFile(location.toFile())) {
            for (JarEntry entry : source.stream().toList()) {
                if (entry.getName().endsWith(".class") && !entry.getName().startsWith("META-INF/")) {
                    try (InputStream in = source.getInputStream(entry)) {
                        add(out, entry.getName(), in, written);
                    }
                }
            }
        }
    }

    private static void add(JarOutputStream out, String name, InputStream in, Set<String> written) throws IOException {
        if (written.add(name)) {
            out.putNextEntry(new JarEntry(name));
            in.transferTo(out);
            out.closeEntry();
        }
    }
}
