package dev.stackinit.migrator.pull;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Default privileges (pg_default_acl). Those of postgres, the role migrate creates objects as, are read as exact state
 * for every object type, globally and per pulled schema, the built-in default filling in where there is no entry: the
 * target may have other entries (a fresh Supabase database grants the API roles everything), and only the exact state
 * undoes them. Other roles' entries are the platform's (supabase_admin's: postgres could not set them anyway) or, for
 * the app's own roles, not reproducible.
 */
final class DefaultPrivilegeReader {
    private record Key(String role, String roleSql, String schema, String schemaSql, char type) {}

    private DefaultPrivilegeReader() {}

    static List<Catalog.DefaultPrivilege> read(ReadContext context) throws SQLException {
        Map<Key, List<Catalog.Grant>> byKey = new LinkedHashMap<>();
        Map<Key, Set<String>> others = new LinkedHashMap<>();
        context.query.list("default-privileges.sql", row -> {
            Key key = new Key(
                    row.getString("role"),
                    row.getString("role_sql"),
                    row.getString("nspname"),
                    row.getString("schema_sql"),
                    row.getString("objtype").charAt(0));
            List<Catalog.Grant> grants = byKey.computeIfAbsent(key, k -> new ArrayList<>());
            String grantee = row.getString("grantee_name");
            if (grantee == null) {
                return key;
            }
            if (SupabaseSchemas.isManagedGrantee(grantee) || grantee.equals(key.role())) {
                grants.add(new Catalog.Grant(
                        row.getString("grantee"),
                        row.getString("privilege_type"),
                        row.getBoolean("is_grantable"),
                        null));
            } else if (!SupabaseSchemas.isPlatformRole(grantee)) {
                others.computeIfAbsent(key, k -> new TreeSet<>()).add(grantee);
            }
            return key;
        });
        others.forEach((key, roles) -> context.lost("default privileges of " + key.role() + " for role(s) "
                + String.join(", ", roles) + " on " + describe(key.type(), key.schema())
                + " (roles are not pulled)"));
        context.query.list("default-privileges-others.sql", row -> {
            String role = row.getString("role");
            String what = "default privileges of " + role + " on "
                    + describe(row.getString("objtype").charAt(0), row.getString("nspname"));
            if (SupabaseSchemas.isPlatformRole(role)) {
                context.platform(what);
            } else {
                context.lost(what + " (only postgres's are pulled: migrate creates every object as postgres)");
            }
            return role;
        });
        List<Catalog.DefaultPrivilege> result = new ArrayList<>();
        byKey.forEach((key, grants) -> result.add(new Catalog.DefaultPrivilege(
                key.role(), key.roleSql(), key.schema(), key.schemaSql(), key.type(), List.copyOf(grants))));
        return result;
    }

    /** {@code tables in schema public}, {@code functions in every schema}. */
    static String describe(char type, String schema) {
        return objects(type).toLowerCase(java.util.Locale.ROOT)
                + (schema == null ? " in every schema" : " in schema " + schema);
    }

    /** The ALTER DEFAULT PRIVILEGES keyword of a pg_default_acl object type. */
    static String objects(char type) {
        return switch (type) {
            case 'r' -> "TABLES";
            case 'S' -> "SEQUENCES";
            case 'f' -> "FUNCTIONS";
            case 'T' -> "TYPES";
            case 'n' -> "SCHEMAS";
            default -> throw new IllegalArgumentException("unknown default ACL object type " + type);
        };
    }
}
