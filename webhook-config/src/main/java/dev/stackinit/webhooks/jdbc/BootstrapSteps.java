package dev.stackinit.webhooks.jdbc;

import static dev.stackinit.webhooks.SqlQuoting.literal;

import java.util.ArrayList;
import java.util.List;

/**
 * What every part of the bootstrap shares: the connection, the catalog checks, and the record of the steps that ran.
 * A step runs only when its check says something is missing or different, so a second run records nothing.
 */
final class BootstrapSteps {
    /** The roles Supabase's set-up grants to, in its order. */
    static final List<String> API_ROLES = List.of("postgres", "anon", "authenticated", "service_role");

    final Sql sql;
    private final List<String> actions = new ArrayList<>();
    private final List<String> warnings = new ArrayList<>();

    BootstrapSteps(Sql sql) {
        this.sql = sql;
    }

    void step(String description, boolean needed, String... statements) {
        if (needed) {
            for (String statement : statements) {
                sql.execute(statement);
            }
            actions.add(description);
        }
    }

    void warn(String warning) {
        warnings.add(warning);
    }

    List<String> actions() {
        return actions;
    }

    List<String> warnings() {
        return warnings;
    }

    boolean fact(String query, String... parameters) {
        return sql.queryBoolean(query, parameters);
    }

    boolean roleExists(String role) {
        return fact("SELECT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = ?)", role);
    }

    /** The API roles this server has (a plain PostgreSQL may lack some). */
    List<String> apiRoles() {
        return API_ROLES.stream().filter(this::roleExists).toList();
    }

    /** Whether {@code role} holds every one of {@code privileges} on the object (has_*_privilege says "any of"). */
    boolean holdsAll(String function, String role, String object, List<String> privileges) {
        return privileges.stream().allMatch(p -> fact("SELECT " + function + "(?, ?, ?)", role, object, p));
    }

    /**
     * An ACL entry naming {@code role} itself (not a privilege it holds through PUBLIC or a membership).
     *
     * @param aclQuery a query returning the object's ACL as column {@code acl}
     */
    boolean explicitGrant(String aclQuery, String role, String privilege) {
        return fact("SELECT EXISTS (SELECT 1 FROM (" + aclQuery + ") o, aclexplode(o.acl) a"
                + " WHERE a.grantee = " + literal(role) + "::regrole AND a.privilege_type = " + literal(privilege)
                + ")");
    }
}
