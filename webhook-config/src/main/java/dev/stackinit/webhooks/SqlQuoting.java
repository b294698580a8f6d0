package dev.stackinit.webhooks;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Identifiers and literals for generated SQL, following pg-meta's rules (bare names when they are plain lower-case
 * non-keywords, E'' literals when a backslash is present) but always on the safe side: every keyword PostgreSQL does
 * not treat as unreserved is quoted, and E'' literals mean the same whatever standard_conforming_strings says.
 */
public final class SqlQuoting {
    private static final Pattern PLAIN = Pattern.compile("[_a-z][0-9$_a-z]*");
    /** PostgreSQL 15–17 keywords of category reserved, type/function name or column name (pg_get_keywords). */
    private static final Set<String> KEYWORDS = Set.of(
            "all",
            "analyse",
            "analyze",
            "and",
            "any",
            "array",
            "as",
            "asc",
            "asymmetric",
            "authorization",
            "between",
            "bigint",
            "binary",
            "bit",
            "boolean",
            "both",
            "case",
            "cast",
            "char",
            "character",
            "check",
            "coalesce",
            "collate",
            "collation",
            "column",
            "concurrently",
            "constraint",
            "create",
            "cross",
            "current_catalog",
            "current_date",
            "current_role",
            "current_schema",
            "current_time",
            "current_timestamp",
            "current_user",
            "dec",
            "decimal",
            "default",
            "deferrable",
            "desc",
            "distinct",
            "do",
            "else",
            "end",
            "except",
            "exists",
            "extract",
            "false",
            "fetch",
            "float",
            "for",
            "foreign",
            "freeze",
            "from",
            "full",
            "grant",
            "greatest",
            "group",
            "grouping",
            "having",
            "ilike",
            "in",
            "initially",
            "inner",
            "inout",
            "int",
            "integer",
            "intersect",
            "interval",
            "into",
            "is",
            "isnull",
            "join",
            "json",
            "json_array",
            "json_arrayagg",
            "json_exists",
            "json_object",
            "json_objectagg",
            "json_query",
            "json_scalar",
            "json_serialize",
            "json_table",
            "json_value",
            "lateral",
            "leading",
            "least",
            "left",
            "like",
            "limit",
            "localtime",
            "localtimestamp",
            "merge_action",
            "national",
            "natural",
            "nchar",
            "none",
            "normalize",
            "not",
            "notnull",
            "null",
            "nullif",
            "numeric",
            "offset",
            "on",
            "only",
            "or",
            "order",
            "out",
            "outer",
            "overlaps",
            "overlay",
            "placing",
            "position",
            "precision",
            "primary",
            "real",
            "references",
            "returning",
            "right",
            "row",
            "select",
            "session_user",
            "setof",
            "similar",
            "smallint",
            "some",
            "substring",
            "symmetric",
            "system_user",
            "table",
            "tablesample",
            "then",
            "time",
            "timestamp",
            "to",
            "trailing",
            "treat",
            "trim",
            "true",
            "union",
            "unique",
            "user",
            "using",
            "values",
            "varchar",
            "variadic",
            "verbose",
            "when",
            "where",
            "window",
            "with",
            "xmlattributes",
            "xmlconcat",
            "xmlelement",
            "xmlexists",
            "xmlforest",
            "xmlnamespaces",
            "xmlparse",
            "xmlpi",
            "xmlroot",
            "xmlserialize",
            "xmltable");

    private SqlQuoting() {}

    /** The name bare when PostgreSQL reads it back unchanged, else double-quoted with inner quotes doubled. */
    public static String ident(String name) {
        requireNoNul(name);
        if (PLAIN.matcher(name).matches() && !KEYWORDS.contains(name)) {
            return name;
        }
        return '"' + name.replace("\"", "\"\"") + '"';
    }

    public static String qualified(String schema, String name) {
        return ident(schema) + "." + ident(name);
    }

    /** A string constant: quotes doubled; with a backslash, an E'' constant with backslashes doubled too. */
    public static String literal(String text) {
        requireNoNul(text);
        String quoted = text.replace("'", "''");
        if (text.indexOf('\\') >= 0) {
            return "E'" + quoted.replace("\\", "\\\\") + "'";
        }
        return "'" + quoted + "'";
    }

    static boolean isKeyword(String name) {
        return KEYWORDS.contains(name.toLowerCase(Locale.ROOT));
    }

    private static void requireNoNul(String text) {
        if (text.indexOf('\0') >= 0) {
            throw new IllegalArgumentException("text for SQL contains a NUL character");
        }
    }
}
