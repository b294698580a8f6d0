package dev.stackinit.seeder.io;

import dev.stackinit.errors.InvalidInputException;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/**
 * One file written to a temporary sibling ({@code .<name>.export-tmp}), flushed to disk, and renamed over the target
 * only when complete and different: a failed export (a full disk, a source that goes away) leaves the previous file.
 */
final class AtomicFile {
    private final Path target;
    private final Path temporary;

    AtomicFile(Path file) {
        try {
            this.target = Files.isSymbolicLink(file)
                    ? file.toRealPath()
                    : file.toAbsolutePath().normalize();
            if (Files.isDirectory(target)) {
                throw new InvalidInputException(file + " is a directory, not an archive file");
            }
            Files.createDirectories(target.getParent());
            this.temporary = target.resolveSibling("." + target.getFileName() + ".export-tmp");
            Files.deleteIfExists(temporary); // left by an interrupted export
        } catch (IOException e) {
            throw new InvalidInputException("cannot prepare " + file + ": " + e.getMessage(), e);
        }
    }

    OutputStream create() throws IOException {
        FileChannel channel = FileChannel.open(
                temporary, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE);
        return SyncedOutput.over(channel);
    }

    /** Renames the finished file over the target; false (and nothing touched) when the bytes are the same. */
    boolean commit() {
        try {
            if (Files.isRegularFile(target) && Files.mismatch(target, temporary) == -1) {
                Files.delete(temporary);
                return false;
            }
            Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            return true;
        } catch (IOException e) {
            throw failed(e);
        }
    }

    InvalidInputException failed(IOException e) {
        abort();
        String reason = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return new InvalidInputException(
                "cannot write " + target + ": " + reason + "; the previous file is unchanged", e);
    }

    void abort() {
        try {
            Files.deleteIfExists(temporary);
        } catch (IOException ignored) {
            // the next export removes the leftover
        }
    }
}
