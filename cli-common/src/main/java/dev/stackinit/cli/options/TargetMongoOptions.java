package dev.stackinit.cli.options;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/** The MongoDB server a command writes to (the stack's own mongod). */
public final class TargetMongoOptions {
    public static final String DEFAULT_URI = "mongodb://localhost:27017";

    @Option(
            names = "--target-uri",
            paramLabel = "URI",
            defaultValue = DEFAULT_URI,
            description = "MongoDB server to write to. Give a password by --target-password-file or the"
                    + " environment, not on the command line. Default: ${DEFAULT-VALUE}.")
    String targetUri;

    @Option(
            names = "--target-password-file",
            paramLabel = "FILE",
            description = "File holding the password of the --target-uri user.")
    Path targetPasswordFile;

    /** The connection string, with the file's password in it when one was given. */
    public String uri() {
        if (targetPasswordFile == null) {
            return targetUri;
        }
        String password = SecretFile.read(targetPasswordFile, "--target-password-file");
        return MongoUris.withPassword(targetUri, password, "--target-uri", "--target-password-file");
    }
}
