package dev.stackinit.provision;

import java.util.List;
import java.util.Map;

/**
 * What {@code stack-init provision} does, from {@code stack-init.yml} and the environment. A step runs only when its
 * section is present. Names are snake_case in YAML; every setting is also {@code STACK_INIT_<SECTION>_<KEY>}.
 */
public record ProvisionConfig(Keys keys, Mongo mongo, Supabase supabase) {

    /** keys: verify the env files (default), or generate missing values into them. */
    public record Keys(String mode, List<String> envFiles, String mapping, Boolean allowDemo) {
        public boolean generate() {
            return "generate".equals(mode);
        }
    }

    /** mongo: replica-set initiation, then a clone (source_uri) or an import (seed_dir). */
    public record Mongo(
            String uri,
            String replicaSet,
            String memberHost,
            String sourceUri,
            String seedDir,
            List<String> databases,
            String mode,
            Integer waitTimeoutSeconds) {}

    /** supabase: built-in bootstrap, then the migrations (whose webhooks/ phase applies the webhook YAML). */
    public record Supabase(
            String databaseUrl,
            String adminUrl,
            String migrations,
            String waitForTable,
            Map<String, String> placeholders,
            Boolean bootstrap,
            Integer waitTimeoutSeconds) {}

    public boolean isEmpty() {
        return keys == null && mongo == null && supabase == null;
    }
}
