package dev.stackinit.keygen.io;

import dev.stackinit.errors.InvalidInputException;
import dev.stackinit.keygen.DemoValues;
import dev.stackinit.keygen.Finding;
import dev.stackinit.keygen.SecretSpec;
import dev.stackinit.keygen.Vars;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The env files of one stack, read once: the main file (the mapping's source, else the first {@code --env-file}), the
 * other env files that hold the same secrets, and the mapping's targets.
 */
public final class StackFiles {
    private final Map<Path, EnvFile> files = new LinkedHashMap<>();
    private final Map<Path, Optional<String>> originals = new LinkedHashMap<>();
    private final List<String> warnings = new ArrayList<>();
    private final List<Path> envFiles;
    private final Optional<EnvMapping> mapping;

    private StackFiles(List<Path> envFiles, Optional<EnvMapping> mapping) {
        this.envFiles = envFiles;
        this.mapping = mapping;
    }

    /**
     * @param mustExist true for verify, and for generate without --create: a missing env file (or mapping source) is
     *     an error that says to copy the example first; a mapping's missing targets are always created
     */
    public static StackFiles load(
            List<Path> envFiles, Optional<Path> mappingFile, EnvFileStore store, boolean mustExist) {
        return read(envFiles, mappingFile.map(EnvMapping::load), store, mustExist);
    }

    /** Like {@link #load}, with the mapping already parsed (to lock its files before reading them). */
    public static StackFiles read(
            List<Path> envFiles, Optional<EnvMapping> mapping, EnvFileStore store, boolean mustExist) {
        List<Path> main = mainFiles(envFiles, mapping);
        StackFiles stack = new StackFiles(main, mapping);
        for (Path path : main) {
            stack.read(path, store, mustExist);
        }
        for (EnvMapping.Target target : mapping.map(EnvMapping::targets).orElse(List.of())) {
            stack.read(target.file(), store, false);
        }
        return stack;
    }

    /** The files of a stack before reading them: the env files (the mapping's source first), then its targets. */
    public static List<Path> paths(List<Path> envFiles, Optional<EnvMapping> mapping) {
        Set<Path> all = new LinkedHashSet<>(mainFiles(envFiles, mapping));
        mapping.ifPresent(m -> m.targets().forEach(t -> all.add(t.file())));
        return List.copyOf(all);
    }

    private static List<Path> mainFiles(List<Path> envFiles, Optional<EnvMapping> mapping) {
        Set<Path> all = new LinkedHashSet<>();
        mapping.ifPresent(m -> all.add(m.source()));
        envFiles.forEach(p -> all.add(p.toAbsolutePath().normalize()));
        return List.copyOf(all);
    }

    private void read(Path path, EnvFileStore store, boolean mustExist) {
        if (files.containsKey(path)) {
            return;
        }
        Optional<String> text = store.read(path);
        if (text.isEmpty() && mustExist) {
            throw new InvalidInputException("env file " + display(path) + " does not exist: copy the example first ("
                    + copyHint(path) + "); generate --create starts from an empty file");
        }
        originals.put(path, text);
        EnvFile file = text.map(t -> EnvFile.parse(display(path), t)).orElse(EnvFile.empty(display(path)));
        files.put(path, file);
        warnings.addAll(file.duplicates());
    }

    private static String copyHint(Path path) {
        for (Path example :
                List.of(path.resolveSibling(path.getFileName() + ".example"), path.resolveSibling(".env.example"))) {
            if (java.nio.file.Files.isRegularFile(example)) {
                return "cp " + display(example) + " " + display(path);
            }
        }
        return "e.g. cp .env.example " + display(path);
    }

    /** What reading found that does not stop a run: variables set twice with different values. */
    public List<String> warnings() {
        return List.copyOf(warnings);
    }

    /** The file that receives variables it lacks. */
    public Path main() {
        return envFiles.get(0);
    }

    public List<Path> envFiles() {
        return envFiles;
    }

    public Optional<EnvMapping> mapping() {
        return mapping;
    }

    public EnvFile file(Path path) {
        return files.get(path);
    }

    public boolean exists(Path path) {
        return originals.getOrDefault(path, Optional.empty()).isPresent();
    }

    public Optional<String> original(Path path) {
        return originals.get(path);
    }

    /**
     * The stack's current values: the main file's, plus what only the other env files define. A managed secret with
     * two different real values in two files is a conflict, returned as a finding.
     */
    public Map<String, String> merged(List<Finding> conflicts) {
        Map<String, String> merged = new LinkedHashMap<>();
        Map<String, Path> from = new LinkedHashMap<>();
        for (Path path : envFiles) {
            for (Map.Entry<String, String> entry : files.get(path).values().entrySet()) {
                String name = entry.getKey();
                String value = entry.getValue();
                String earlier = merged.get(name);
                if (earlier == null || (isPlaceholder(name, earlier) && !isPlaceholder(name, value))) {
                    merged.put(name, value);
                    from.put(name, path);
                } else if (isManaged(name) && !isPlaceholder(name, value) && !earlier.equals(value)) {
                    conflicts.add(Finding.error(
                            name, "differs between " + display(from.get(name)) + " and " + display(path)));
                }
            }
        }
        return merged;
    }

    static boolean isManaged(String name) {
        return SecretSpec.forVariable(name).isPresent()
                || Vars.LEGACY_KEYS.contains(name)
                || Vars.ASYMMETRIC.contains(name);
    }

    private static boolean isPlaceholder(String name, String value) {
        if (Vars.LEGACY_KEYS.contains(name)) {
            return value.isBlank() || DemoValues.isDemoKey(value);
        }
        return SecretSpec.forVariable(name)
                .map(spec -> spec.isPlaceholder(value))
                .orElse(value.isBlank());
    }

    /** A path as people read it: relative to the working folder when below it. */
    public static String display(Path path) {
        Path cwd = Path.of("").toAbsolutePath();
        Path absolute = path.toAbsolutePath().normalize();
        return absolute.startsWith(cwd) ? cwd.relativize(absolute).toString() : absolute.toString();
    }

    /** The new text of every file that changes, in a stable order. */
    List<EnvFileStore.Change> changes(Map<Path, EnvFile> updated) {
        List<EnvFileStore.Change> changes = new ArrayList<>();
        for (Map.Entry<Path, EnvFile> entry : updated.entrySet()) {
            String after = entry.getValue().render();
            Optional<String> before = originals.get(entry.getKey());
            if (before.isEmpty() || !before.get().equals(after)) {
                changes.add(new EnvFileStore.Change(entry.getKey(), before, after));
            }
        }
        return changes;
    }
}
