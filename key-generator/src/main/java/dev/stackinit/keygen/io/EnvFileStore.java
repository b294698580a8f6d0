package dev.stackinit.keygen.io;

import dev.stackinit.errors.InvalidInputException;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Reads env files and writes several of them all-or-nothing: every new content goes to a temp file (mode 0600) in the
 * target's folder first; only when all are written are they renamed over the targets, and a failed rename puts back
 * what was renamed before it.
 */
public final class EnvFileStore {
    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");

    /** A file's content before and after; {@code before} is empty if the file does not exist yet. */
    public record Change(Path path, Optional<String> before, String after) {
        @Override
        public String toString() {
            return "Change[" + path + "]";
        }
    }

    /** The file's text, or empty if it does not exist. */
    public Optional<String> read(Path path) {
        try {
            byte[] bytes = Files.readAllBytes(path);
            return Optional.of(StandardCharsets.UTF_8
                    .newDecoder()
                    .decode(java.nio.ByteBuffer.wrap(bytes))
                    .toString());
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (CharacterCodingException e) {
            throw new InvalidInputException(path + " is not UTF-8 text", e);
        } catch (IOException e) {
            throw new InvalidInputException("cannot read " + path + ": " + describe(e), e);
        }
    }

    public void writeAll(List<Change> changes) {
        List<Path> temps = new ArrayList<>();
        try {
            for (Change change : changes) {
                temps.add(writeTemp(change.path(), change.after()));
            }
            List<Change> done = new ArrayList<>();
            for (int i = 0; i < changes.size(); i++) {
                try {
                    move(temps.get(i), changes.get(i).path());
                    done.add(changes.get(i));
                } catch (IOException e) {
                    restore(done);
                    throw new InvalidInputException(
                            "cannot replace " + changes.get(i).path() + ": " + describe(e) + "; no file was changed",
                            e);
                }
            }
        } finally {
            for (Path temp : temps) {
                deleteQuietly(temp);
            }
        }
    }

    private Path writeTemp(Path target, String content) {
        Path folder = target.toAbsolutePath().getParent();
        try {
            Path temp = Files.createTempFile(folder, "." + target.getFileName() + ".", ".tmp", ownerOnly(folder));
            try (FileChannel channel =
                    FileChannel.open(temp, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
                channel.write(StandardCharsets.UTF_8.encode(content));
                channel.force(true);
            }
            return temp;
        } catch (IOException e) {
            throw new InvalidInputException("cannot write " + target + ": " + describe(e) + "; no file was changed", e);
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
                    move(temp, change.path());
                } else {
                    Files.deleteIfExists(change.path());
                }
            } catch (IOException | InvalidInputException ignored) {
                // the original error is what the user needs to see
            }
        }
    }

    private static void deleteQuietly(Path temp) {
        try {
            Files.deleteIfExists(temp);
        } catch (IOException ignored) {
            // a leftover hidden temp file is harmless
        }
    }

    private static String describe(IOException e) {
        if (e instanceof FileSystemException fs && fs.getReason() != null) {
            return fs.getReason();
        }
        if (e instanceof NoSuchFileException) {
            return "no such folder";
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }
}
