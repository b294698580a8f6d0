package dev.stackinit.seeder.cli;

import picocli.CommandLine.Option;

/**
 * The password of the user --source-uri names, from the environment: what compose and Kubernetes hand a container.
 * (cli-common's SourceMongoOptions reads it from --source-password-file.) Given in argv anyway, ToolCli warns.
 */
final class SourcePasswordOptions {
    @Option(
            names = "--source-password",
            paramLabel = "<password>",
            description = "Password of the user in --source-uri, best set in the environment (any characters: it is"
                    + " URL-encoded for you).")
    String password;

    /** The URI with the password in it, when one is given; else the URI as it is. */
    String apply(String uri) {
        return SecretInput.intoUri(uri, password, "--source");
    }
}
