package dev.stackinit.cli.options;

import java.nio.file.Path;
import java.util.Optional;
import picocli.CommandLine.Option;

/** A superuser connection (supabase_admin on Supabase) for what the app's role may not do. */
public final class AdminDatabaseOptions {
    @Option(
            names = "--admin-url",
            paramLabel = "URL",
            description = "Superuser connection (postgres:// or jdbc:postgresql://), e.g. supabase_admin.")
    String adminUrl;

    @Option(
            names = "--admin-password-file",
            paramLabel = "FILE",
            description = "File holding the admin password (wins over one in the URL).")
    Path adminPasswordFile;

    public Optional<String> url() {
        return Optional.ofNullable(adminUrl).filter(url -> !url.isBlank());
    }

    public Optional<String> passwordFromFile() {
        return Optional.ofNullable(adminPasswordFile).map(file -> SecretFile.read(file, "--admin-password-file"));
    }
}
