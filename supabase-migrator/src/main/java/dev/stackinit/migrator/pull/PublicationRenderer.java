package dev.stackinit.migrator.pull;

import java.util.List;

/**
 * SQL for publications and their members. {@code supabase_realtime} exists on every Supabase database: it is created
 * only where missing (a plain PostgreSQL target), then given the source's settings and members.
 */
final class PublicationRenderer {
    private static final List<String> ALL = List.of("insert", "update", "delete", "truncate");

    private PublicationRenderer() {}

    /** The publication and what postgres may add to it; empty text when there is nothing of the app's. */
    static String publication(Catalog.Publication publication) {
        SqlFile file = new SqlFile();
        if (publication.preexisting()) {
            file.statement("DO $create$ BEGIN IF NOT EXISTS (SELECT FROM pg_catalog.pg_publication WHERE pubname = "
                    + SqlFile.literal(publication.name()) + ") THEN CREATE PUBLICATION " + publication.sql()
                    + "; END IF; END $create$");
            if (!defaultSettings(publication)) {
                file.statement("ALTER PUBLICATION " + publication.sql() + " SET (" + settings(publication) + ")");
            }
        } else if (!publication.allTables()) {
            file.statement("CREATE PUBLICATION " + publication.sql() + " WITH (" + settings(publication) + ")");
        }
        if (!publication.allTables()) {
            publication.tables().stream()
                    .filter(t -> !SupabaseSchemas.isOwned(t.table().schema()))
                    .forEach(t -> file.statement(addTable(publication, t)));
            file.comment("PUBLICATION " + publication.sql(), publication.comment());
        }
        return file.text();
    }

    /**
     * What needs supabase_admin: FOR ALL TABLES and whole schemas (superuser only) and Supabase-owned tables (ADD TABLE
     * needs the table's owner).
     */
    static String asAdmin(Catalog.Publication publication) {
        SqlFile file = new SqlFile();
        if (publication.allTables()) {
            file.statement(
                    "CREATE PUBLICATION " + publication.sql() + " FOR ALL TABLES WITH (" + settings(publication) + ")");
            file.comment("PUBLICATION " + publication.sql(), publication.comment());
            return file.text();
        }
        publication
                .schemas()
                .forEach(s -> file.statement("ALTER PUBLICATION " + publication.sql() + " ADD TABLES IN SCHEMA " + s));
        publication.tables().stream()
                .filter(t -> SupabaseSchemas.isOwned(t.table().schema()))
                .forEach(t -> file.statement(addTable(publication, t)));
        return file.text();
    }

    static String addTable(Catalog.Publication publication, Catalog.PublicationTable table) {
        return "ALTER PUBLICATION " + publication.sql() + " ADD TABLE " + member(table);
    }

    static String member(Catalog.PublicationTable table) {
        StringBuilder sql = new StringBuilder(table.table().sql());
        if (!table.columns().isEmpty()) {
            sql.append(" (").append(String.join(", ", table.columns())).append(')');
        }
        if (table.rowFilter() != null) {
            sql.append(" WHERE (").append(table.rowFilter()).append(')');
        }
        return sql.toString();
    }

    static boolean defaultSettings(Catalog.Publication publication) {
        return publication.publish().equals(ALL) && !publication.viaRoot();
    }

    static String settings(Catalog.Publication publication) {
        return "publish = " + SqlFile.literal(String.join(", ", publication.publish()))
                + ", publish_via_partition_root = " + publication.viaRoot();
    }
}
