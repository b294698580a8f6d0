package dev.stackinit.keygen.io;

import dev.stackinit.errors.InvalidInputException;
import dev.stackinit.shared.IoErrors;
import dev.stackinit.shared.StrictUtf8;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads env files and writes several of them all-or-nothing: every new content goes to a temp file (mode 0600) in the
 * target's folder first; only when all are written are they renamed over the targets, and a failed rename puts back
 * what was renamed before it.
 *
 * <p>What a replaced file keeps: a symlink stays a symlink (its target is written), the owner and group stay (set on the
 * temp file before the rename, so no moment exists where the file belongs to someone else; only root may give a file
 * away, so anyone else writing another user's file is refused), and the mode stays, minus the bits that let every user
 * read it. A read-only file is refused, never replaced. Temp files are removed on every failure, a full disk included.
 */
public final class EnvFileStore {
    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");
    private static final Set<PosixFilePermission> WRITE_BITS = EnumSet.of(
            PosixFilePermission.OWNER_WRITE, PosixFilePermission.GROUP_WRITE, PosixFilePermission.OTHERS_WRITE);
    private static final Set<PosixFilePermission> OTHERS = EnumSet.of(
            PosixFilePermission.OTHERS_READ, PosixFilePermission.OTHERS_WRITE, PosixFilePermission.OTHERS_EXECUTE);
    private static final int MAX_LINKS = 40;

    /** A file's content before and after; {@code before} is empty if the file does not exist yet. */
    public record Change(Path path, Optional<String> before, String after) {
        @Override
        public String toString() {
            return "Change[" + path + "]";
        }
    }

    /** Writes the bytes of a temp file; a seam so tests can play a full disk. */
    @FunctionalInterface
    interface ContentWriter {
        void write(FileChannel channel, ByteBuffer content) throws IOException;
    }

    private final ContentWriter writer;

    public EnvFileStore() {
        this((channel, content) -> {
            while (content.hasRemaining()) {
                channel.write(content);
            }
        });
    }

    EnvFileStore(ContentWriter writer) {
        this.writer = writer;
    }

    /** The file's text (strict UTF-8), or empty if it does not exist; a symlink is read through. */
    public Optional<String> read(Path path) {
        try {
            if (Files.isDirectory(path)) {
                throw new InvalidInputException(StackFiles.display(path) + " is a folder, not an env file");
            }
            return Optional.of(StrictUtf8.decode(Files.readAllBytes(path), StackFiles.display(path)));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new InvalidInputException("cannot read " + StackFiles.display(path) + ": " + describe(e), e);
        }
    }

    /**
     * The file a write to {@code path} changes: the path itself, or the end of its chain of symlinks (a dangling link
     * is followed to where its target would be).
     */
    public static Path target(Path path) {
        Path current = path.toAbsolutePath().normalize();
        try {
            for (int hops = 0; Files.isSymbolicLink(current); hops++) {
                if (hops == MAX_LINKS) {
                    throw new InvalidInputException(StackFiles.display(path) + ": too many levels of symbolic links");
                }
                current = current.getParent()
                        .resolve(Files.readSymbolicLink(current))
                        .normalize();
            }
        } catch (IOException e) {
            throw new InvalidInputException(
                    "cannot follow the link " + StackFiles.display(path) + ": " + describe(e), e);
        }
        return current;
    }

    /**
     * Refuses, before anything is written, what can be told without writing: a file that is not a regular file, a
     * read-only file, two changes that land on the same file.
     */
    public void check(List<Change> changes) {
        Map<Path, Path> seen = new HashMap<>();
        for (Change change : changes) {
            Path target = target(change.path());
            Path other = seen.putIfAbsent(target, change.path());
            if (other != null) {
                throw new InvalidInputException(StackFiles.display(other) + " and " + StackFiles.display(change.path())
                        + " are the same file (" + target + "): give it once");
            }
            if (!Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
                continue;
            }
            if (!Files.isRegularFile(target, LinkOption.NOFOLLOW_LINKS)) {
                throw new InvalidInputException(
                        StackFiles.display(change.path()) + " is not a regular file; no file was" + " changed");
            }
            if (isReadOnly(target)) {
                throw new InvalidInputException(StackFiles.display(change.path()) + " is read-only" + mode(target)
                        + ": make it writable (chmod u+w) if it should change; no file was changed");
            }
        }
    }

    public void writeAll(List<Change> changes) {
        check(changes);
        List<Path> temps = new ArrayList<>();
        try {
            for (Change change : changes) {
                temps.add(writeTemp(change.path(), change.after()));
            }
            List<Change> done = new ArrayList<>();
            for (int i = 0; i < changes.size(); i++) {
                try {
                    move(temps.get(i), target(changes.get(i).path()));
                    done.add(changes.get(i));
                } catch (IOException e) {
                    restore(done);
                    throw new InvalidInputException(
                            "cannot replace "
                                    + StackFiles.display(changes.get(i).path()) + ": " + describe(e)
                                    + "; no file was changed",
                            e);
                }
            }
        } finally {
            temps.forEach(EnvFileStore::deleteQuietly);
        }
    }

    /** The new content in a temp file next to the file it replaces, with that file's owner, group and mode. */
    private Path writeTemp(Path path, String content) {
        Path target = target(path);
        Path folder = target.getParent();
        Path temp = null;
        try {
            Optional<PosixFileAttributes> existing = posixAttributes(target);
            temp = Files.createTempFile(folder, "." + target.getFileName() + ".", ".tmp", ownerOnly(folder));
            try (FileChannel channel =
                    FileChannel.open(temp, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
                writer.write(channel, StandardCharsets.UTF_8.encode(content));
                channel.force(true);
            }
            if (existing.isPresent()) {
                keepOwnership(path, temp, existing.get());
            }
            return temp;
        } catch (IOException e) {
            deleteQuietly(temp);
            throw new InvalidInputException(
                    "cannot write " + StackFiles.display(path) + ": " + describe(e) + "; no file was changed", e);
        } catch (RuntimeException e) {
            deleteQuietly(temp);
            throw e;
        }
    }

    /** Owner and group first (root only, or the same user), then the mode: chown may clear mode bits. */
    private static void keepOwnership(Path path, Path temp, PosixFileAttributes original) throws IOException {
        PosixFileAttributeView view = Files.getFileAttributeView(temp, PosixFileAttributeView.class);
        PosixFileAttributes fresh = view.readAttributes();
        try {
            if (!fresh.owner().equals(original.owner())) {
                view.setOwner(original.owner());
            }
            if (!fresh.group().equals(original.group())) {
                view.setGroup(original.group());
            }
        } catch (IOException e) {
            throw new InvalidInputException(StackFiles.display(path) + " belongs to "
                    + original.owner().getName() + ":"
                    + original.group().getName() + ", which this user ("
                    + fresh.owner().getName()
                    + ") cannot give a replaced file (" + describe(e) + "): run as its owner or as root; no file"
                    + " was changed");
        }
        Set<PosixFilePermission> mode = EnumSet.noneOf(PosixFilePermission.class);
        mode.addAll(original.permissions());
        mode.removeAll(OTHERS);
        view.setPermissions(mode);
    }

    private static Optional<PosixFileAttributes> posixAttributes(Path target) throws IOException {
        if (!Files.exists(target, LinkOption.NOFOLLOW_LINKS)
                || !target.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            return Optional.empty();
        }
        return Optional.of(Files.readAttributes(target, PosixFileAttributes.class, LinkOption.NOFOLLOW_LINKS));
    }

    /** No write bit at all (root writes through any mode, so the bits are asked, not access(2)), or not writable. */
    private static boolean isReadOnly(Path target) {
        try {
            Optional<PosixFileAttributes> attributes = posixAttributes(target);
            if (attributes.isPresent()
                    && attributes.get().permissions().stream().noneMatch(WRITE_BITS::contains)) {
                return true;
            }
        } catch (IOException e) {
            // fall back to the access check
        }
        return !Files.isWritable(target);
    }

    private static String mode(Path target) {
        try {
            return posixAttributes(target)
                    .map(a -> " (mode " + PosixFilePermissions.toString(a.permissions()) + ")")
                    .orElse("");
        } catch (IOException e) {
            return "";
        }
    }

    private static FileAttribute<?>[] ownerOnly(Path folder) {
        boolean posix = folder.getFileSystem().supportedFileAttributeViews().contains("posix");
        return posix
                ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(OWNER_ONLY)}
                : new FileAttribute<?>[0];
    }

    private static void move(Path temp, Path target) throws IOException {
        try {
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /** Best effort: put the earlier files back so that a failure in the middle changes nothing. */
    private void restore(List<Change> done) {
        for (Change change : done) {
            try {
                if (change.before().isPresent()) {
                    Path temp = writeTemp(change.path(), change.before().get());
                    try {
                        move(temp, target(change.path()));
                    } finally {
                        deleteQuietly(temp);
                    }
                } else {
                    Files.deleteIfExists(target(change.path()));
                }
            } catch (IOException | InvalidInputException ignored) {
                // the original error is what the user needs to see
            }
        }
    }

    private static void deleteQuietly(Path temp) {
        if (temp == null) {
            return;
        }
        try {
            Files.deleteIfExists(temp);
        } catch (IOException ignored) {
            // nothing more can be done; the temp file is hidden and named after its target
        }
    }

    static String describe(IOException e) {
        return IoErrors.describe(e);
    }
}
