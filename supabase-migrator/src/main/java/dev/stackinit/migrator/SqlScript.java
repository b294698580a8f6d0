package dev.stackinit.migrator;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A SQL migration after placeholder substitution: its statements and whether it can run inside one transaction.
 *
 * <p>Detected automatically (PostgreSQL refuses them in a transaction block): {@code CREATE/DROP INDEX CONCURRENTLY},
 * {@code REINDEX … CONCURRENTLY}, {@code VACUUM}, {@code CREATE/DROP DATABASE}, {@code CREATE/DROP TABLESPACE},
 * {@code ALTER SYSTEM}. Marked by hand with a line {@code -- migrator:no-transaction}: anything else, e.g. {@code ALTER
 * TYPE … ADD VALUE} whose new value must be usable by a later statement of the same file. Transaction control
 * statements ({@code BEGIN}, {@code COMMIT}, …) are dropped with a warning: every file already gets its own transaction.
 *
 * <p>A line {@code -- migrator:as-admin} runs the file on the admin connection, like {@code bootstrap/} but in its own
 * phase (a trigger on auth.users needs the function of the functions phase and, on Supabase, the admin user).
 */
public record SqlScript(
        List<SqlStatement> statements,
        Optional<String> nonTransactionalReason,
        boolean asAdmin,
        List<String> warnings) {
    /** The line that makes a file run on the admin connection (what {@code pull} writes into such files). */
    public static final String AS_ADMIN_MARKER = "-- migrator:as-admin";

    private static final Pattern BLANKS = Pattern.compile("\\s+");
    private static final Pattern MARKER = Pattern.compile("(?m)^\\s*--\\s*migrator:no-transaction\\b");
    private static final Pattern AS_ADMIN = Pattern.compile("(?m)^\\s*--\\s*migrator:as-admin\\b");
    private static final Pattern NEEDS_NO_TRANSACTION = Pattern.compile("^(CREATE (UNIQUE )?INDEX CONCURRENTLY\\b"
            + "|DROP INDEX CONCURRENTLY\\b|REINDEX\\b.*\\bCONCURRENTLY\\b|VACUUM\\b|CREATE DATABASE\\b|DROP DATABASE\\b"
            + "|CREATE TABLESPACE\\b|DROP TABLESPACE\\b|ALTER SYSTEM\\b)");
    private static final Pattern TRANSACTION_CONTROL = Pattern.compile(
            "^(BEGIN|START TRANSACTION|COMMIT|END|ROLLBACK|ABORT)( (WORK|TRANSACTION|AND (NO )?CHAIN))*( ISOLATION .*)?$");

    public SqlScript {
        statements = List.copyOf(statements);
        warnings = List.copyOf(warnings);
    }

    public static SqlScript parse(String text, String source) {
        List<SqlStatement> kept = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        // the markers' regular expressions scan every line: only for a file that names one at all
        boolean marked = text.contains("migrator:");
        String reason = marked && MARKER.matcher(text).find() ? "marked -- migrator:no-transaction" : null;
        for (SqlStatement statement : SqlSplitter.split(text)) {
            String head = head(statement.sql());
            if (TRANSACTION_CONTROL.matcher(head).matches()) {
                warnings.add(source + ":" + statement.line() + ": ignored " + head
                        + " (each file already runs in its own transaction)");
                continue;
            }
            if (reason == null && NEEDS_NO_TRANSACTION.matcher(head).find()) {
                reason = "line " + statement.line() + ": " + head.split(" ")[0] + " cannot run in a transaction";
            }
            kept.add(statement);
        }
        return new SqlScript(
                kept,
                Optional.ofNullable(reason),
                marked && AS_ADMIN.matcher(text).find(),
                warnings);
    }

    public boolean transactional() {
        return nonTransactionalReason.isEmpty();
    }

    /** The statement's first words, upper case, single-spaced (comments inside are rare enough to ignore). */
    private static String head(String sql) {
        String prefix = sql.length() > 200 ? sql.substring(0, 200) : sql;
        return BLANKS.matcher(prefix).replaceAll(" ").strip().toUpperCase(Locale.ROOT);
    }

    /** The statements' texts, e.g. for the Supabase CLI history. */
    public List<String> texts() {
        return statements.stream().map(SqlStatement::sql).toList();
    }
}
