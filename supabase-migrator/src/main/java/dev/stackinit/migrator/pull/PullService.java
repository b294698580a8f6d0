package dev.stackinit.migrator.pull;

import dev.stackinit.errors.RejectedException;
import dev.stackinit.errors.UnreachableException;
import dev.stackinit.errors.UsageException;
import dev.stackinit.migrator.Phase;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The pull use case: read the source catalog, plan the phase files, write them. Nothing is written on a failed read. */
public final class PullService {

    /** Where the schema comes from; {@code display} never shows a password. */
    public interface Source {
        Connection connect() throws SQLException;

        String display();
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

    private static Connection connect(Source source) {
        try {
            return source.connect();
        } catch (SQLException e) {
            String state = e.getSQLState() == null ? "08" : e.getSQLState();
            String message = "cannot connect to " + source.display() + ": " + e.getMessage();
            throw state.startsWith("08") ? new UnreachableException(message, e) : new RejectedException(message, e);
        }
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
