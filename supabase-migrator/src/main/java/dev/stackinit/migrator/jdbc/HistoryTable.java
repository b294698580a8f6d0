package dev.stackinit.migrator.jdbc;

import dev.stackinit.errors.UsageException;
import dev.stackinit.migrator.AppliedMigration;
import dev.stackinit.migrator.MigrationKey;
import dev.stackinit.migrator.Phase;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;

/** The history table ({@code stackinit.migration_history} by default). */
public final class HistoryTable {
    // version as text and time as epoch millis: cheaper to map than numeric and timestamptz on a cold JVM
    private static final String COLUMNS = "phase, version::text as version, name, script, kind, checksum, success,"
            + " installed_by, (extract(epoch from installed_on) * 1000)::bigint as installed_on, execution_ms";

    private final String schema;
    private final String table;
    private final String qualified;

    /** @param name {@code schema.table} */
    public HistoryTable(String name) {
        int dot = name.indexOf('.');
        if (dot <= 0 || dot == name.length() - 1 || name.indexOf('.', dot + 1) >= 0) {
            throw new UsageException("--history-table must be schema.table, got " + name);
        }
        this.schema = name.substring(0, dot);
        this.table = name.substring(dot + 1);
        for (String part : List.of(schema, table)) {
            // PostgreSQL cuts names at 63 bytes without a word: two long names could share one table
            if (part.getBytes(java.nio.charset.StandardCharsets.UTF_8).length > 63
                    || part.chars().anyMatch(c -> c < 0x20 || c == 0x7f)) {
                throw new UsageException("--history-table parts must be at most 63 bytes without control characters,"
                        + " got " + name.replaceAll("\\p{Cntrl}", "?"));
            }
        }
        this.qualified = Connector.quoteIdentifier(schema) + "." + Connector.quoteIdentifier(table);
    }

    public String name() {
        return schema + "." + table;
    }

    public void ensure(Connection c) {
        if (exists(c)) {
            return;
        }
        Jdbc.script(
                c,
                resource("history.sql")
                        .replace("<schema>", Connector.quoteIdentifier(schema))
                        .replace("<table>", Connector.quoteIdentifier(table)));
    }

    /**
     * For a dry run: what {@link #ensure} needs, asked without creating anything, so the plan does not promise a run that
     * would stop at its first statement. Refused (exit 5) with the same hint as the real run.
     */
    public void checkCanCreate(Connection c) {
        if (exists(c)) {
            return;
        }
        boolean schemaExists = Jdbc.bool(c, "select exists (select 1 from pg_namespace where nspname = ?)", schema);
        boolean allowed = schemaExists
                ? Jdbc.bool(c, "select has_schema_privilege(?, 'CREATE')", schema)
                : Jdbc.bool(c, "select has_database_privilege(current_database(), 'CREATE')");
        if (!allowed) {
            throw new dev.stackinit.errors.RejectedException("migrate would stop at once: "
                    + (schemaExists
                            ? "no CREATE on schema " + schema
                            : "no CREATE on the database for schema " + schema)
                    + ", where the migrator keeps its history (--history-table " + name() + "); grant it, or name a"
                    + " table in a schema this user may write to");
        }
    }

    public boolean exists(Connection c) {
        return Jdbc.bool(c, "select to_regclass(?) is not null", qualified);
    }

    public List<AppliedMigration> load(Connection c) {
        if (!exists(c)) {
            return List.of();
        }
        return Jdbc.list(
                c,
                "select " + COLUMNS + " from " + qualified + " order by installed_on, phase, version",
                HistoryTable::row);
    }

    /** Inserts the row, or replaces the existing one with the same key. */
    public AppliedMigration write(Connection c, AppliedMigration row, boolean replace) {
        if (replace) {
            delete(c, row.key());
        }
        return Jdbc.one(
                c,
                "insert into " + qualified + " (phase, version, name, script, kind, checksum, success, execution_ms)"
                        + " values (?, ?, ?, ?, ?, ?, ?, ?) returning " + COLUMNS,
                HistoryTable::row,
                row.phase().id(),
                new BigDecimal(row.version()),
                row.name(),
                row.script(),
                row.kind(),
                row.checksum(),
                row.success(),
                row.executionMillis());
    }

    /**
     * The insert as literal SQL, to travel in the same round trip as the file; the server measures the duration (from
     * the start of the file's transaction). Strings are E'' literals, correct whatever standard_conforming_strings says.
     */
    public String insertStatement(AppliedMigration row) {
        return "insert into " + qualified + " (phase, version, name, script, kind, checksum, success, execution_ms)"
                + " values (" + literal(row.phase().id()) + ", " + row.version() + ", " + literal(row.name()) + ", "
                + literal(row.script()) + ", " + literal(row.kind()) + ", " + literal(row.checksum()) + ", "
                + row.success() + ", (extract(epoch from clock_timestamp() - now()) * 1000)::bigint)";
    }

    static String literal(String text) {
        return "E'" + text.replace("\\", "\\\\").replace("'", "\\'") + "'";
    }

    public void accept(Connection c, MigrationKey key, String name, String script, String checksum) {
        Jdbc.update(
                c,
                "update " + qualified + " set name = ?, script = ?, checksum = ? where phase = ? and version = ?",
                name,
                script,
                checksum,
                key.phase().id(),
                new BigDecimal(key.version()));
    }

    public void delete(Connection c, MigrationKey key) {
        Jdbc.update(
                c,
                "delete from " + qualified + " where phase = ? and version = ?",
                key.phase().id(),
                new BigDecimal(key.version()));
    }

    public void drop(Connection c) {
        Jdbc.script(c, "drop table if exists " + qualified);
    }

    private static AppliedMigration row(ResultSet rs) throws SQLException {
        return new AppliedMigration(
                Phase.byId(rs.getString("phase"))
                        .orElseThrow(() -> new IllegalStateException("unknown phase in history: " + phase(rs))),
                new BigInteger(rs.getString("version")),
                rs.getString("name"),
                rs.getString("script"),
                rs.getString("kind"),
                rs.getString("checksum"),
                rs.getBoolean("success"),
                rs.getString("installed_by"),
                Instant.ofEpochMilli(rs.getLong("installed_on")),
                rs.getLong("execution_ms"));
    }

    private static String phase(ResultSet rs) {
        try {
            return rs.getString("phase");
        } catch (SQLException e) {
            return "?";
        }
    }

    static String resource(String name) {
        return SqlResources.load(HistoryTable.class, name);
    }
}
