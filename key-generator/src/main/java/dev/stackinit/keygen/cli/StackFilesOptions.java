package dev.stackinit.keygen.cli;

import dev.stackinit.cli.options.WaitTimeoutOption;
import dev.stackinit.keygen.io.StackFiles;
import dev.stackinit.keygen.io.StackLock;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** The stack's env files and the mapping that copies values between them, for generate, verify and token. */
final class StackFilesOptions {
    @Option(
            names = "--env-file",
            split = ",",
            paramLabel = "FILE",
            description = "The stack's env file (repeatable): generate updates it in place, verify checks it, token"
                    + " reads JWT_SECRET from the first.")
    List<Path> envFiles = new ArrayList<>();

    @Option(
            names = "--mapping",
            paramLabel = "YAML",
            description = "Which values go into which other env files (see README); verify checks the copies.")
    Path mapping;

    /** How long to wait for another key-generator run that holds these files (generate writes under a lock). */
    @Mixin
    WaitTimeoutOption wait;

    /** Waits (at most --wait-timeout) until no generate is writing these files; told once on stderr when it waits. */
    void awaitIdle(java.io.PrintWriter err) {
        List<Path> all = new ArrayList<>(envFiles);
        mapping().ifPresent(all::add);
        StackLock.awaitIdle(all, lock -> err.println(waitingLine(lock)), wait.get());
    }

    static String waitingLine(Path lock) {
        return "key-generator: waiting for another run to finish (" + StackFiles.display(lock) + ")";
    }

    java.time.Duration lockWait() {
        return wait.get();
    }

    List<Path> envFiles() {
        return List.copyOf(envFiles);
    }

    Optional<Path> mapping() {
        return Optional.ofNullable(mapping);
    }

    boolean given() {
        return !envFiles.isEmpty() || mapping != null;
    }
}
