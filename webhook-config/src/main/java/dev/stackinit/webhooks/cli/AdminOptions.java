package dev.stackinit.webhooks.cli;

import dev.stackinit.webhooks.jdbc.DatabaseTarget;
import java.nio.file.Path;
import java.util.Map;
import picocli.CommandLine.Option;

/** A superuser connection (supabase_admin on Supabase) for enabling database webhooks. */
final class AdminOptions {
    @Option(
            names = "--admin-url",
            paramLabel = "URL",
            description = "Superuser connection (postgres:// or jdbc:postgresql://) used to enable database webhooks"
                    + " first (bootstrap).")
    String adminUrl;

    @Option(
            names = "--admin-password-file",
            paramLabel = "FILE",
            description = "File holding the admin password (wins over the URL's; else PGPASSWORD).")
    Path adminPasswordFile;

    boolean given() {
        return adminUrl != null && !adminUrl.isBlank();
    }

    DatabaseTarget target(Map<String, String> env) {
        return ConnectionOptions.withPassword(DatabaseTarget.parse(adminUrl), adminPasswordFile, env);
    }
}
