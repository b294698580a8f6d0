package dev.stackinit.migrator.pull;

import dev.stackinit.webhooks.WebhookSpec;
import java.util.List;
import java.util.Set;

/**
 * What pull read from the source database, already sorted by name. Expressions and definitions are the server's own
 * rendering (pg_get_*, format_type) made with an empty search_path, so every name in them is schema-qualified.
 *
 * @param platformTables Supabase-owned tables (storage.objects, auth.*) the app put RLS policies on: only their RLS
 *     state and policies are the app's
 * @param findings what could not be reproduced, what was left to the platform, and other warnings
 */
public record Catalog(
        List<Schema> schemas,
        List<DefaultPrivilege> defaultPrivileges,
        List<Extension> extensions,
        List<Type> types,
        List<Sequence> sequences,
        List<Table> tables,
        List<View> views,
        List<Function> functions,
        List<Trigger> triggers,
        List<Rule> rules,
        List<WebhookSpec> webhooks,
        List<Table> platformTables,
        List<Publication> publications,
        List<Bucket> buckets,
        List<String> apiRoles,
        Findings findings) {

    /** The shape the planner tests build: no publications, buckets, default privileges or platform tables. */
    public Catalog(
            List<Schema> schemas,
            List<Extension> extensions,
            List<Type> types,
            List<Sequence> sequences,
            List<Table> tables,
            List<View> views,
            List<Function> functions,
            List<Trigger> triggers,
            List<WebhookSpec> webhooks,
            List<String> apiRoles,
            List<String> warnings) {
        this(
                schemas,
                List.of(),
                extensions,
                types,
                sequences,
                tables,
                views,
                functions,
                triggers,
                List.of(),
                webhooks,
                List.of(),
                List.of(),
                List.of(),
                apiRoles,
                new Findings(warnings, List.of(), List.of()));
    }

    /**
     * @param warnings worth knowing, nothing lost (a webhook kept as SQL)
     * @param notReproduced what the pulled files do not recreate: each makes pull exit 3 unless --allow-partial
     * @param leftToPlatform what Supabase itself creates on every database (named, not written)
     */
    public record Findings(List<String> warnings, List<String> notReproduced, List<String> leftToPlatform) {
        public Findings {
            warnings = List.copyOf(warnings);
            notReproduced = List.copyOf(notReproduced);
            leftToPlatform = List.copyOf(leftToPlatform);
        }
    }

    /** One privilege of an API role (or PUBLIC) on an object; {@code column} is set for column privileges. */
    public record Grant(String grantee, String privilege, boolean grantable, String column) {}

    /** A {@code COMMENT ON <on> IS <text>} on a part of an object (a composite type's attribute, a view's column). */
    public record Comment(String on, String text) {}

    public record Schema(String name, String sql, String comment, List<Grant> grants) {}

    /**
     * Default privileges of {@code role} for objects of {@code objectType} (pg_default_acl: r tables, S sequences, f
     * functions, T types, n schemas) created in {@code schema}, or in any schema when it is null; {@code grants} is the
     * exact state for PUBLIC, the API roles and the role itself.
     */
    public record DefaultPrivilege(
            String role, String roleSql, String schema, String schemaSql, char objectType, List<Grant> grants) {}

    public record Extension(String name, String sql, String schemaSql) {}

    /** kind: e enum, c composite, d domain. */
    public record Type(
            Name name,
            char kind,
            List<String> labels,
            List<String> attributes,
            String baseType,
            String collation,
            boolean notNull,
            String defaultExpr,
            List<String> domainConstraints,
            Set<Name> dependsOn,
            List<Grant> grants,
            List<Comment> memberComments,
            String comment) {

        public Type(
                Name name,
                char kind,
                List<String> labels,
                List<String> attributes,
                String baseType,
                boolean notNull,
                String defaultExpr,
                List<String> domainConstraints,
                Set<Name> dependsOn,
                String comment) {
            this(
                    name,
                    kind,
                    labels,
                    attributes,
                    baseType,
                    null,
                    notNull,
                    defaultExpr,
                    domainConstraints,
                    dependsOn,
                    null,
                    List.of(),
                    comment);
        }
    }

    public record Sequence(
            Name name,
            String dataType,
            long start,
            long increment,
            long min,
            long max,
            long cache,
            boolean cycle,
            String ownedBy,
            List<Grant> grants,
            String comment) {}

    /**
     * identity: a always, d by default, empty none; generated: s stored, empty none. {@code identitySequence} (quoted)
     * and {@code sequenceGrants}: an identity column's sequence and its privileges, which CREATE TABLE cannot set.
     * {@code statistics}: -1 is the default target; {@code storage}: null when the type's own.
     */
    public record Column(
            String name,
            String sql,
            String type,
            String collation,
            boolean notNull,
            String defaultExpr,
            boolean defaultAfterFunctions,
            String identity,
            String identityOptions,
            String generated,
            String identitySequence,
            List<Grant> sequenceGrants,
            int statistics,
            String storage,
            String comment) {

        public Column(
                String sql,
                String type,
                String collation,
                boolean notNull,
                String defaultExpr,
                boolean defaultAfterFunctions,
                String identity,
                String identityOptions,
                String generated,
                String comment) {
            this(
                    Name.unquote(sql),
                    sql,
                    type,
                    collation,
                    notNull,
                    defaultExpr,
                    defaultAfterFunctions,
                    identity,
                    identityOptions,
                    generated,
                    null,
                    List.of(),
                    -1,
                    null,
                    comment);
        }
    }

    /** type: p, u, c, f, x as in pg_constraint.contype. */
    public record Constraint(
            String sql, char type, String definition, Name references, boolean afterFunctions, String comment) {
        public Constraint(String sql, char type, String definition, Name references, boolean afterFunctions) {
            this(sql, type, definition, references, afterFunctions, null);
        }
    }

    /** {@code name} is quoted and schema-qualified. */
    public record Index(String name, String definition, boolean afterFunctions, String comment) {
        public Index(String name, String definition, boolean afterFunctions) {
            this(name, definition, afterFunctions, null);
        }
    }

    public record Policy(
            String sql,
            boolean permissive,
            String command,
            List<String> roles,
            String using,
            String withCheck,
            boolean afterFunctions,
            String comment) {
        public Policy(
                String sql,
                boolean permissive,
                String command,
                List<String> roles,
                String using,
                String withCheck,
                boolean afterFunctions) {
            this(sql, permissive, command, roles, using, withCheck, afterFunctions, null);
        }
    }

    /** An extended statistics object (CREATE STATISTICS) on the table. */
    public record Statistic(Name name, String definition, String comment) {}

    /**
     * A partition: created with {@code PARTITION OF parent bound}, or, when its columns differ from the parent's (it
     * was created apart and attached), with its own columns and then attached. {@code indexNames}: indexes it got from
     * the parent's (parent index, quoted qualified → its own name) whose names the server would not choose itself.
     */
    public record Partition(Name parent, String bound, boolean attach, List<IndexName> indexNames) {}

    public record IndexName(String parentIndex, String name) {}

    /**
     * replicaIdentity: d default, n nothing, f full, i index ({@code replicaIndex}, quoted); {@code partitionKey}: the
     * PARTITION BY clause of a partitioned table; {@code partition}: set when the table is a partition.
     */
    public record Table(
            Name name,
            boolean unlogged,
            List<Column> columns,
            List<Constraint> constraints,
            List<Index> indexes,
            boolean rowSecurity,
            boolean forceRowSecurity,
            List<Policy> policies,
            List<Grant> grants,
            String comment,
            char replicaIdentity,
            String replicaIndex,
            String clusterIndex,
            List<String> options,
            String partitionKey,
            Partition partition,
            List<Statistic> statistics) {

        public Table(
                Name name,
                boolean unlogged,
                List<Column> columns,
                List<Constraint> constraints,
                List<Index> indexes,
                boolean rowSecurity,
                boolean forceRowSecurity,
                List<Policy> policies,
                List<Grant> grants,
                String comment) {
            this(
                    name,
                    unlogged,
                    columns,
                    constraints,
                    indexes,
                    rowSecurity,
                    forceRowSecurity,
                    policies,
                    grants,
                    comment,
                    'd',
                    null,
                    null,
                    List.of(),
                    null,
                    null,
                    List.of());
        }
    }

    public record View(
            Name name,
            boolean materialized,
            List<String> options,
            String query,
            Set<Name> dependsOn,
            boolean callsFunctions,
            List<Index> indexes,
            List<Grant> grants,
            List<Comment> columnComments,
            String comment) {

        public View(
                Name name,
                boolean materialized,
                List<String> options,
                String query,
                Set<Name> dependsOn,
                boolean callsFunctions,
                List<Index> indexes,
                List<Grant> grants,
                String comment) {
            this(name, materialized, options, query, dependsOn, callsFunctions, indexes, grants, List.of(), comment);
        }
    }

    /**
     * name.name() is the signature, e.g. {@code handle_new_user()}, so overloads stay apart; {@code atomic}: the body is
     * SQL-standard ({@code BEGIN ATOMIC … END}); {@code result}: what it returns (a change needs DROP, not REPLACE).
     */
    public record Function(
            Name name,
            boolean procedure,
            boolean atomic,
            String definition,
            String result,
            Set<Name> dependsOn,
            List<Grant> grants,
            String comment) {

        public Function(
                Name name,
                boolean procedure,
                boolean atomic,
                String definition,
                Set<Name> dependsOn,
                List<Grant> grants,
                String comment) {
            this(name, procedure, atomic, definition, null, dependsOn, grants, comment);
        }
    }

    /** {@code webhook}: it calls a supabase_functions function (what Studio lists as a database webhook). */
    public record Trigger(
            Name table, String name, String sql, String definition, char enabled, String comment, boolean webhook) {
        public Trigger(Name table, String name, String sql, String definition, char enabled, String comment) {
            this(table, name, sql, definition, enabled, comment, false);
        }
    }

    /** A rewrite rule ({@code CREATE RULE}); enabled as pg_rewrite.ev_enabled. */
    public record Rule(Name table, String name, String sql, String definition, char enabled, String comment) {}

    /**
     * A publication. {@code preexisting}: Supabase creates it on every database ({@code supabase_realtime}), so pull
     * only makes sure it exists and writes its settings and members; {@code tables}/{@code schemas}: members pull can
     * recreate.
     */
    public record Publication(
            String name,
            String sql,
            boolean preexisting,
            boolean allTables,
            List<String> publish,
            boolean viaRoot,
            List<PublicationTable> tables,
            List<String> schemas,
            String comment) {

        /** The members need supabase_admin: all tables or whole schemas (superuser only), or Supabase-owned tables. */
        public boolean needsAdmin() {
            return allTables
                    || !schemas.isEmpty()
                    || tables.stream()
                            .anyMatch(t -> SupabaseSchemas.isOwned(t.table().schema()));
        }
    }

    /** A table in a publication: its column list (empty: every column) and row filter (null: every row). */
    public record PublicationTable(Name table, List<String> columns, String rowFilter) {}

    /** One row of storage.buckets: quoted column names and SQL literals of its values, in column order. */
    public record Bucket(String id, List<String> columns, List<String> values) {}
}
