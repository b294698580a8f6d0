package dev.stackinit.migrator;

import java.util.Locale;
import java.util.Optional;

/** Advice for the failures people meet most when migrating a Supabase database. */
public final class SupabaseHints {
    private SupabaseHints() {}

    public static Optional<String> forFailure(String sqlState, String message) {
        String text = message == null ? "" : message.toLowerCase(Locale.ROOT);
        String state = sqlState == null ? "" : sqlState;
        if (text.contains("supabase_functions") && (state.equals("3F000") || state.equals("42883"))) {
            return Optional.of("webhooks need the supabase_functions schema: let the built-in bootstrap run (drop"
                    + " --no-bootstrap) with an admin URL (--admin-url, supabase_admin)");
        }
        if (text.contains("schema \"net\"") || text.contains("net.http_")) {
            return Optional.of("pg_net is not installed: use the supabase/postgres image (it preloads pg_net)");
        }
        if (state.equals("42883")) {
            return Optional.of("the function does not exist yet: is it defined in a later phase or file? Phases run"
                    + " bootstrap, migrations, tables, functions, triggers, webhooks, seed; within one, by number");
        }
        if (state.equals("42501") && text.contains("must be owner of")) {
            return Optional.of("postgres does not own this object (auth, storage and realtime belong to Supabase's"
                    + " admin roles): put the statement in bootstrap/, which runs as the admin user");
        }
        if (state.equals("42501") && text.contains("permission denied for schema")) {
            return Optional.of("grant usage on that schema to postgres in a bootstrap/ file, or move the statement"
                    + " into bootstrap/");
        }
        if (state.equals("42P01") && text.contains("auth.")) {
            return Optional.of("GoTrue creates the auth tables when it starts: run with --wait-for-table auth.users");
        }
        if (state.equals("42P01") || state.equals("42704")) {
            return Optional.of("defined in a later phase or file? Extension types live in schema extensions:"
                    + " qualify them (extensions.citext)");
        }
        if (state.equals("25001")) {
            return Optional.of("this statement cannot run in a transaction: add a line '-- migrator:no-transaction'"
                    + " or move it into a file of its own");
        }
        return Optional.empty();
    }
}
