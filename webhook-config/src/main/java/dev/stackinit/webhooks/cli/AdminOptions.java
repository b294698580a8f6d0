package dev.stackinit.webhooks.cli;

import dev.stackinit.cli.options.AdminDatabaseOptions;
import dev.stackinit.webhooks.jdbc.DatabaseTarget;
import java.util.Map;
import picocli.CommandLine.Mixin;

/** A superuser connection (supabase_admin on Supabase) for enabling database webhooks first (bootstrap). */
final class AdminOptions {
    @Mixin
    AdminDatabaseOptions admin;

    boolean given() {
        return admin.url().isPresent();
    }

    DatabaseTarget target(Map<String, String> env) {
        return ConnectionOptions.withPassword(
                DatabaseTarget.parse(admin.url().orElseThrow()), admin.passwordFromFile(), env);
    }
}
