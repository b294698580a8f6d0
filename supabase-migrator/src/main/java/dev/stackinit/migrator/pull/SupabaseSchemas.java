package dev.stackinit.migrator.pull;

import java.util.Set;

/**
 * Schemas and roles that Supabase itself (the image, GoTrue, Storage, Realtime, extensions) creates and owns. An object
 * in one of these schemas owned by one of these roles is the platform's: every Supabase database gets it anew.
 */
public final class SupabaseSchemas {
    private static final Set<String> OWNED = Set.of(
            "auth",
            "storage",
            "realtime",
            "_realtime",
            "extensions",
            "graphql",
            "graphql_public",
            "supabase_functions",
            "supabase_migrations",
            "net",
            "pgsodium",
            "pgsodium_masks",
            "vault",
            "pgbouncer",
            "cron",
            "_analytics",
            "_supavisor",
            "pgtle");

    private static final Set<String> PLATFORM_ROLES = Set.of(
            "supabase_admin",
            "supabase_auth_admin",
            "supabase_storage_admin",
            "supabase_realtime_admin",
            "supabase_functions_admin",
            "supabase_replication_admin",
            "supabase_read_only_user",
            "supabase_etl_admin",
            "supabase_superuser",
            "supabase_privileged_role",
            "dashboard_user",
            "authenticator",
            "pgbouncer",
            "pgsodium_keyholder",
            "pgsodium_keyiduser",
            "pgsodium_keymaker");

    /** The roles PostgREST switches to: their privileges are what the app's API exposes. */
    public static final Set<String> API_ROLES = Set.of("anon", "authenticated", "service_role");

    private SupabaseSchemas() {}

    public static boolean isOwned(String schema) {
        return OWNED.contains(schema) || schema.startsWith("graphql") || isSystem(schema);
    }

    /** Never pulled, even when asked: PostgreSQL's own schemas. */
    public static boolean isSystem(String schema) {
        return schema.startsWith("pg_") || "information_schema".equals(schema);
    }

    /**
     * Roles of the platform: their privileges and default privileges are the platform's to manage, and what they own in
     * a Supabase schema is the platform's. (postgres is not one: it owns the app's objects.)
     */
    public static boolean isPlatformRole(String role) {
        return PLATFORM_ROLES.contains(role) || role.startsWith("pg_");
    }

    /** PUBLIC or an API role: the grantees pull writes exactly. */
    public static boolean isManagedGrantee(String role) {
        return "PUBLIC".equals(role) || API_ROLES.contains(role);
    }
}
