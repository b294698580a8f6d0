package dev.stackinit.cli.options;

import dev.stackinit.errors.InvalidInputException;
import dev.stackinit.shared.StrictUtf8;
import java.nio.file.Path;

/** A secret kept in a file (a Docker or Kubernetes secret mount): its text without the trailing newline. */
public final class SecretFile {
    private SecretFile() {}

    /**
     * Reads the secret; exit 3 when the file is missing, unreadable, not UTF-8 or empty.
     *
     * @param option the option that named the file, for the error message
     */
    public static String read(Path file, String option) {
        String text = StrictUtf8.read(file).replaceFirst("\\r?\\n\\z", "");
        if (text.isEmpty()) {
            throw new InvalidInputException(option + ": " + file + " is empty");
        }
        return text;
    }
}
