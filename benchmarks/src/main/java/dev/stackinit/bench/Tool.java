package dev.stackinit.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A tool's runnable JAR and its AppCDS archive, and the two ways the suite starts it: plain {@code java -jar}, and the
 * documented launch command (the archive made at package time plus {@link #LAUNCH_FLAGS}, as in the image).
 */
public record Tool(String name, Path jar, Path archive) {
    /** The tools the suite measures (stack-init, the aggregate, is not an init container). */
    public static final List<String> NAMES =
            List.of("key-generator", "mongo-seeder", "webhook-config", "supabase-migrator");

    /** JVM flags of the launch command besides the archive: C1 only (no C2 compiler threads on 2 cores), serial GC. */
    public static final List<String> LAUNCH_FLAGS = List.of("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC");

    public static Tool find(Path repo, String name) {
        Path target = repo.resolve(name).resolve("target");
        Path jar = target.resolve(name + ".jar");
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar + " is missing: run mvn -B -q install -DskipTests -DskipITs first");
        }
        return new Tool(name, jar, target.resolve(name + ".jsa"));
    }

    public static Path java() {
        return Path.of(System.getProperty("java.home"), "bin", "java");
    }

    public List<String> plain(String... args) {
        List<String> command = new ArrayList<>(List.of(java().toString(), "-jar", jar.toString()));
        command.addAll(List.of(args));
        return command;
    }

    /** The launch command; without an archive (none could be made) it is the flags alone. */
    public List<String> launch(String... args) {
        List<String> command = new ArrayList<>(List.of(java().toString()));
        if (Files.isRegularFile(archive)) {
            command.add("-XX:SharedArchiveFile=" + archive);
        }
        command.addAll(LAUNCH_FLAGS);
        command.addAll(List.of("-jar", jar.toString()));
        command.addAll(List.of(args));
        return command;
    }

    /**
     * Whether the JVM maps the archive: -Xshare:on fails instead of silently falling back, e.g. when the JAR was rebuilt
     * after the archive was made.
     */
    public String archiveState() throws IOException, InterruptedException {
        if (!Files.isRegularFile(archive)) {
            return "no archive (" + archive.getFileName() + " was not made)";
        }
        List<String> command =
                new ArrayList<>(List.of(java().toString(), "-XX:SharedArchiveFile=" + archive, "-Xshare:on"));
        command.addAll(List.of("-jar", jar.toString(), "--version"));
        Spawn.Result result = Spawn.run(command, Map.of(), jar.getParent());
        return result.exit() == 0
                ? String.format("archive used (%.0f MB)", Files.size(archive) / 1e6)
                : "ARCHIVE REFUSED, runs fall back to no sharing: "
                        + result.output().strip().replace('\n', ' ');
    }
}
