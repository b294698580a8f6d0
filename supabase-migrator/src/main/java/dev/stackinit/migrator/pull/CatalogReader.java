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
 * empty search_path, so the server's renderings qualify every name and all queries see the same snapshot. diff reads
 * both of its databases with it, so "equal" means "pull would write the same files".
 */
public final class CatalogReader {
    /** Extensions every Supabase database has (the image, or migrate's bootstrap for pg_net): the platform's. */
    private static final Set<String> SUPABASE_EXTENSIONS =
            Set.of("pg_graphql", "pg_net", "pgsodium", "supabase_vault", "pg_stat_statements", "pgjwt");

    private final List<UrlRewrite> rewrites;

    public CatalogReader(List<UrlRewrite> rewrites) {
        this.rewrites = List.copyOf(rewrites);
    }

    /** Reads the catalog; {@code schemas} must all exist. */
    public Catalog read(Connection connection, List<String> schemas) throws SQLException {
        connection.setAutoCommit(false);
        connection.setReadOnly(true);
        connection.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
        try (Statement statement = connection.createStatement()) {
            // qualified names, and values (defaults, bucket rows) rendered the same whatever the client's zone
            statement.execute("select pg_catalog.set_config('search_path', '', true),"
                    + " pg_catalog.set_config('TimeZone', 'UTC', true),"
                    + " pg_catalog.set_config('DateStyle', 'ISO, YMD', true),"
                    + " pg_catalog.set_config('IntervalStyle', 'postgres', true),"
                    + " pg_catalog.set_config('extra_float_digits', '3', true)");
        }
        try {
            return readAll(new CatalogQuery(connection, schemas), schemas, WebhookParser.read(connection, rewrites));
        } finally {
            connection.rollback();
            connection.setReadOnly(false);
            connection.setAutoCommit(true);
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
                        context.grants("pg_namespace", row.getLong("oid"), "schema " + row.getString("nspname"))));
        Set<String> missing = new TreeSet<>(schemas);
        found.forEach(schema -> missing.remove(schema.name()));
        if (!missing.isEmpty()) {
            throw new InvalidInputException(
                    "schema(s) not found in the source database: " + String.join(", ", missing));
        }
        List<Catalog.DefaultPrivilege> defaults = DefaultPrivilegeReader.read(context);
        List<Catalog.Extension> extensions = new ArrayList<>();
        query.list("extensions.sql", row -> {
            String name = row.getString("extname");
            if (SUPABASE_EXTENSIONS.contains(name)) {
                context.platform("extension " + name);
            } else {
                extensions.add(new Catalog.Extension(name, row.getString("sql"), row.getString("schema_sql")));
            }
            return name;
        });
        RelationReader relations = new RelationReader(context).read();
        List<Catalog.Table> tables = relations.tables();
        List<Catalog.View> views = relations.views();
        List<Catalog.Type> types = types(context);
        List<Catalog.Sequence> sequences = new ArrayList<>();
        query.list("sequences.sql", row -> {
            Name name = new Name(row.getString("nspname"), row.getString("relname"), row.getString("sql"));
            if (!context.ownedByPlatform(name.schema(), row.getString("owner"), "sequence " + name.display())) {
                sequences.add(sequence(row, name, context));
            }
            return name;
        });
        RoutineReader routines = new RoutineReader(context, schemas, webhookParser);
        List<Catalog.Function> functions = routines.functions();
        List<Catalog.Trigger> triggers = new ArrayList<>();
        List<WebhookSpec> webhooks = new ArrayList<>();
        routines.triggers(triggers, webhooks);
        List<Catalog.Rule> rules = routines.rules();
        List<Catalog.Publication> publications = new PublicationReader(context, schemas).read();
        List<Catalog.Bucket> buckets = BucketReader.read(context);
        query.list("unsupported.sql", row -> {
            context.lost(row.getString("kind") + " " + row.getString("name") + " is not pulled");
            return row;
        });
        return new Catalog(
                found,
                defaults,
                extensions,
                types,
                sequences,
                tables,
                views,
                functions,
                triggers,
                rules,
                webhooks,
                relations.platformTables(),
                publications,
                buckets,
                query.list("api-roles.sql", row -> row.getString("sql")),
                new Catalog.Findings(context.warnings, context.notReproduced, context.leftToPlatform));
    }

    private static List<Catalog.Type> types(ReadContext context) throws SQLException {
        record Row(long oid, Catalog.Type type, String owner, List<Long> depends) {}
        List<Row> rows = context.query.list("types.sql", row -> {
            Name name = new Name(row.getString("nspname"), row.getString("typname"), row.getString("sql"));
            List<String> targets = CatalogQuery.strings(row, "member_comment_targets");
            List<String> texts = CatalogQuery.strings(row, "member_comments");
            List<Catalog.Comment> memberComments = new ArrayList<>();
            for (int i = 0; i < targets.size(); i++) {
                memberComments.add(new Catalog.Comment(targets.get(i), texts.get(i)));
            }
            long oid = row.getLong("oid");
            Catalog.Type type = new Catalog.Type(
                    name,
                    row.getString("typtype").charAt(0),
                    CatalogQuery.strings(row, "labels"),
                    CatalogQuery.strings(row, "attributes"),
                    row.getString("base_type"),
                    row.getString("collation"),
                    row.getBoolean("typnotnull"),
                    row.getString("default_expr"),
                    CatalogQuery.strings(row, "domain_constraints"),
                    Set.of(),
                    // NULL typacl: the default privileges at creation, which pull writes too
                    row.getBoolean("has_acl") ? context.grants("pg_type", oid, "type " + name.display()) : null,
                    memberComments,
                    row.getString("comment"));
            return new Row(oid, type, row.getString("owner"), CatalogQuery.longs(row, "depends"));
        });
        Map<Long, Name> names = new HashMap<>();
        rows.forEach(row -> names.put(row.oid(), row.type().name()));
        List<Catalog.Type> types = new ArrayList<>();
        for (Row row : rows) {
            Catalog.Type type = row.type();
            if (context.ownedByPlatform(
                    type.name().schema(), row.owner(), "type " + type.name().display())) {
                continue;
            }
            if (type.kind() == 'r') {
                context.lost("range type " + type.name().display() + " is not pulled");
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
                    type.collation(),
                    type.notNull(),
                    type.defaultExpr(),
                    type.domainConstraints(),
                    depends,
                    type.grants(),
                    type.memberComments(),
                    type.comment()));
        }
        return types;
    }

    private static Catalog.Sequence sequence(ResultSet row, Name name, ReadContext context) throws SQLException {
        return new Catalog.Sequence(
                name,
                row.getString("data_type"),
                row.getLong("seqstart"),
                row.getLong("seqincrement"),
                row.getLong("seqmin"),
                row.getLong("seqmax"),
                row.getLong("seqcache"),
                row.getBoolean("seqcycle"),
                row.getString("owned_by"),
                context.grants("pg_class", row.getLong("oid"), "sequence " + name.display()),
                row.getString("comment"));
    }
}
