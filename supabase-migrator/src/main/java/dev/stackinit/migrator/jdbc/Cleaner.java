package dev.stackinit.migrator.jdbc;

import dev.stackinit.errors.UsageException;
import dev.stackinit.migrator.AppliedMigration;
import dev.stackinit.migrator.Phase;
import java.math.BigInteger;
import java.sql.Connection;
import java.util.List;
import org.flywaydb.core.Flyway;

/**
 * clean: drops every object in the managed schemas (Flyway's PostgreSQL clean: tables, views, functions, types,
 * sequences, … — triggers on auth.users go with the functions they call), then our history and the Supabase CLI rows we
 * mirrored. Refused unless confirmed and the database is on this machine.
 */
public final class Cleaner {
    private final DatabaseUrl url;
    private final HistoryTable history;

    public Cleaner(DatabaseUrl url, HistoryTable history) {
        this.url = url;
        this.history = history;
    }

    /** Before connecting: the confirmation and the hosts (see {@link LocalOnly}). */
    public static void refuseUnlessAllowed(DatabaseUrl url, boolean iUnderstand) {
        refuseUnlessAllowed(url, iUnderstand, "clean", LocalOnly.system());
    }

    /**
     * The same check for every command that drops everything (clean, reset): call it for each URL the command will
     * connect with, before connecting.
     *
     * @param command the command's name, for the messages
     */
    public static void refuseUnlessAllowed(DatabaseUrl url, boolean iUnderstand, String command, LocalOnly local) {
        if (!iUnderstand) {
            throw new UsageException(
                    command + " drops every object in the managed schemas: pass --i-understand to confirm");
        }
        local.check(url, command);
    }

    /** @return one line per thing dropped */
    public List<String> clean(Connection connection, List<String> schemas) {
        List<AppliedMigration> rows = history.load(connection);
        Flyway.configure()
                .dataSource(url.jdbcUrl(), url.user(), url.password())
                .schemas(schemas.toArray(String[]::new))
                .createSchemas(false)
                .cleanDisabled(false)
                .loggers("slf4j")
                .load()
                .clean();
        List<BigInteger> mirrored = rows.stream()
                .filter(r -> r.phase() == Phase.MIGRATIONS)
                .map(AppliedMigration::version)
                .toList();
        new SupabaseCliHistory().forget(connection, mirrored);
        history.drop(connection);
        return List.of(
                "dropped the objects in schema(s) " + String.join(", ", schemas),
                "dropped history " + history.name() + " (" + rows.size() + " rows)",
                "removed " + mirrored.size() + " Supabase CLI history row(s) of ours, if present");
    }
}
