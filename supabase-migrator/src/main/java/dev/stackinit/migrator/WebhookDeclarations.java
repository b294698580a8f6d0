package dev.stackinit.migrator;

import java.nio.file.Path;

/** Reads a YAML webhook file of the webhooks phase (webhook-config does the work; see the jdbc adapter). */
@FunctionalInterface
public interface WebhookDeclarations {
    /**
     * The declarations' canonical text after substitution (what the checksum is over).
     *
     * @throws dev.stackinit.errors.InvalidInputException if the file is invalid or a variable is undefined
     */
    String canonical(Path file);
}
