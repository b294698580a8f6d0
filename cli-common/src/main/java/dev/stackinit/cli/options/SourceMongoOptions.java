package dev.stackinit.cli.options;

import java.nio.file.Path;
import java.util.Optional;
import picocli.CommandLine.Option;

/** The MongoDB server a command reads from (production, for a clone). */
public final class SourceMongoOptions {
    @Option(
            names = "--source-uri",
            paramLabel = "URI",
            description = "MongoDB server to read from (mongodb://user@host:port/…). Give the password by"
                    + " --source-password-file or the environment, not on the command line.")
    String sourceUri;

    @Option(
            names = "--source-password-file",
            paramLabel = "FILE",
            description = "File holding the password of the --source-uri user.")
    Path sourcePasswordFile;

    /** The connection string with the file's password in it, if a URI was given. */
    public Optional<String> uri() {
        Optional<String> uri = Optional.ofNullable(sourceUri).filter(u -> !u.isBlank());
        if (uri.isEmpty() || sourcePasswordFile == null) {
            return uri;
        }
        String password = SecretFile.read(sourcePasswordFile, "--source-password-file");
        return Optional.of(MongoUris.withPassword(uri.get(), password, "--source-uri", "--source-password-file"));
    }
}
