package dev.stackinit.seeder.io;

import dev.stackinit.errors.InvalidInputException;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * An export directory written whole into a temporary sibling ({@code .<name>.export-new}) and swapped in only when
 * complete: the old directory is renamed to {@code .<name>.export-old}, the new one into place, the old one deleted.
 * A failed or interrupted export (a source that goes away, a full disk, a kill) leaves the previous export as it was;
 * the next export finishes or undoes a swap that was cut between its two renames. Files that are not the exporter's
 * own (a README, .gitkeep) are carried over, and unchanged files are carried over as links to the old ones, so they
 * stay untouched; when nothing changed nothing is swapped.
 */
final class StagedDirectory {
    private final Path target;
    private final Path staging;
    private final Path previous;
    private final Predicate<String> ownFile;
    private final Set<String> written = new HashSet<>();

    /** @param ownFile file names the exporter writes (everything else is carried over as it is) */
    StagedDirectory(Path directory, Predicate<String> ownFile) {
        this.ownFile = ownFile;
        this.target = real(directory);
        if (Files.exists(target) && !Files.isDirectory(target)) {
            throw new InvalidInputException(directory + " exists and is not a directory");
        }
        Path parent = target.getParent();
        String name = target.getFileName().toString();
        this.staging = parent.resolve("." + name + ".export-new");
        this.previous = parent.resolve("." + name + ".export-old");
        try {
            Files.createDirectories(parent);
            recover();
            Files.createDirectory(staging);
            copyPermissions(target, staging);
        } catch (IOException e) {
            throw failed("prepare", e);
        }
    }

    /** The directory itself when it is a link: the swap happens where the link points. */
    private static Path real(Path directory) {
        try {
            return Files.isSymbolicLink(directory)
                    ? directory.toRealPath()
                    : directory.toAbsolutePath().normalize();
        } catch (IOException e) {
            throw new InvalidInputException("cannot resolve " + directory + ": " + e.getMessage(), e);
        }
    }

    /** Finishes or undoes what an interrupted export left, and removes its unfinished staging copy. */
    private void recover() throws IOException {
        if (Files.exists(previous, LinkOption.NOFOLLOW_LINKS)) {
            if (Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
                deleteTree(previous); // the swap completed, its clean-up did not
            } else {
                Files.move(previous, target, StandardCopyOption.ATOMIC_MOVE); // cut between the renames: undo
            }
        }
        deleteTree(staging);
    }

    Path target() {
        return target;
    }

    /** A new file in the staging copy, flushed to disk when closed. */
    OutputStream create(String fileName) {
        if (fileName.contains("/") || fileName.contains("\\") || fileName.equals(".") || fileName.equals("..")) {
            throw new IllegalArgumentException("not a plain file name: " + fileName);
        }
        Path file = staging.resolve(fileName);
        if (!file.normalize().getParent().equals(staging)) {
            throw new IllegalArgumentException("outside the export: " + fileName);
        }
        if (!written.add(fileName)) {
            throw new InvalidInputException("two collections would write the same file " + fileName);
        }
        try {
            FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
            return SyncedOutput.over(channel);
        } catch (FileAlreadyExistsException e) {
            throw new InvalidInputException("two collections would write the same file " + fileName, e);
        } catch (IOException e) {
            throw failed("write " + fileName + " of", e);
        }
    }

    InvalidInputException failed(String what, IOException e) {
        abort();
        String reason = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return new InvalidInputException(
                "cannot " + what + " the export " + target + ": " + reason + "; the previous export is unchanged", e);
    }

    /** Carries over what is not the exporter's, compares, and swaps the new directory in if anything changed. */
    int[] finish() {
        try {
            int changed = 0;
            int removed = 0;
            List<Path> old = Files.isDirectory(target) ? list(target) : List.of();
            Set<String> oldOwn = new HashSet<>();
            for (Path entry : old) {
                String name = entry.getFileName().toString();
                if (ownFile.test(name) && Files.isRegularFile(entry, LinkOption.NOFOLLOW_LINKS)) {
                    oldOwn.add(name);
                } else if (!written.contains(name)) {
                    carry(entry, staging.resolve(name));
                }
            }
            for (String name : written) {
                Path fresh = staging.resolve(name);
                Path existing = target.resolve(name);
                if (oldOwn.contains(name) && Files.mismatch(fresh, existing) == -1) {
                    Files.delete(fresh);
                    carry(existing, fresh); // the old file itself: untouched
                } else {
                    changed++;
                }
            }
            for (String name : oldOwn) {
                removed += written.contains(name) ? 0 : 1;
            }
            if (changed == 0 && removed == 0 && Files.isDirectory(target)) {
                deleteTree(staging);
                return new int[] {0, 0};
            }
            swap();
            return new int[] {changed, removed};
        } catch (IOException e) {
            throw failed("complete", e);
        }
    }

    private void swap() throws IOException {
        if (Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
            Files.move(target, previous, StandardCopyOption.ATOMIC_MOVE);
            Files.move(staging, target, StandardCopyOption.ATOMIC_MOVE);
            deleteTree(previous);
        } else {
            Files.move(staging, target, StandardCopyOption.ATOMIC_MOVE);
        }
    }

    /** Removes the staging copy; the previous export stays as it was. */
    void abort() {
        try {
            deleteTree(staging);
        } catch (IOException ignored) {
            // the first failure is the one to report; the next export removes the leftover
        }
    }

    /** A hard link where the file system allows one, else a copy; folders are recreated with their contents. */
    private static void carry(Path from, Path to) throws IOException {
        if (Files.isDirectory(from, LinkOption.NOFOLLOW_LINKS)) {
            Files.createDirectory(to);
            for (Path inner : list(from)) {
                carry(inner, to.resolve(inner.getFileName().toString()));
            }
            return;
        }
        if (!Files.isSymbolicLink(from)) {
            try {
                Files.createLink(to, from);
                return;
            } catch (UnsupportedOperationException | IOException e) {
                // no hard links here: copy
            }
        }
        Files.copy(from, to, StandardCopyOption.COPY_ATTRIBUTES, LinkOption.NOFOLLOW_LINKS);
    }

    private static void copyPermissions(Path from, Path to) throws IOException {
        if (Files.isDirectory(from)) {
            PosixFileAttributeView source = Files.getFileAttributeView(from, PosixFileAttributeView.class);
            PosixFileAttributeView destination = Files.getFileAttributeView(to, PosixFileAttributeView.class);
            if (source != null && destination != null) {
                destination.setPermissions(source.readAttributes().permissions());
            }
        }
    }

    private static List<Path> list(Path directory) throws IOException {
        try (Stream<Path> entries = Files.list(directory)) {
            return entries.sorted().toList();
        }
    }

    static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        List<Path> all;
        try (Stream<Path> walk = Files.walk(root)) {
            all = new ArrayList<>(walk.sorted(Comparator.reverseOrder()).toList());
        }
        for (Path path : all) {
            Files.deleteIfExists(path);
        }
    }
}
