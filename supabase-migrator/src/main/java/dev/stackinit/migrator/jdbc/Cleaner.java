package dev.stackinit.migrator.jdbc;

import dev.stackinit.errors.InvalidInputException;
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

    /** Before connecting: the confirmation and the host. */
    public static void refuseUnlessAllowed(DatabaseUrl url, boolean iUnderstand) {
        if (!iUnderstand) {
            throw new UsageException("clean drops every object in the managed schemas: pass --i-understand to confirm");
        }
        if (!url.isLocal()) {
            throw new InvalidInputException("clean refused: " + url.host() + " is not this machine (localhost,"
                    + " 127.0.0.1 or ::1 only); drop objects on shared databases by hand");
        }
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
