package dev.stackinit.migrator.pull;

import java.util.Set;

/** Schemas that Supabase itself (the image, GoTrue, Storage, Realtime, extensions) creates and owns. */
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

    private SupabaseSchemas() {}

    public static boolean isOwned(String schema) {
        return OWNED.contains(schema) || schema.startsWith("graphql") || isSystem(schema);
    }

    /** Never pulled, even when asked: PostgreSQL's own schemas. */
    public static boolean isSystem(String schema) {
        return schema.startsWith("pg_") || "information_schema".equals(schema);
    }
}
