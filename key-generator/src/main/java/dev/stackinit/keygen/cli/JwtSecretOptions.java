package dev.stackinit.keygen.cli;

import dev.stackinit.errors.InvalidInputException;
import dev.stackinit.errors.UsageException;
import dev.stackinit.shared.StrictUtf8;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** Where a JWT secret may come from: the environment or a file, never the command line (it would show in ps). */
public final class JwtSecretOptions {
    @Spec(Spec.Target.MIXEE)
    CommandSpec command;

    @Option(
            names = "--jwt-secret",
            paramLabel = "<env only>",
            description = "The JWT secret. Environment only (JWT_SECRET); refused on the command line.")
    String jwtSecret;

    @Option(
            names = "--jwt-secret-file",
            paramLabel = "<file>",
            description = "File holding the JWT secret (a trailing newline is ignored).")
    Path jwtSecretFile;

    /** The secret from --jwt-secret-file or the environment, if any. */
    Optional<String> resolve() {
        if (command.commandLine().getParseResult().hasMatchedOption("--jwt-secret")) {
            throw new UsageException("--jwt-secret is not accepted on the command line, where other users can read it; "
                    + "set JWT_SECRET in the environment or use --jwt-secret-file");
        }
        if (jwtSecretFile != null) {
            if (Files.isDirectory(jwtSecretFile)) {
                throw new InvalidInputException("JWT secret file " + jwtSecretFile + " is a folder");
            }
            String secret = StrictUtf8.read(jwtSecretFile).replaceFirst("\\r?\\n$", "");
            if (secret.isEmpty()) {
                throw new InvalidInputException("JWT secret file " + jwtSecretFile + " is empty");
            }
            return Optional.of(secret);
        }
        return Optional.ofNullable(jwtSecret).filter(s -> !s.isEmpty());
    }
}
