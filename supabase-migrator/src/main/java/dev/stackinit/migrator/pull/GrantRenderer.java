package dev.stackinit.migrator.pull;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Privileges of PUBLIC and the API roles, written so the result does not depend on the target's default privileges:
 * revoke everything from them first, then grant exactly what the source has.
 */
final class GrantRenderer {
    private final List<String> apiRoles;

    GrantRenderer(List<String> apiRoles) {
        this.apiRoles = List.copyOf(apiRoles);
    }

    /** {@code kind} is TABLE, SEQUENCE, FUNCTION or PROCEDURE. */
    void exact(SqlFile file, String kind, String object, List<Catalog.Grant> grants) {
        String roles = String.join(", ", concat("PUBLIC", apiRoles));
        file.statement("REVOKE ALL ON " + kind + " " + object + " FROM " + roles);
        grantEach(file, kind, object, grants);
    }

    /** Only adds grants; for schemas, whose privileges the platform manages too. */
    void additive(SqlFile file, String kind, String object, List<Catalog.Grant> grants) {
        grantEach(
                file,
                kind,
                object,
                grants.stream().filter(g -> !"PUBLIC".equals(g.grantee())).toList());
    }

    private static void grantEach(SqlFile file, String kind, String object, List<Catalog.Grant> grants) {
        // key: grantee, grant option, column list; value: privileges (sorted for a stable text)
        Map<String, java.util.TreeSet<String>> byTarget = new TreeMap<>();
        Map<String, Map<String, java.util.TreeSet<String>>> columnGrants = new TreeMap<>();
        for (Catalog.Grant grant : grants) {
            String key = grant.grantee() + (grant.grantable() ? " WITH GRANT OPTION" : "");
            if (grant.column() == null) {
                byTarget.computeIfAbsent(key, k -> new java.util.TreeSet<>()).add(grant.privilege());
            } else {
                columnGrants
                        .computeIfAbsent(key, k -> new TreeMap<>())
                        .computeIfAbsent(grant.privilege(), k -> new java.util.TreeSet<>())
                        .add(grant.column());
            }
        }
        // roles with the same privileges share one statement
        Map<String, List<String>> byPrivileges = new TreeMap<>();
        byTarget.forEach((key, privileges) -> {
            String option = key.endsWith(" WITH GRANT OPTION") ? " WITH GRANT OPTION" : "";
            String grantee = key.substring(0, key.length() - option.length());
            byPrivileges
                    .computeIfAbsent(String.join(", ", privileges) + "|" + option, k -> new java.util.ArrayList<>())
                    .add(grantee);
        });
        byPrivileges.forEach((key, grantees) -> {
            String[] parts = key.split("\\|", 2);
            file.statement("GRANT " + parts[0] + " ON " + kind + " " + object + " TO " + String.join(", ", grantees)
                    + parts[1]);
        });
        columnGrants.forEach((key, privileges) -> privileges.forEach((privilege, columns) -> file.statement("GRANT "
                + privilege + " (" + columns.stream().collect(Collectors.joining(", ")) + ") ON " + kind + " " + object
                + " TO " + key)));
    }

    private static List<String> concat(String first, List<String> rest) {
        return java.util.stream.Stream.concat(java.util.stream.Stream.of(first), rest.stream())
                .toList();
    }
}
