package dev.stackinit.migrator.pull;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * Privileges of PUBLIC and the API roles, written so the result does not depend on the target's defaults: revoke
 * everything from them first, then grant exactly what the source has. Column privileges come after the table's REVOKE
 * ALL, which revokes them too.
 */
final class GrantRenderer {
    private final List<String> apiRoles;

    GrantRenderer(List<String> apiRoles) {
        this.apiRoles = List.copyOf(apiRoles);
    }

    /** {@code kind} is TABLE, SEQUENCE, FUNCTION, PROCEDURE, SCHEMA or TYPE. */
    void exact(SqlFile file, String kind, String object, List<Catalog.Grant> grants) {
        file.statement("REVOKE ALL ON " + kind + " " + object + " FROM " + String.join(", ", managed()));
        grantEach(file, "", " ON " + kind + " " + object, grants);
    }

    /**
     * The exact default privileges of one role and object type (in one schema, or globally): revoke from PUBLIC, the
     * API roles and the role itself, then grant what the source has. The server drops the entry again when the result
     * is the built-in default.
     */
    void defaults(SqlFile file, Catalog.DefaultPrivilege privileges) {
        String prefix = "ALTER DEFAULT PRIVILEGES FOR ROLE " + privileges.roleSql()
                + (privileges.schema() == null ? "" : " IN SCHEMA " + privileges.schemaSql()) + " ";
        String objects = DefaultPrivilegeReader.objects(privileges.objectType());
        List<String> roles = new ArrayList<>(managed());
        roles.add(privileges.roleSql());
        file.statement(prefix + "REVOKE ALL ON " + objects + " FROM " + String.join(", ", roles));
        grantEach(file, prefix, " ON " + objects, privileges.grants());
    }

    private List<String> managed() {
        return Stream.concat(Stream.of("PUBLIC"), apiRoles.stream()).toList();
    }

    private static void grantEach(SqlFile file, String prefix, String on, List<Catalog.Grant> grants) {
        // key: grantee and grant option; value: privileges (sorted for a stable text)
        Map<String, TreeSet<String>> byTarget = new TreeMap<>();
        Map<String, Map<String, TreeSet<String>>> columnGrants = new TreeMap<>();
        for (Catalog.Grant grant : grants) {
            String key = grant.grantee() + (grant.grantable() ? " WITH GRANT OPTION" : "");
            if (grant.column() == null) {
                byTarget.computeIfAbsent(key, k -> new TreeSet<>()).add(grant.privilege());
            } else {
                columnGrants
                        .computeIfAbsent(key, k -> new TreeMap<>())
                        .computeIfAbsent(grant.privilege(), k -> new TreeSet<>())
                        .add(grant.column());
            }
        }
        // roles with the same privileges share one statement
        Map<String, List<String>> byPrivileges = new TreeMap<>();
        byTarget.forEach((key, privileges) -> {
            String option = key.endsWith(" WITH GRANT OPTION") ? " WITH GRANT OPTION" : "";
            String grantee = key.substring(0, key.length() - option.length());
            byPrivileges
                    .computeIfAbsent(String.join(", ", privileges) + "|" + option, k -> new ArrayList<>())
                    .add(grantee);
        });
        byPrivileges.forEach((key, grantees) -> {
            String[] parts = key.split("\\|", 2);
            file.statement(prefix + "GRANT " + parts[0] + on + " TO " + String.join(", ", grantees) + parts[1]);
        });
        columnGrants.forEach((key, privileges) -> privileges.forEach((privilege, columns) -> file.statement(
                prefix + "GRANT " + privilege + " (" + String.join(", ", columns) + ")" + on + " TO " + key)));
    }
}
