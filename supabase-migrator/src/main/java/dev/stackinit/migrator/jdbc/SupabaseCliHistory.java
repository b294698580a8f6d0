package dev.stackinit.migrator.jdbc;

import java.math.BigInteger;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * {@code --supabase-cli-history}: files of the Supabase CLI folder are also recorded in
 * {@code supabase_migrations.schema_migrations(version, name, statements)}, the table {@code supabase migration list}
 * reads, created the way the CLI creates it. Files of the phase folders are not mirrored: the CLI would report their
 * versions as "not found in local migrations directory".
 */
public final class SupabaseCliHistory {
    private static final String TABLE = "supabase_migrations.schema_migrations";

    public void ensure(Connection c) {
        Jdbc.script(
                c,
                "CREATE SCHEMA IF NOT EXISTS supabase_migrations;"
                        + " CREATE TABLE IF NOT EXISTS " + TABLE + " (version text NOT NULL PRIMARY KEY);"
                        + " ALTER TABLE " + TABLE + " ADD COLUMN IF NOT EXISTS statements text[];"
                        + " ALTER TABLE " + TABLE + " ADD COLUMN IF NOT EXISTS name text;");
    }

    /** Versions already listed (applied by the Supabase CLI, or by us earlier). */
    public Set<BigInteger> versions(Connection c) {
        if (!Jdbc.bool(c, "select to_regclass('" + TABLE + "') is not null")) {
            return Set.of(); // a dry run before the first migrate: nothing created yet
        }
        return Jdbc.list(c, "select version from " + TABLE, rs -> rs.getString(1)).stream()
                .filter(v -> v.matches("[0-9]+"))
                .map(BigInteger::new)
                .collect(Collectors.toSet());
    }

    /** In the caller's transaction, next to the history row. */
    public void record(Connection connection, BigInteger version, String name, List<String> statements)
            throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO " + TABLE
                + " (version, name, statements) VALUES (?, ?, ?) ON CONFLICT (version) DO NOTHING")) {
            Array array = connection.createArrayOf("text", statements.toArray());
            insert.setString(1, version.toString());
            insert.setString(2, name);
            insert.setArray(3, array);
            insert.executeUpdate();
        }
    }

    public void forget(Connection c, List<BigInteger> versions) {
        if (Jdbc.bool(c, "select to_regclass('" + TABLE + "') is not null")) {
            versions.forEach(v -> Jdbc.update(c, "delete from " + TABLE + " where version = ?", v.toString()));
        }
    }
}
