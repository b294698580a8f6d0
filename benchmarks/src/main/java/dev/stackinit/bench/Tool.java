package dev.stackinit.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A tool as the build leaves it: its runnable JAR and its launcher {@code target/bin/<tool>} (which picks the AOT cache
 * on JDK 25, else the AppCDS archive on JDK 17, else plain java: benchmarks/README.md), and the two ways the suite starts
 * it: the launcher, and plain {@code java -jar} with the suite's JDK.
 */
public record Tool(String name, Path jar, Path launcher) {
    /** The init tools the suite measures (stack-init, the aggregate, is not an init container). */
    public static final List<String> NAMES =
            List.of("key-generator", "mongo-seeder", "webhook-config", "supabase-migrator");

    public static Tool find(Path repo, String name) {
        Path target = repo.resolve(name).resolve("target");
        Path jar = target.resolve(name + ".jar");
        Path launcher = target.resolve("bin").resolve(name);
        if (!Files.isRegularFile(jar) || !Files.isExecutable(launcher)) {
            throw new IllegalStateException(
                    jar + " or " + launcher + " is missing: run mvn -B -q install -DskipTests -DskipITs first");
        }
        return new Tool(name, jar, launcher);
    }

    /** The JDK the suite runs on (the build's JDK 17): plain java -jar and the baselines use it. */
    public static Path java() {
        return Path.of(System.getProperty("java.home"), "bin", "java");
    }

    public List<String> plain(String... args) {
        List<String> command = new ArrayList<>(List.of(java().toString(), "-jar", jar.toString()));
        command.addAll(List.of(args));
        return command;
    }

    /** What users run: the launcher. */
    public List<String> launch(String... args) {
        List<String> command = new ArrayList<>(List.of(launcher.toString()));
        command.addAll(List.of(args));
        return command;
    }

    /** The launcher's settings (target/<tool>.launch): options=, aot_java=, jsa_java=. */
    public Map<String, String> launchSettings() throws IOException {
        Path file = jar.resolveSibling(name + ".launch");
        Map<String, String> settings = new java.util.LinkedHashMap<>();
        if (Files.isRegularFile(file)) {
            for (String line : Files.readAllLines(file)) {
                int equals = line.indexOf('=');
                if (equals > 0) {
                    settings.put(line.substring(0, equals), line.substring(equals + 1));
                }
            }
        }
        return settings;
    }

    /**
     * Which start the launcher takes, checked the strict way: the JVM is asked to map the cache or fail
     * ({@code -XX:AOTMode=on}, {@code -Xshare:on}) instead of silently running without it.
     */
    public String startPath() throws IOException, InterruptedException {
        Map<String, String> settings = launchSettings();
        Path aot = jar.resolveSibling(name + ".aot");
        Path jsa = jar.resolveSibling(name + ".jsa");
        if (settings.containsKey("aot_java") && usable(aot)) {
            return check(settings.get("aot_java"), "-XX:AOTCache=" + aot, "-XX:AOTMode=on", "AOT cache", aot);
        }
        if (settings.containsKey("jsa_java") && usable(jsa)) {
            return check(settings.get("jsa_java"), "-XX:SharedArchiveFile=" + jsa, "-Xshare:on", "AppCDS archive", jsa);
        }
        return "plain java (no cache newer than the JAR)";
    }

    private boolean usable(Path cache) throws IOException {
        return Files.isRegularFile(cache)
                && Files.getLastModifiedTime(cache).compareTo(Files.getLastModifiedTime(jar)) > 0;
    }

    private String check(String javaPath, String cacheOption, String strict, String what, Path cache)
            throws IOException, InterruptedException {
        Spawn.Result result = Spawn.run(
                List.of(javaPath, cacheOption, strict, "-jar", jar.toString(), "--version"), Map.of(), jar.getParent());
        String size = String.format(Locale.ROOT, "%.0f MB", Files.size(cache) / 1e6);
        return result.exit() == 0
                ? what + " (" + size + ") on " + result.output().strip()
                : what + " REFUSED, the launcher's runs fall back to no cache: "
                        + result.output().strip().replace('\n', ' ');
    }
}
