package dev.stackinit.cli.options;

import dev.stackinit.cli.EnvDefaultProvider;
import java.nio.file.Path;
import java.util.Optional;
import picocli.CommandLine.Option;

/** The PostgreSQL database a command works on, and where its password comes from. */
public final class DatabaseOptions {
    @Option(
            names = "--database-url",
            paramLabel = "URL",
            description = "The database: postgres://user@host:port/db or jdbc:postgresql://host:port/db. Give the"
                    + " password by --password-file or the environment, not on the command line.")
    String databaseUrl;

    @Option(
            names = "--password-file",
            paramLabel = "FILE",
            description = "File holding the database password (wins over one in the URL).")
    Path passwordFile;

    /** The old spelling of pull's database option, still accepted. */
    @Option(
            names = "--source-url",
            hidden = true,
            paramLabel = "URL",
            descriptionKey = EnvDefaultProvider.OLD_SPELLING_OF + "--database-url")
    void sourceUrl(String url) {
        this.databaseUrl = url;
    }

    /** The URL as given, if any. */
    public Optional<String> url() {
        return Optional.ofNullable(databaseUrl).filter(url -> !url.isBlank());
    }

    /** The password from {@code --password-file}, if one was given. */
    public Optional<String> passwordFromFile() {
        return Optional.ofNullable(passwordFile).map(file -> SecretFile.read(file, "--password-file"));
    }
}
