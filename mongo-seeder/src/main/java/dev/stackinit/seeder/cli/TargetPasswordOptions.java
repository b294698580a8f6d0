package dev.stackinit.seeder.cli;

import dev.stackinit.seeder.mongo.UriCredentials;
import java.nio.file.Path;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** The password of the user --target-uri names, kept out of argv: from the environment or a file. */
final class TargetPasswordOptions {
    @Spec(Spec.Target.MIXEE)
    CommandSpec command;

    @Option(
            names = "--target-password",
            paramLabel = "<env only>",
            description = "Password of the user in --target-uri (any characters: it is URL-encoded for you)."
                    + " Environment only; refused on the command line.")
    String password;

    @Option(
            names = "--target-password-file",
            paramLabel = "<file>",
            description = "File holding that password (a trailing newline is ignored).")
    Path passwordFile;

    /** The URI with the password in it, when one is given; else the URI as it is. */
    String apply(String uri) {
        return SecretInput.resolve(command, "--target-password", password, passwordFile)
                .map(secret -> UriCredentials.withPassword(
                        uri, secret, "--target-uri", SecretInput.variable(command, "--target-password")))
                .orElse(uri);
    }
}
