package dev.stackinit.seeder.cli;

import dev.stackinit.errors.UsageException;
import dev.stackinit.seeder.AppUser;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine.Option;

/** The app's own MongoDB user, kept by rs-init and init. */
final class AppUserOptions {
    @Option(
            names = "--app-username",
            description = "The app's user: created in admin with readWrite on each --app-database and nothing else;"
                    + " its password is set again when it changed (rotation). Not set: no app user.")
    String username;

    @Option(
            names = "--app-password",
            paramLabel = "<password>",
            description = "Password of --app-username, best set in the environment.")
    String password;

    @Option(
            names = "--app-password-file",
            paramLabel = "<file>",
            description = "File holding that password (a trailing newline is ignored).")
    Path passwordFile;

    @Option(
            names = "--app-database",
            split = ",",
            defaultValue = DatabasesOption.DEFAULT_DATABASE,
            description = "Database the app user may read and write (repeatable): the app's own ones and "
                    + DatabasesOption.DEFAULT_DATABASE + "."
                    + " Default: ${DEFAULT-VALUE}.")
    List<String> databases;

    Optional<AppUser> resolve() {
        Optional<String> secret = SecretInput.resolve("--app-password", password, passwordFile);
        if (username == null || username.isBlank()) {
            if (secret.isPresent()) {
                throw new UsageException("an app password is set (" + SecretInput.variable("--app-password")
                        + " or --app-password-file) but no --app-username");
            }
            return Optional.empty();
        }
        if (secret.isEmpty()) {
            throw new UsageException("--app-username " + username + " needs a password: set "
                    + SecretInput.variable("--app-password") + " or --app-password-file");
        }
        try {
            return Optional.of(new AppUser(username, secret.get(), databases));
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
    }
}
