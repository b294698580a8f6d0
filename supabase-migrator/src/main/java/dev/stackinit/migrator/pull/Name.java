package dev.stackinit.migrator.pull;

import java.util.Comparator;

/**
 * A schema-qualified object name: the raw parts sort and label files, {@code sql} is the quoted form the database
 * produced ({@code quote_ident}), so no identifier is ever quoted by hand.
 */
public record Name(String schema, String name, String sql) implements Comparable<Name> {
    private static final Comparator<Name> ORDER =
            Comparator.comparing(Name::schema).thenComparing(Name::name).thenComparing(Name::sql);

    /** A file-name-safe label: the bare name in public, {@code schema_name} elsewhere. */
    public String label() {
        return fileLabel("public".equals(schema) ? name : schema + "_" + name);
    }

    /** Any text as a file-name-safe label. */
    public static String fileLabel(String raw) {
        return raw.replaceAll("[^A-Za-z0-9_]+", "_");
    }

    /** {@code schema.name} unquoted, as webhook declarations and messages show it. */
    public String display() {
        return schema + "." + name;
    }

    /** The bare identifier of a {@code quote_ident} result: {@code "My ""x"""} → {@code My "x"}. */
    public static String unquote(String sql) {
        if (sql != null && sql.length() >= 2 && sql.startsWith("\"") && sql.endsWith("\"")) {
            return sql.substring(1, sql.length() - 1).replace("\"\"", "\"");
        }
        return sql;
    }

    @Override
    public int compareTo(Name other) {
        return ORDER.compare(this, other);
    }
}
