package dev.stackinit.keygen.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
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
