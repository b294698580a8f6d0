package dev.stackinit.seeder.cli;

import dev.stackinit.errors.InvalidInputException;
import dev.stackinit.errors.UsageException;
import dev.stackinit.shared.StrictUtf8;
import java.nio.file.Path;
import java.util.Optional;
import picocli.CommandLine.Model.CommandSpec;

/**
 * A secret given through the environment (an option that is refused on the command line, where {@code ps} shows it)
 * or a file (Docker and Kubernetes secrets): one rule for every password option of the tool.
 */
final class SecretInput {
    private SecretInput() {}

    /**
     * @param option the env-only option, e.g. {@code --target-password}
     * @param value its value (from the environment, or from the command line, which is refused)
     * @param file the value of its {@code -file} option
     */
    static Optional<String> resolve(CommandSpec command, String option, String value, Path file) {
        if (command.commandLine().getParseResult().hasMatchedOption(option)) {
            throw new UsageException(option + " is not accepted on the command line, where other users can read it;"
                    + " set " + variable(command, option) + " in the environment or use " + option + "-file");
        }
        if (file != null) {
            String secret = StrictUtf8.read(file).replaceFirst("\\r?\\n$", "");
            if (secret.isEmpty()) {
                throw new InvalidInputException(option + "-file " + file + " is empty");
            }
            if (value != null && !value.isEmpty()) {
                throw new UsageException(
                        option + "-file and " + variable(command, option) + " are both set: keep one of them");
            }
            return Optional.of(secret);
        }
        return Optional.ofNullable(value).filter(v -> !v.isEmpty());
    }

    static String variable(CommandSpec command, String option) {
        return "MONGO_SEEDER_" + option.substring(2).replace('-', '_').toUpperCase(java.util.Locale.ROOT);
    }
}
