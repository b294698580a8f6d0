package dev.stackinit.webhooks.cli;

import dev.stackinit.cli.options.DatabaseOptions;
import dev.stackinit.cli.options.WaitTimeoutOption;
import dev.stackinit.errors.UsageException;
import dev.stackinit.webhooks.jdbc.DatabaseTarget;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine.Mixin;

/** Where the database is and how long to wait for it; the options themselves are cli-common's, declared once. */
final class ConnectionOptions {
    @Mixin
    DatabaseOptions database;

    @Mixin
    WaitTimeoutOption wait;

    DatabaseTarget target(Map<String, String> env) {
        String url = database.url()
                .orElseThrow(() -> new UsageException(
                        "no database: give --database-url or set WEBHOOK_CONFIG_DATABASE_URL or DATABASE_URL"));
        return withPassword(DatabaseTarget.parse(url), database.passwordFromFile(), env);
    }

    Duration waitTimeout() {
        return wait.get();
    }

    /** The file's password, else the URL's, else PGPASSWORD. */
    static DatabaseTarget withPassword(DatabaseTarget target, Optional<String> fromFile, Map<String, String> env) {
        if (fromFile.isPresent()) {
            return target.withPassword(fromFile.get());
        }
        if (target.password() == null && env.get("PGPASSWORD") != null) {
            return target.withPassword(env.get("PGPASSWORD"));
        }
        return target;
    }
}
