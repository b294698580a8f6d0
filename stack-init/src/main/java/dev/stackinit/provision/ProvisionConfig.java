package dev.stackinit.provision;

import java.util.List;
import java.util.Map;

/**
 * {@code stack-init.yml} and the environment as read, before validation ({@link ConfigValidator} turns it into
 * {@link ProvisionSettings}). A step runs only when its section is present. Names are snake_case in YAML; every setting
 * is also {@code STACK_INIT_<SECTION>_<KEY>}.
 */
public record ProvisionConfig(Keys keys, Mongo mongo, Supabase supabase) {

    /** keys: verify the env files (default), or generate missing values into them. */
    public record Keys(String mode, List<String> envFiles, String mapping, Boolean allowDemo) {}

    /**
     * mongo: replica-set initiation, then a clone (source_uri) or an import (seed_dir).
     *
     * @param waitTimeout how long to wait for a server: 30s, 2m, …
     * @param waitTimeoutSeconds the old spelling of wait_timeout, in whole seconds
     */
    public record Mongo(
            String uri,
            String replicaSet,
            String memberHost,
            String sourceUri,
            String seedDir,
            List<String> databases,
            String mode,
            String waitTimeout,
            Integer waitTimeoutSeconds) {}

    /**
     * supabase: built-in bootstrap, then the migrations (whose webhooks/ phase applies the webhook YAML).
     *
     * @param waitTimeout how long to wait for the database and wait_for_table: 30s, 2m, …
     * @param waitTimeoutSeconds the old spelling of wait_timeout, in whole seconds
     */
    public record Supabase(
            String databaseUrl,
            String adminUrl,
            String migrations,
            String waitForTable,
            Map<String, String> placeholders,
            Boolean bootstrap,
            String waitTimeout,
            Integer waitTimeoutSeconds) {}

    public boolean isEmpty() {
        return keys == null && mongo == null && supabase == null;
    }
}
