package dev.stackinit.migrator.pull;

import dev.stackinit.webhooks.UrlRewrite;
import java.nio.file.Path;
import java.util.List;

/**
 * What to pull and where: {@code schemas} (default public), plus every Supabase-owned schema the source has when
 * {@code includeSupabaseSchemas} (only the app's objects in them: the platform's own are left to the platform);
 * {@code rewrites} apply to webhook URLs.
 */
public record PullRequest(Path out, List<String> schemas, boolean includeSupabaseSchemas, List<UrlRewrite> rewrites) {
    public PullRequest {
        schemas = List.copyOf(schemas);
        rewrites = List.copyOf(rewrites);
    }
}
