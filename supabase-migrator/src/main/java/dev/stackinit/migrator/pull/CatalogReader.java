package dev.stackinit.migrator.pull;

import dev.stackinit.errors.InvalidInputException;
import dev.stackinit.webhooks.UrlRewrite;
import dev.stackinit.webhooks.WebhookSpec;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * Reads what pull writes from the catalog of a live database, in one read-only repeatable-read transaction and with an
 * empty search_path, so the server's renderings qualify every name and all queries see the same snapshot.
 */
public final class CatalogReader {
    /** Extensions Supabase installs and manages itself; pulled only with the Supabase schemas. */
    private static final Set<String> SUPABASE_EXTENSIONS =
            Set.of("pg_graphql", "pg_net", "pgsodium", "supabase_vault", "pg_stat_statements", "pgjwt", "pg_cron");

    private final List<UrlRewrite> rewrites;
    private final boolean includeSupabase;

    public CatalogReader(List<UrlRewrite> rewrites, boolean includeSupabase) {
        this.rewrites = List.copyOf(rewrites);
        this.includeSupabase = includeSupabase;
    }

    /** Reads the catalog; {@code schemas} must all exist. */
    public Catalog read(Connection connection, List<String> schemas) throws SQLException {
        connection.setAutoCommit(false);
        connection.setReadOnly(true);
        connection.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
        try (Statement statement = connection.createStatement()) {
            statement.execute("select pg_catalog.set_config('search_path', '', true)");
        }
        try {
            return readAll(new CatalogQuery(connection, schemas), schemas, WebhookParser.read(connection, rewrites));
        } finally {
            connection.rollback();
        }
    }

    private Catalog readAll(CatalogQuery query, List<String> schemas, WebhookParser webhookParser) throws SQLException {
        ReadContext context = ReadContext.load(query);
        List<Catalog.Schema> found = query.list(
                "schemas.sql",
                row -> new Catalog.Schema(
                        row.getString("nspname"),
                        row.getString("sql"),
                        row.getString("comment"),
                        context.grants("pg_namespace", row.getLong("oid"))));
        Set<String> missing = new TreeSet<>(schemas);
        found.forEach(schema -> missing.remove(schema.name()));
        if (!missing.isEmpty()) {
            throw new InvalidInputException(
                    "schema(s) not found in the source database: " + String.join(", ", missing));
        }
        List<Catalog.Extension> extensions = query
                .list(
                        "extensions.sql",
                        row -> new Catalog.Extension(
                                row.getString("extname"), row.getString("sql"), row.getString("schema_sql")))
                .stream()
                .filter(e -> includeSupabase || !SUPABASE_EXTENSIONS.contains(e.name()))
                .toList();
        RelationReader relations = new RelationReader(context).read();
        List<Catalog.Type> types = types(context);
        List<Catalog.Sequence> sequences = query.list("sequences.sql", row -> sequence(row, context));
        RoutineReader routines = new RoutineReader(context, schemas, webhookParser);
        List<Catalog.Function> functions = routines.functions();
        List<Catalog.Trigger> triggers = new ArrayList<>();
        List<WebhookSpec> webhooks = new ArrayList<>();
        routines.triggers(triggers, webhooks);
        return new Catalog(
                found,
                extensions,
                types,
                sequences,
                relations.tables(),
                relations.views(),
                functions,
                triggers,
                webhooks,
                query.list("api-roles.sql", row -> row.getString("sql")),
                List.copyOf(context.warnings));
    }

    private static List<Catalog.Type> types(ReadContext context) throws SQLException {
        record Row(long oid, Catalog.Type type, List<Long> depends) {}
        List<Row> rows = context.query.list("types.sql", row -> {
            Name name = new Name(row.getString("nspname"), row.getString("typname"), row.getString("sql"));
            Catalog.Type type = new Catalog.Type(
                    name,
                    row.getString("typtype").charAt(0),
                    CatalogQuery.strings(row, "labels"),
                    CatalogQuery.strings(row, "attributes"),
                    row.getString("base_type"),
                    row.getBoolean("typnotnull"),
                    row.getString("default_expr"),
                    CatalogQuery.strings(row, "domain_constraints"),
                    Set.of(),
                    row.getString("comment"));
            return new Row(row.getLong("oid"), type, CatalogQuery.longs(row, "depends"));
        });
        Map<Long, Name> names = new HashMap<>();
        rows.forEach(row -> names.put(row.oid(), row.type().name()));
        List<Catalog.Type> types = new ArrayList<>();
        for (Row row : rows) {
            Catalog.Type type = row.type();
            if (type.kind() == 'r') {
                context.warn("not pulled: range type " + type.name().display());
                continue;
            }
            Set<Name> depends = new TreeSet<>();
            row.depends().stream().map(names::get).filter(Objects::nonNull).forEach(depends::add);
            types.add(new Catalog.Type(
                    type.name(),
                    type.kind(),
                    type.labels(),
                    type.attributes(),
                    type.baseType(),
                    type.notNull(),
                    type.defaultExpr(),
                    type.domainConstraints(),
                    depends,
                    type.comment()));
        }
        return types;
    }

    private static Catalog.Sequence sequence(ResultSet row, ReadContext context) throws SQLException {
        return new Catalog.Sequence(
                new Name(row.getString("nspname"), row.getString("relname"), row.getString("sql")),
                row.getString("data_type"),
                row.getLong("seqstart"),
                row.getLong("seqincrement"),
                row.getLong("seqmin"),
                row.getLong("seqmax"),
                row.getLong("seqcache"),
                row.getBoolean("seqcycle"),
                row.getString("owned_by"),
                context.grants("pg_class", row.getLong("oid")),
                row.getString("comment"));
    }
}
