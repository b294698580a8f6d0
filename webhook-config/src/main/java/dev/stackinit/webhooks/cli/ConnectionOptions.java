package dev.stackinit.webhooks.cli;

import dev.stackinit.errors.InvalidInputException;
import dev.stackinit.errors.UsageException;
import dev.stackinit.webhooks.jdbc.DatabaseTarget;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import picocli.CommandLine.Option;

/** Where the database is; the password never comes from argv. */
final class ConnectionOptions {
    @Option(
            names = "--database-url",
            paramLabel = "URL",
            description = "postgres://user[:password]@host:port/db or jdbc:postgresql://host:port/db.")
    String databaseUrl;

    @Option(
            names = "--password-file",
            paramLabel = "FILE",
            description = "File holding the database password (wins over the URL's; else PGPASSWORD).")
    Path passwordFile;

    @Option(
            names = "--wait-timeout",
            paramLabel = "SECONDS",
            defaultValue = "30",
            description = "How long to wait for the database to accept connections (default ${DEFAULT-VALUE}).")
    int waitSeconds;

    DatabaseTarget target(Map<String, String> env) {
        if (databaseUrl == null || databaseUrl.isBlank()) {
            throw new UsageException(
                    "no database: give --database-url or set WEBHOOK_CONFIG_DATABASE_URL or DATABASE_URL");
        }
        return withPassword(DatabaseTarget.parse(databaseUrl), passwordFile, env);
    }

    /** The file's password, else the URL's, else PGPASSWORD. */
    static DatabaseTarget withPassword(DatabaseTarget target, Path file, Map<String, String> env) {
        if (file != null) {
            return target.withPassword(readSecret(file));
        }
        if (target.password() == null && env.get("PGPASSWORD") != null) {
            return target.withPassword(env.get("PGPASSWORD"));
        }
        return target;
    }

    private static String readSecret(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8).strip();
        } catch (IOException e) {
            throw new InvalidInputException("cannot read password file " + file + ": " + e.getMessage(), e);
        }
    }
}
