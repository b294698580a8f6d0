package dev.stackinit.provision;

import dev.stackinit.seeder.Mode;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A validated config: every value parsed, every path resolved against the config file's folder and found to exist. The
 * steps run from this only, so nothing they do can fail on a typo that validation could have caught.
 */
public record ProvisionSettings(Optional<Keys> keys, Optional<Mongo> mongo, Optional<Supabase> supabase) {

    public enum KeysMode {
        VERIFY,
        GENERATE
    }

    /**
     * @param envFiles as written in the config, for messages
     * @param envPaths resolved
     */
    public record Keys(
            KeysMode mode, List<String> envFiles, List<Path> envPaths, Optional<Path> mapping, boolean allowDemo) {
        public Keys {
            envFiles = List.copyOf(envFiles);
            envPaths = List.copyOf(envPaths);
        }
    }

    /**
     * @param seedDir the folder to import, when there is no source to clone from
     * @param seedDirName as written in the config, for messages
     */
    public record Mongo(
            String uri,
            Optional<String> replicaSet,
            Optional<String> memberHost,
            Optional<String> sourceUri,
            Optional<Path> seedDir,
            String seedDirName,
            List<String> databases,
            Mode mode,
            Duration waitTimeout) {
        public Mongo {
            databases = List.copyOf(databases);
        }
    }

    /**
     * @param migrations the phase folders; empty: the step waits for the database and bootstraps it, nothing more
     * @param migrationsName as written in the config, for messages
     */
    public record Supabase(
            String databaseUrl,
            Optional<String> adminUrl,
            Optional<Path> migrations,
            String migrationsName,
            Optional<String> waitForTable,
            Map<String, String> placeholders,
            boolean bootstrap,
            Duration waitTimeout) {
        public Supabase {
            placeholders = Map.copyOf(placeholders);
        }
    }
}
