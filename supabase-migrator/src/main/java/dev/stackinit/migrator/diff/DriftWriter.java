package dev.stackinit.migrator.diff;

import dev.stackinit.errors.InvalidInputException;
import dev.stackinit.migrator.MigrationCreator;
import dev.stackinit.migrator.MigrationFile;
import dev.stackinit.migrator.MigrationScanner;
import dev.stackinit.migrator.Phase;
import dev.stackinit.migrator.pull.ChangeScript;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes change files as new numbered migrations, {@code <phase>/<next>_<name>.sql}: the next number after the
 * phase's highest, with the same zero-padding. All or nothing: on any failure the files written so far are removed.
 */
final class DriftWriter {
    static final String HEADER = "-- written by supabase-migrator diff --write: the database already had these changes";

    private DriftWriter() {}

    static void checkName(String name) {
        MigrationCreator.checkName("--write", name);
    }

    /** @return the written paths, relative to the folder, in apply order */
    static List<Path> write(Path folder, String name, List<ChangeScript.ChangeFile> files) {
        List<MigrationFile> existing = new MigrationScanner().scan(folder).files();
        Map<Phase, Long> next = new HashMap<>();
        Map<Phase, Integer> width = new HashMap<>();
        for (MigrationFile file : existing) {
            next.merge(file.phase(), file.version().longValueExact() + 1, Math::max);
            String fileName = file.path().getFileName().toString();
            width.merge(file.phase(), fileName.indexOf('_'), Math::max);
        }
        List<Path> written = new ArrayList<>();
        try {
            for (ChangeScript.ChangeFile file : files) {
                long number = next.merge(file.phase(), 1L, (a, b) -> a);
                next.put(file.phase(), number + 1);
                String prefix = String.format("%0" + Math.max(3, width.getOrDefault(file.phase(), 3)) + "d", number);
                String fileName = prefix + "_" + name + file.label() + file.extension();
                Path relative = Path.of(file.phase().folder(), fileName);
                Path target = folder.resolve(relative);
                if (Files.exists(target)) {
                    throw new InvalidInputException(relative + " exists already");
                }
                String header = file.extension().equals(".sql") ? HEADER : "#" + HEADER.substring(2);
                write(target, header + "\n" + file.content());
                written.add(relative);
            }
        } catch (IOException | RuntimeException e) {
            remove(folder, written);
            if (e instanceof InvalidInputException invalid) {
                throw invalid;
            }
            throw new InvalidInputException("cannot write into " + folder + ": " + e.getMessage(), e);
        }
        return written;
    }

    static void remove(Path folder, List<Path> written) {
        for (Path path : written) {
            try {
                Files.deleteIfExists(folder.resolve(path));
            } catch (IOException e) {
                // best effort: the caller reports the failure that made us clean up
            }
        }
    }

    private static void write(Path target, String content) throws IOException {
        Files.createDirectories(target.getParent());
        Path temp = Files.createTempFile(target.getParent(), ".diff-", ".tmp");
        try {
            Files.write(temp, content.getBytes(StandardCharsets.UTF_8));
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(temp);
        }
    }
}
