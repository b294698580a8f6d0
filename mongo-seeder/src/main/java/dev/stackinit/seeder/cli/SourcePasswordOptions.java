package dev.stackinit.seeder.cli;

import dev.stackinit.seeder.mongo.UriCredentials;
import java.nio.file.Path;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** The password of the user --source-uri names, kept out of argv: from the environment or a file. */
final class SourcePasswordOptions {
    @Spec(Spec.Target.MIXEE)
    CommandSpec command;

    @Option(
            names = "--source-password",
            paramLabel = "<env only>",
            description = "Password of the user in --source-uri (any characters: it is URL-encoded for you)."
                    + " Environment only; refused on the command line.")
    String password;

    @Option(
            names = "--source-password-file",
            paramLabel = "<file>",
            description = "File holding that password (a trailing newline is ignored).")
    Path passwordFile;

    /** The URI with the password in it, when one is given; else the URI as it is. */
    String apply(String uri) {
        return SecretInput.resolve(command, "--source-password", password, passwordFile)
                .map(secret -> UriCredentials.withPassword(
                        uri, secret, "--source-uri", SecretInput.variable(command, "--source-password")))
                .orElse(uri);
    }
}
