package dev.stackinit.migrator.pull;

import dev.stackinit.errors.InvalidInputException;
import dev.stackinit.migrator.Phase;
import dev.stackinit.shared.IoErrors;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Writes pulled files into the phase folders. A file whose content is unchanged is not touched; a changed one is
 * replaced atomically (temp file in the same folder, then rename); pulled files (those starting with
 * {@link PullPlanner#HEADER}) the new pull no longer has are removed. Other files in the folders, and other folders
 * (bootstrap/, seed/), are left alone.
 */
public final class PhaseWriter {
    private static final Pattern PULLED = Pattern.compile("[0-9]+_.+\\.(sql|ya?ml)");
    private static final byte[] SQL_HEADER = PullPlanner.HEADER.getBytes(StandardCharsets.UTF_8);
    private static final byte[] YAML_HEADER = ("#" + PullPlanner.HEADER.substring(2)).getBytes(StandardCharsets.UTF_8);

    /** Relative paths, sorted. */
    public record WriteReport(List<String> written, List<String> unchanged, List<String> removed) {}

    public WriteReport write(Path out, List<PulledFile> files) {
        if (Files.exists(out) && !Files.isDirectory(out)) {
            throw new InvalidInputException("--out " + out + " is a file, not a folder");
        }
        List<String> written = new ArrayList<>();
        List<String> unchanged = new ArrayList<>();
        List<String> removed = new ArrayList<>();
        Set<String> kept = new HashSet<>();
        try {
            for (PulledFile file : files) {
                Path target = out.resolve(file.phase().folder()).resolve(file.fileName());
                byte[] content = file.content().getBytes(StandardCharsets.UTF_8);
                kept.add(file.path());
                if (Files.isRegularFile(target) && Arrays.equals(Files.readAllBytes(target), content)) {
                    unchanged.add(file.path());
                } else {
                    writeAtomically(target, content);
                    written.add(file.path());
                }
            }
            for (Phase phase : PullPlanner.PHASES) {
                for (Path stale : pulledFiles(out.resolve(phase.folder()))) {
                    String path = phase.folder() + "/" + stale.getFileName();
                    if (!kept.contains(path)) {
                        Files.delete(stale);
                        removed.add(path);
                    }
                }
            }
        } catch (IOException e) {
            throw new InvalidInputException(
                    "cannot write the pulled files into " + out + ": " + IoErrors.describe(e), e);
        }
        return new WriteReport(sorted(written), sorted(unchanged), sorted(removed));
    }

    private static void writeAtomically(Path target, byte[] content) throws IOException {
        Files.createDirectories(target.getParent());
        Path temp = Files.createTempFile(target.getParent(), ".pull-", ".tmp");
        try {
            Files.write(temp, content);
            Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    private static List<Path> pulledFiles(Path folder) throws IOException {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        List<Path> candidates;
        try (Stream<Path> entries = Files.list(folder)) {
            candidates = entries.filter(Files::isRegularFile)
                    .filter(p -> PULLED.matcher(p.getFileName().toString()).matches())
                    .sorted()
                    .toList();
        }
        List<Path> pulled = new ArrayList<>();
        for (Path candidate : candidates) {
            byte[] content = Files.readAllBytes(candidate);
            if (startsWith(content, SQL_HEADER) || startsWith(content, YAML_HEADER)) {
                pulled.add(candidate);
            }
        }
        return pulled;
    }

    private static boolean startsWith(byte[] content, byte[] prefix) {
        return content.length >= prefix.length && Arrays.equals(content, 0, prefix.length, prefix, 0, prefix.length);
    }

    private static List<String> sorted(List<String> paths) {
        return paths.stream().sorted().toList();
    }
}
