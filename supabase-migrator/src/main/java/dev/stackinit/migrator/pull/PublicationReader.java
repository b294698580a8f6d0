package dev.stackinit.migrator.pull;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Publications: {@code supabase_realtime} (which Supabase creates on every database; Studio's "Enable Realtime" adds
 * tables to it) and the app's own, with the members pull can recreate: tables of the pulled schemas and of
 * Supabase-owned schemas (which exist on every Supabase database), with their column lists and row filters, and
 * whole pulled schemas. The platform's other publications (named supabase_…, Realtime's own) are left to it; members
 * elsewhere are reported.
 */
final class PublicationReader {
    static final String REALTIME = "supabase_realtime";

    private final ReadContext context;
    private final Set<String> schemas;

    PublicationReader(ReadContext context, List<String> schemas) {
        this.context = context;
        this.schemas = Set.copyOf(schemas);
    }

    List<Catalog.Publication> read() throws SQLException {
        Map<Long, List<Catalog.PublicationTable>> tables = new HashMap<>();
        Map<Long, List<String>> outside = new HashMap<>();
        context.query.list("publication-tables.sql", row -> {
            long publication = row.getLong("prpubid");
            Name table = new Name(row.getString("nspname"), row.getString("relname"), row.getString("table_sql"));
            if (reproducible(table.schema())) {
                tables.computeIfAbsent(publication, k -> new ArrayList<>())
                        .add(new Catalog.PublicationTable(
                                table, CatalogQuery.strings(row, "columns"), row.getString("row_filter")));
            } else {
                outside.computeIfAbsent(publication, k -> new ArrayList<>()).add("table " + table.display());
            }
            return table;
        });
        Map<Long, List<String>> publishedSchemas = new HashMap<>();
        context.query.list("publication-schemas.sql", row -> {
            long publication = row.getLong("pnpubid");
            String schema = row.getString("nspname");
            if (schemas.contains(schema)) {
                publishedSchemas
                        .computeIfAbsent(publication, k -> new ArrayList<>())
                        .add(row.getString("sql"));
            } else {
                outside.computeIfAbsent(publication, k -> new ArrayList<>()).add("tables in schema " + schema);
            }
            return schema;
        });
        List<Catalog.Publication> publications = new ArrayList<>();
        context.query.list("publications.sql", row -> {
            long oid = row.getLong("oid");
            String name = row.getString("pubname");
            boolean realtime = REALTIME.equals(name);
            if (!realtime && name.startsWith("supabase_")) {
                // Realtime's own (supabase_realtime_messages_publication); by name, not owner: the app's FOR ALL
                // TABLES publication is created by supabase_admin too
                context.platform("publication " + name);
                return name;
            }
            List<Catalog.PublicationTable> members = tables.getOrDefault(oid, List.of());
            List<String> inSchemas = publishedSchemas.getOrDefault(oid, List.of());
            if (realtime && members.isEmpty() && inSchemas.isEmpty() && !row.getBoolean("puballtables")) {
                // what every Supabase database has; nothing of the app's in it unless its settings changed
                if (defaultSettings(row)) {
                    return name;
                }
            }
            outside.getOrDefault(oid, List.of())
                    .forEach(member ->
                            context.lost("publication " + name + ": " + member + " is outside the pulled schemas"));
            List<String> publish = new ArrayList<>();
            addIf(publish, row.getBoolean("pubinsert"), "insert");
            addIf(publish, row.getBoolean("pubupdate"), "update");
            addIf(publish, row.getBoolean("pubdelete"), "delete");
            addIf(publish, row.getBoolean("pubtruncate"), "truncate");
            publications.add(new Catalog.Publication(
                    name,
                    row.getString("sql"),
                    realtime,
                    row.getBoolean("puballtables"),
                    publish,
                    row.getBoolean("pubviaroot"),
                    members,
                    inSchemas,
                    row.getString("comment")));
            return name;
        });
        return publications;
    }

    private boolean reproducible(String schema) {
        return schemas.contains(schema) || SupabaseSchemas.isOwned(schema);
    }

    private static boolean defaultSettings(java.sql.ResultSet row) throws SQLException {
        return row.getBoolean("pubinsert")
                && row.getBoolean("pubupdate")
                && row.getBoolean("pubdelete")
                && row.getBoolean("pubtruncate")
                && !row.getBoolean("pubviaroot")
                && row.getString("comment") == null;
    }

    private static void addIf(List<String> list, boolean condition, String value) {
        if (condition) {
            list.add(value);
        }
    }
}
