package dev.stackinit.migrator.pull;

import dev.stackinit.webhooks.WebhookSpec;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/** Reads the functions of the pulled schemas and the triggers that belong to the app, webhooks apart. */
final class RoutineReader {
    private record Row(
            long oid,
            Name name,
            String kind,
            String owner,
            boolean atomic,
            String definition,
            String result,
            String source,
            String comment) {}

    private final ReadContext context;
    private final List<String> schemas;
    private final WebhookParser webhooks;

    RoutineReader(ReadContext context, List<String> schemas, WebhookParser webhooks) {
        this.context = context;
        this.schemas = List.copyOf(schemas);
        this.webhooks = webhooks;
    }

    List<Catalog.Function> functions() throws SQLException {
        List<Row> rows = context.query.list(
                "functions.sql",
                row -> new Row(
                        row.getLong("oid"),
                        new Name(
                                row.getString("nspname"),
                                row.getString("proname") + "(" + row.getString("args") + ")",
                                row.getString("sql") + "(" + row.getString("args") + ")"),
                        row.getString("kind"),
                        row.getString("owner"),
                        row.getBoolean("atomic"),
                        row.getString("definition"),
                        row.getString("result"),
                        row.getString("prosrc"),
                        row.getString("comment")));
        Map<Long, Name> byOid = new HashMap<>();
        Map<String, List<Name>> byBareName = new HashMap<>();
        for (Row row : rows) {
            byOid.put(row.oid(), row.name());
            byBareName
                    .computeIfAbsent(bareName(row.name()), k -> new ArrayList<>())
                    .add(row.name());
        }
        List<Catalog.Function> functions = new ArrayList<>();
        for (Row row : rows) {
            if (context.ownedByPlatform(
                    row.name().schema(), row.owner(), "function " + row.name().display())) {
                continue;
            }
            if (!"f".equals(row.kind()) && !"p".equals(row.kind())) {
                context.lost(row.name().display() + ": aggregates and window functions are not pulled");
                continue;
            }
            Set<Name> depends = new TreeSet<>();
            context.functionCalls(row.oid()).stream().map(byOid::get).forEach(depends::add);
            depends.addAll(calledByName(row, byBareName));
            depends.remove(row.name());
            functions.add(new Catalog.Function(
                    row.name(),
                    "p".equals(row.kind()),
                    row.atomic(),
                    row.definition(),
                    row.result(),
                    depends,
                    context.grants(
                            "pg_proc", row.oid(), "function " + row.name().display()),
                    row.comment()));
        }
        return functions;
    }

    /** Function bodies are text: a call {@code name(} of another pulled function is taken as a dependency. */
    private static Set<Name> calledByName(Row row, Map<String, List<Name>> byBareName) {
        Set<Name> called = new TreeSet<>();
        String body = row.source() == null ? "" : row.source().toLowerCase(Locale.ROOT);
        byBareName.forEach((bare, names) -> {
            String needle = bare.toLowerCase(Locale.ROOT);
            if (body.contains(needle)
                    && Pattern.compile("(?<![\\w$])\"?" + Pattern.quote(needle) + "\"?\\s*\\(")
                            .matcher(body)
                            .find()) {
                called.addAll(names);
            }
        });
        return called;
    }

    private static String bareName(Name signature) {
        return signature.name().substring(0, signature.name().indexOf('('));
    }

    /**
     * Reads triggers into {@code triggers} and webhook declarations into {@code hooks}. A webhook a declaration cannot
     * reproduce, or one on a Supabase-owned table (its trigger needs the admin user there), stays a SQL trigger.
     */
    void triggers(List<Catalog.Trigger> triggers, List<WebhookSpec> hooks) throws SQLException {
        context.query.list("triggers.sql", row -> {
            String tableSchema = row.getString("nspname");
            String functionSchema = row.getString("function_schema");
            Name table = new Name(tableSchema, row.getString("relname"), row.getString("table_sql"));
            String name = row.getString("tgname");
            boolean platformTable = SupabaseSchemas.isOwned(tableSchema)
                    && SupabaseSchemas.isPlatformRole(row.getString("table_owner"));
            if (!schemas.contains(tableSchema) && !SupabaseSchemas.isOwned(tableSchema)) {
                return row; // a table of a schema nobody asked for
            }
            if (platformTable
                    && !"supabase_functions".equals(functionSchema)
                    && SupabaseSchemas.isOwned(functionSchema)
                    && SupabaseSchemas.isPlatformRole(row.getString("function_owner"))) {
                // the platform's own trigger on its own table (Storage's on storage.objects)
                if (schemas.contains(tableSchema)) {
                    context.platform("trigger " + name + " on " + table.display());
                }
                return row;
            }
            if ("supabase_functions".equals(functionSchema)) {
                Optional<WebhookSpec> hook = webhooks.declaration(table, name, enabled(row));
                if (hook.isPresent() && !SupabaseSchemas.isOwned(tableSchema)) {
                    hooks.add(hook.get());
                    return row;
                }
                context.warn("webhook " + name + " on " + table.display()
                        + (hook.isPresent()
                                ? " is on a Supabase-owned table; it is written to triggers/ as SQL run as admin"
                                : " does not have Studio's shape; it is written to triggers/ as SQL"));
            } else if (!schemas.contains(tableSchema) && !schemas.contains(functionSchema)) {
                if (platformTable && !SupabaseSchemas.isOwned(functionSchema)) {
                    // the app's trigger on Supabase's table (auth.users) calling the app's function of a schema nobody
                    // asked for: neither is written (one calling a function of a Supabase schema is the platform's)
                    context.lost("trigger " + name + " on " + table.display() + " calls a function of schema "
                            + functionSchema + ", which is not pulled");
                }
                return row;
            }
            triggers.add(trigger(row, table, "supabase_functions".equals(functionSchema)));
            return row;
        });
    }

    /** Rewrite rules on the pulled tables and views (pg_get_ruledef gives the whole CREATE RULE). */
    List<Catalog.Rule> rules() throws SQLException {
        return context.query.list(
                "rules.sql",
                row -> new Catalog.Rule(
                        new Name(row.getString("nspname"), row.getString("relname"), row.getString("table_sql")),
                        row.getString("rulename"),
                        row.getString("sql"),
                        row.getString("definition"),
                        row.getString("enabled").charAt(0),
                        row.getString("comment")));
    }

    private static char enabled(ResultSet row) throws SQLException {
        return row.getString("enabled").charAt(0);
    }

    private static Catalog.Trigger trigger(ResultSet row, Name table, boolean webhook) throws SQLException {
        return new Catalog.Trigger(
                table,
                row.getString("tgname"),
                row.getString("sql"),
                row.getString("definition"),
                enabled(row),
                row.getString("comment"),
                webhook);
    }
}
