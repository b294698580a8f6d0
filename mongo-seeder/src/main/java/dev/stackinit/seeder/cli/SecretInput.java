package dev.stackinit.seeder.cli;

import dev.stackinit.cli.options.SecretFile;
import dev.stackinit.errors.UsageException;
import dev.stackinit.seeder.mongo.UriCredentials;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;

/**
 * A secret given through the environment (or, with ToolCli's warning, the command line) or a file (Docker and
 * Kubernetes secrets), never both.
 */
final class SecretInput {
    private SecretInput() {}

    /**
     * @param option the option, e.g. {@code --app-password}
     * @param value its value
     * @param file the value of its {@code -file} option
     */
    static Optional<String> resolve(String option, String value, Path file) {
        if (file == null) {
            return Optional.ofNullable(value).filter(v -> !v.isEmpty());
        }
        if (value != null && !value.isEmpty()) {
            throw new UsageException(
                    option + "-file and " + option + " (" + variable(option) + ") are both set: keep one of them");
        }
        return Optional.of(SecretFile.read(file, option + "-file"));
    }

    /**
     * The URI of {@code <side>-uri} with the password of {@code <side>-password} in it, when one is given; the one body
     * of the --source-password and --target-password mixins, whose option names picocli needs as constants.
     *
     * @param side {@code --source} or {@code --target}
     */
    static String intoUri(String uri, String password, String side) {
        if (password == null || password.isEmpty()) {
            return uri;
        }
        String option = side + "-password";
        return UriCredentials.withPassword(uri, password, side + "-uri", variable(option) + " (" + option + ")");
    }

    static String variable(String option) {
        return "MONGO_SEEDER_" + option.substring(2).replace('-', '_').toUpperCase(Locale.ROOT);
    }
}
