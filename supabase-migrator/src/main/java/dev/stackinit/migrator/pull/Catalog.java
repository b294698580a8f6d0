package dev.stackinit.migrator.pull;

import dev.stackinit.webhooks.WebhookSpec;
import java.util.List;
import java.util.Set;

/**
 * What pull read from the source database, already sorted by name. Expressions and definitions are the server's own
 * rendering (pg_get_*, format_type) made with an empty search_path, so every name in them is schema-qualified.
 */
public record Catalog(
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

    /** One privilege of an API role (or PUBLIC) on an object; {@code column} is set for column privileges. */
    public record Grant(String grantee, String privilege, boolean grantable, String column) {}

    public record Schema(String name, String sql, String comment, List<Grant> grants) {}

    public record Extension(String name, String sql, String schemaSql) {}

    /** kind: e enum, c composite, d domain. */
    public record Type(
            Name name,
            char kind,
            List<String> labels,
            List<String> attributes,
            String baseType,
            boolean notNull,
            String defaultExpr,
            List<String> domainConstraints,
            Set<Name> dependsOn,
            String comment) {}

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

    /** identity: a always, d by default, empty none; generated: s stored, empty none. */
    public record Column(
            String sql,
            String type,
            String collation,
            boolean notNull,
            String defaultExpr,
            boolean defaultAfterFunctions,
            String identity,
            String identityOptions,
            String generated,
            String comment) {}

    /** type: p, u, c, f, x as in pg_constraint.contype. */
    public record Constraint(String sql, char type, String definition, Name references, boolean afterFunctions) {}

    public record Index(String name, String definition, boolean afterFunctions) {}

    public record Policy(
            String sql,
            boolean permissive,
            String command,
            List<String> roles,
            String using,
            String withCheck,
            boolean afterFunctions) {}

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
            String comment) {}

    public record View(
            Name name,
            boolean materialized,
            List<String> options,
            String query,
            Set<Name> dependsOn,
            boolean callsFunctions,
            List<Index> indexes,
            List<Grant> grants,
            String comment) {}

    /**
     * name.name() is the signature, e.g. {@code handle_new_user()}, so overloads stay apart; {@code atomic}: the body is
     * SQL-standard ({@code BEGIN ATOMIC … END}).
     */
    public record Function(
            Name name,
            boolean procedure,
            boolean atomic,
            String definition,
            Set<Name> dependsOn,
            List<Grant> grants,
            String comment) {}

    public record Trigger(Name table, String name, String sql, String definition, char enabled, String comment) {}
}
