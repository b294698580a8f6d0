package dev.stackinit.migrator;

import dev.stackinit.errors.InvalidInputException;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Finds migration files. The one naming rule, in every phase folder and in a Supabase CLI folder alike:
 * {@code <number>_<name>.sql} (YAML webhooks: {@code <number>_<name>.yml|yaml} in {@code webhooks/}); the number is
 * compared numerically (leading zeros allowed, {@code 20240101120000_x.sql} and {@code 001_x.sql} both work) and must be
 * unique within its phase.
 */
public final class MigrationScanner {
    private static final Pattern NAME = Pattern.compile("^([0-9]+)_(.+)\\.(sql|ya?ml)$");
    private static final Set<String> KNOWN_ROOT_ENTRIES = Set.of("supabase", "README.md", ".gitkeep");

    /** The files in (phase, version) order, and what was skipped. */
    public record Scan(List<MigrationFile> files, List<String> warnings) {}

    /**
     * Every migration file under {@code root}. A folder without a single migration file is an error (exit 3): a wrong
     * {@code -d} must not look like "nothing to do".
     */
    public Scan scan(Path root) {
        Scan scan = scanAllowingEmpty(root);
        if (scan.files().isEmpty()) {
            throw new InvalidInputException("no migration files in " + display(root) + ": expected <number>_<name>.sql"
                    + " in " + phaseFolders() + " (or -d pointing at a Supabase CLI migrations folder)");
        }
        return scan;
    }

    /** The files of one phase folder, in version order; none (or no folder) is fine: {@code new} starts a phase. */
    public List<MigrationFile> phase(Path root, Phase phase) {
        return scanAllowingEmpty(root).files().stream()
                .filter(f -> f.phase() == phase)
                .toList();
    }

    private Scan scanAllowingEmpty(Path root) {
        if (!Files.isDirectory(root)) {
            throw new InvalidInputException(
                    "migrations directory " + display(root) + " does not exist or is not a directory");
        }
        List<MigrationFile> files = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        for (Phase phase : Phase.values()) {
            Path folder = root.resolve(phase.folder());
            if (Files.isDirectory(folder)) {
                files.addAll(scanFolder(root, folder, phase, warnings));
            }
        }
        if (looksLikeCliFolder(root)) {
            // pointed straight at supabase/migrations: its top-level files are the CLI phase
            files.addAll(scanFolder(root, root, Phase.MIGRATIONS, warnings));
        } else {
            warnAboutUnknownEntries(root, warnings);
        }
        rejectDuplicates(files);
        files.sort(MigrationFile.ORDER);
        return new Scan(List.copyOf(files), List.copyOf(warnings));
    }

    private List<MigrationFile> scanFolder(Path root, Path folder, Phase phase, List<String> warnings) {
        List<MigrationFile> found = new ArrayList<>();
        for (Path path : list(folder)) {
            String relative = root.relativize(path).toString().replace('\\', '/');
            String fileName = path.getFileName().toString();
            if (isKubernetesInternal(fileName) || fileName.equals(".gitkeep")) {
                continue; // a ConfigMap mount's ..data/..<timestamp> entries; a placeholder keeping the folder in git
            }
            if (Files.isDirectory(path)) {
                if (!(phase == Phase.BOOTSTRAP || isPhaseFolder(root, path))) {
                    warnings.add("ignored folder " + relative + " (phase folders hold files only)");
                }
                continue;
            }
            String lower = fileName.toLowerCase(Locale.ROOT);
            boolean sql = lower.endsWith(".sql");
            boolean yaml = lower.endsWith(".yml") || lower.endsWith(".yaml");
            if (!sql && !yaml) {
                warnings.add("ignored " + relative + " (not .sql" + (phase == Phase.WEBHOOKS ? "/.yml" : "") + ")");
                continue;
            }
            if (yaml && phase != Phase.WEBHOOKS) {
                throw new InvalidInputException(relative + ": YAML files belong in webhooks/ only");
            }
            Matcher m = NAME.matcher(fileName);
            if (!m.matches()) {
                throw new InvalidInputException(
                        relative + ": the name must be <number>_<name>" + lower.substring(lower.lastIndexOf('.'))
                                + " (e.g. 001_profiles.sql or 20240101120000_profiles.sql)");
            }
            MigrationFile.Kind kind = sql ? MigrationFile.Kind.SQL : MigrationFile.Kind.WEBHOOK_YAML;
            found.add(new MigrationFile(phase, new BigInteger(m.group(1)), m.group(2), relative, kind, path));
        }
        return found;
    }

    /**
     * A Kubernetes ConfigMap or Secret volume holds each file as a link into {@code ..data}, which points at a
     * {@code ..<timestamp>} folder: bookkeeping of the mount, never migrations.
     */
    static boolean isKubernetesInternal(String name) {
        return name.startsWith("..");
    }

    private static String display(Path root) {
        Path absolute = root.toAbsolutePath().normalize();
        return absolute.equals(root) ? root.toString() : root + " (" + absolute + ")";
    }

    private static boolean isPhaseFolder(Path root, Path path) {
        for (Phase phase : Phase.values()) {
            if (path.equals(root.resolve(phase.folder()))) {
                return true;
            }
        }
        return false;
    }

    private static boolean looksLikeCliFolder(Path root) {
        return list(root).stream()
                .anyMatch(p -> Files.isRegularFile(p)
                        && NAME.matcher(p.getFileName().toString()).matches()
                        && p.getFileName().toString().endsWith(".sql"));
    }

    private static void warnAboutUnknownEntries(Path root, List<String> warnings) {
        for (Path path : list(root)) {
            String name = path.getFileName().toString();
            boolean known = KNOWN_ROOT_ENTRIES.contains(name)
                    || Stream.of(Phase.values()).anyMatch(p -> p.folder().equals(name));
            if (!known && !name.startsWith(".")) {
                warnings.add("ignored " + name + " (not a phase folder: " + phaseFolders() + ")");
            }
        }
    }

    private static String phaseFolders() {
        return String.join(
                ", ", Stream.of(Phase.values()).map(p -> p.folder() + "/").toList());
    }

    private static void rejectDuplicates(List<MigrationFile> files) {
        Map<MigrationKey, MigrationFile> seen = new HashMap<>();
        for (MigrationFile file : files) {
            MigrationFile other = seen.putIfAbsent(file.key(), file);
            if (other != null) {
                throw new InvalidInputException("two files with version " + file.version() + " in phase "
                        + file.phase().id() + ": " + other.script() + " and " + file.script());
            }
        }
    }

    private static List<Path> list(Path folder) {
        try (Stream<Path> entries = Files.list(folder)) {
            return entries.sorted().toList();
        } catch (IOException e) {
            throw new InvalidInputException("cannot read " + folder + ": " + e.getMessage(), e);
        }
    }
}
