package dev.stackinit.keygen.io;

import dev.stackinit.errors.InvalidInputException;
import dev.stackinit.errors.UnreachableException;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.TreeSet;

/**
 * An advisory lock ({@code fcntl}) on every folder that holds a file a run may write, so two concurrent generates take
 * turns: the second reads what the first wrote and finds nothing left to do, instead of the last writer silently
 * winning. The lock lives on a small file, {@value #NAME}, in each folder. It stays there: a lock file that is deleted
 * after use can be locked twice (one run holds the deleted one, the next creates a fresh one). Folders are locked in
 * sorted order, so two runs on overlapping stacks cannot deadlock.
 */
public final class StackLock implements AutoCloseable {
    public static final String NAME = ".key-generator.lock";
    static final Duration DEFAULT_WAIT = Duration.ofMinutes(2);
    private static final Duration POLL = Duration.ofMillis(50);

    private final List<FileChannel> channels;

    private StackLock(List<FileChannel> channels) {
        this.channels = channels;
    }

    /**
     * Locks the folders of these files (symlinks followed to the files a write changes).
     *
     * @param onWait told once when another run holds a lock, with the lock file's path
     */
    public static StackLock acquire(Collection<Path> files, java.util.function.Consumer<Path> onWait) {
        return acquire(files, onWait, Clock.systemUTC(), DEFAULT_WAIT);
    }

    /** As {@link #acquire(Collection, java.util.function.Consumer)}, waiting at most {@code wait} ({@code --wait-timeout}). */
    public static StackLock acquire(Collection<Path> files, java.util.function.Consumer<Path> onWait, Duration wait) {
        return acquire(files, onWait, Clock.systemUTC(), wait);
    }

    /**
     * For readers (verify, token): waits until no run holds the lock of these files' folders, so a reader never sees a
     * stack half-way through a generate (each file is swapped in whole, but a stack is several files). Creates nothing:
     * a folder without a lock file has never been written by a generate, and one this user may not open is not waited
     * for.
     */
    public static void awaitIdle(Collection<Path> files, java.util.function.Consumer<Path> onWait, Duration wait) {
        TreeSet<Path> folders = new TreeSet<>();
        files.stream()
                .map(file -> EnvFileStore.target(file).getParent())
                .filter(folder -> Files.isWritable(folder.resolve(NAME)))
                .forEach(folders::add);
        Clock clock = Clock.systemUTC();
        Instant deadline = clock.instant().plus(wait);
        for (Path folder : folders) {
            closeQuietly(lock(folder.resolve(NAME), onWait, clock, deadline, wait));
        }
    }

    static StackLock acquire(
            Collection<Path> files, java.util.function.Consumer<Path> onWait, Clock clock, Duration wait) {
        TreeSet<Path> folders = new TreeSet<>();
        // a folder that does not exist holds nothing to protect: reading or writing there fails on its own, by name
        files.stream()
                .map(file -> EnvFileStore.target(file).getParent())
                .filter(Files::isDirectory)
                .forEach(folders::add);
        List<FileChannel> held = new ArrayList<>();
        try {
            Instant deadline = clock.instant().plus(wait);
            for (Path folder : folders) {
                held.add(lock(folder.resolve(NAME), onWait, clock, deadline, wait));
            }
            return new StackLock(held);
        } catch (RuntimeException e) {
            new StackLock(held).close();
            throw e;
        }
    }

    private static FileChannel lock(
            Path lockFile, java.util.function.Consumer<Path> onWait, Clock clock, Instant deadline, Duration wait) {
        FileChannel channel = open(lockFile);
        boolean told = false;
        try {
            while (true) {
                FileLock lock;
                try {
                    lock = channel.tryLock();
                } catch (OverlappingFileLockException inThisProcess) {
                    lock = null;
                }
                if (lock != null) {
                    return channel;
                }
                if (!told) {
                    onWait.accept(lockFile);
                    told = true;
                }
                if (!clock.instant().isBefore(deadline)) {
                    throw new UnreachableException("another key-generator run has held " + StackFiles.display(lockFile)
                            + " for more than " + dev.stackinit.shared.Durations.format(wait)
                            + " (--wait-timeout); no file was changed");
                }
                Thread.sleep(POLL.toMillis());
            }
        } catch (IOException e) {
            closeQuietly(channel);
            throw new InvalidInputException(
                    "cannot lock " + StackFiles.display(lockFile) + ": " + EnvFileStore.describe(e), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            closeQuietly(channel);
            throw new UnreachableException("interrupted while waiting for " + StackFiles.display(lockFile), e);
        } catch (RuntimeException e) {
            closeQuietly(channel);
            throw e;
        }
    }

    /** Creates the lock file if needed, owned like its folder: root's lock file must not lock the folder's owner out. */
    private static FileChannel open(Path lockFile) {
        try {
            boolean created = !Files.exists(lockFile, LinkOption.NOFOLLOW_LINKS);
            FileChannel channel = FileChannel.open(
                    lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE, LinkOption.NOFOLLOW_LINKS);
            if (created
                    && lockFile.getFileSystem().supportedFileAttributeViews().contains("posix")) {
                shareWithFolderOwner(lockFile);
            }
            return channel;
        } catch (IOException e) {
            throw new InvalidInputException(
                    "cannot lock " + StackFiles.display(lockFile) + ": " + EnvFileStore.describe(e)
                            + "; no file was changed",
                    e);
        }
    }

    private static void shareWithFolderOwner(Path lockFile) {
        try {
            PosixFileAttributes folder = Files.readAttributes(lockFile.getParent(), PosixFileAttributes.class);
            PosixFileAttributeView view =
                    Files.getFileAttributeView(lockFile, PosixFileAttributeView.class, LinkOption.NOFOLLOW_LINKS);
            view.setPermissions(PosixFilePermissions.fromString("rw-rw-r--"));
            if (!view.readAttributes().owner().equals(folder.owner())) {
                view.setOwner(folder.owner());
                view.setGroup(folder.group());
            }
        } catch (IOException e) {
            // only root can give it away; anyone else creates it as the folder's owner or shares it through the mode
        }
    }

    @Override
    public void close() {
        channels.forEach(StackLock::closeQuietly);
    }

    private static void closeQuietly(FileChannel channel) {
        try {
            channel.close();
        } catch (IOException e) {
            // closing releases the lock; the kernel releases it anyway when the process ends
        }
    }
}
