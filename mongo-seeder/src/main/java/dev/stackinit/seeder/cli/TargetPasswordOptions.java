package dev.stackinit.seeder.cli;

import picocli.CommandLine.Option;

/**
 * The password of the user --target-uri names, from the environment: what compose and Kubernetes hand a container.
 * (cli-common's TargetMongoOptions reads it from --target-password-file.) Given in argv anyway, ToolCli warns.
 */
final class TargetPasswordOptions {
    @Option(
            names = "--target-password",
            paramLabel = "<password>",
            description = "Password of the user in --target-uri, best set in the environment (any characters: it is"
                    + " URL-encoded for you).")
    String password;

    /** The URI with the password in it, when one is given; else the URI as it is. */
    String apply(String uri) {
        return SecretInput.intoUri(uri, password, "--target");
    }
}
