package dev.stackinit.keygen.cli;

import dev.stackinit.cli.options.SecretFile;
import java.nio.file.Path;
import java.util.Optional;
import picocli.CommandLine.Option;

/**
 * Where a JWT secret comes from: the environment or a file. On the command line it is accepted, with the one-line warning
 * every tool gives for a credential in argv (it shows in ps and shell history).
 */
public final class JwtSecretOptions {
    @Option(
            names = "--jwt-secret",
            paramLabel = "SECRET",
            description = "The JWT secret; better from the environment (JWT_SECRET) or --jwt-secret-file.")
    String jwtSecret;

    @Option(
            names = "--jwt-secret-file",
            paramLabel = "FILE",
            description = "File holding the JWT secret (a trailing newline is ignored).")
    Path jwtSecretFile;

    /** The secret from --jwt-secret-file or the environment, if any. */
    Optional<String> resolve() {
        if (jwtSecretFile != null) {
            return Optional.of(SecretFile.read(jwtSecretFile, "--jwt-secret-file"));
        }
        return Optional.ofNullable(jwtSecret).filter(s -> !s.isEmpty());
    }
}
