package dev.stackinit.migrator.pull;

import dev.stackinit.errors.InvalidInputException;
import dev.stackinit.errors.RejectedException;
import dev.stackinit.errors.UnreachableException;
import dev.stackinit.errors.UsageException;
import dev.stackinit.migrator.Phase;
import dev.stackinit.shared.Retry;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/** The pull use case: read the source catalog, plan the phase files, write them. Nothing is written on a failed read. */
public final class PullService {

    /** Where the schema comes from; {@code display} never shows a password. */
    public interface Source {
        Connection connect() throws SQLException;

        String display();
    }

    private final Retry retry;
    private final Duration waitTimeout;
    private final Consumer<String> progress;

    /** One connection attempt, no waiting. */
    public PullService() {
        this(Retry.system(), Duration.ZERO, line -> {});
    }

    /**
     * @param waitTimeout how long to wait for a server that does not accept connections yet (--wait-timeout)
     * @param progress the "waiting for …" lines
     */
    public PullService(Retry retry, Duration waitTimeout, Consumer<String> progress) {
        this.retry = retry;
        this.waitTimeout = waitTimeout;
        this.progress = progress;
    }

    public PullReport pull(PullRequest request, Source source) {
        for (String schema : request.schemas()) {
            if (SupabaseSchemas.isSystem(schema)) {
                throw new UsageException("--schema " + schema + " is a PostgreSQL system schema and cannot be pulled");
            }
        }
        Catalog catalog;
        List<String> schemas;
        try (Connection connection = connect(source)) {
            schemas = schemas(connection, request);
            catalog = new CatalogReader(request.rewrites()).read(connection, schemas);
        } catch (SQLException e) {
            throw new RejectedException("reading the catalog of " + source.display() + " failed: " + e.getMessage(), e);
        }
        List<PulledFile> files = PullPlanner.plan(catalog);
        PhaseWriter.WriteReport written = new PhaseWriter().write(request.out(), files);
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (Phase phase : PullPlanner.PHASES) {
            counts.put(phase.folder(), (int)
                    files.stream().filter(f -> f.phase() == phase).count());
        }
        return new PullReport(
                source.display(),
                request.out().toString(),
                schemas,
                counts,
                catalog.webhooks().size(),
                written.written(),
                written.unchanged(),
                written.removed(),
                catalog.findings().warnings(),
                catalog.findings().notReproduced(),
                catalog.findings().leftToPlatform());
    }

    private Connection connect(Source source) {
        try {
            return retry.until(
                    "PostgreSQL at " + source.display(),
                    Retry.Policy.waitingUpTo(waitTimeout),
                    PullService::isStarting,
                    Retry.Listener.printing(progress, source.display()),
                    source::connect);
        } catch (SQLException e) {
            String state = e.getSQLState() == null ? "08" : e.getSQLState();
            String message = "cannot connect to " + source.display() + ": " + e.getMessage();
            if (state.startsWith("28")) {
                // the one code every tool gives a failed login
                throw new InvalidInputException(
                        message + " (check the user and the password: --password-file, the URL or PGPASSWORD)", e);
            }
            if (state.equals("3D000")) {
                throw new InvalidInputException(message, e);
            }
            throw state.startsWith("08") ? new UnreachableException(message, e) : new RejectedException(message, e);
        }
    }

    /** 08: refused or reset; 57P03: the database system is starting up. */
    private static boolean isStarting(Exception e) {
        if (!(e instanceof SQLException sql)) {
            return false;
        }
        String state = sql.getSQLState() == null ? "08" : sql.getSQLState();
        return state.startsWith("08") || state.equals("57P03");
    }

    /** The Supabase CLI's migration history: tooling state, not the app's schema. */
    private static boolean isTooling(String schema) {
        return "supabase_migrations".equals(schema);
    }

    /** The requested schemas, plus the Supabase-owned ones present when asked, in a stable order. */
    private static List<String> schemas(Connection connection, PullRequest request) throws SQLException {
        Set<String> schemas = new LinkedHashSet<>(request.schemas());
        if (request.includeSupabaseSchemas()) {
            try (Statement statement = connection.createStatement();
                    ResultSet rows = statement.executeQuery("select nspname from pg_namespace order by nspname")) {
                while (rows.next()) {
                    String name = rows.getString(1);
                    if (SupabaseSchemas.isOwned(name) && !SupabaseSchemas.isSystem(name) && !isTooling(name)) {
                        schemas.add(name);
                    }
                }
            }
        }
        return new ArrayList<>(schemas);
    }
}
