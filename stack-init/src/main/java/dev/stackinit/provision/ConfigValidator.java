package dev.stackinit.provision;

import com.mongodb.ConnectionString;
import dev.stackinit.errors.InvalidInputException;
import dev.stackinit.errors.ToolException;
import dev.stackinit.migrator.MigrationScanner;
import dev.stackinit.migrator.jdbc.DatabaseUrl;
import dev.stackinit.provision.ProvisionSettings.KeysMode;
import dev.stackinit.seeder.Mode;
import dev.stackinit.shared.Durations;
import dev.stackinit.shared.SecretMasker;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Checks a whole config before any step runs: required values, enums, durations, URLs, and every path (relative paths
 * start at the config file's folder). Every problem is collected, and all of them make one error line (exit 3), so a
 * run never stops half-way on something a look at the file could have found.
 */
public final class ConfigValidator {
    static final Duration DEFAULT_WAIT = Duration.ofSeconds(60);
    private static final List<String> DEFAULT_DATABASES = List.of("__models__");

    private final Path base;
    private final String source;
    private final List<String> problems = new ArrayList<>();
    private Optional<Duration> waitOverride = Optional.empty();

    /**
     * @param base the folder relative paths start at: the config file's, or the working directory without one
     * @param source the config file (or "configuration" for the environment alone), for the error line
     */
    public ConfigValidator(Path base, String source) {
        this.base = base.toAbsolutePath().normalize();
        this.source = source;
    }

    /** A --wait-timeout given on the command line: every step waits that long, whatever its wait_timeout says. */
    public ConfigValidator waitTimeout(Optional<Duration> override) {
        this.waitOverride = override;
        return this;
    }

    public ProvisionSettings validate(ProvisionConfig config) {
        if (config.isEmpty()) {
            throw new InvalidInputException(
                    "nothing to provision: give --config stack-init.yml or STACK_INIT_* variables (see --help)");
        }
        ProvisionSettings settings = new ProvisionSettings(
                Optional.ofNullable(config.keys()).map(this::keys),
                Optional.ofNullable(config.mongo()).map(this::mongo),
                Optional.ofNullable(config.supabase()).map(this::supabase));
        if (!problems.isEmpty()) {
            throw new InvalidInputException(source + ": " + String.join("; ", problems));
        }
        return settings;
    }

    private ProvisionSettings.Keys keys(ProvisionConfig.Keys keys) {
        KeysMode mode = KeysMode.VERIFY;
        if (keys.mode() != null) {
            switch (keys.mode().strip().toLowerCase(Locale.ROOT)) {
                case "verify" -> mode = KeysMode.VERIFY;
                case "generate" -> mode = KeysMode.GENERATE;
                default -> problems.add("keys.mode must be verify or generate, got '" + keys.mode() + "'");
            }
        }
        List<String> names = keys.envFiles() == null ? List.of() : keys.envFiles();
        if (names.isEmpty()) {
            problems.add("keys.env_files is required (e.g. env_files: [.env])");
        }
        List<Path> paths = new ArrayList<>();
        for (String name : names) {
            Path path = base.resolve(name).normalize();
            paths.add(path);
            if (!Files.isRegularFile(path)) {
                Path example = path.resolveSibling(path.getFileName() + ".example");
                problems.add("keys.env_files: " + name + " not found in " + base
                        + (Files.isRegularFile(example) ? " (copy " + example.getFileName() + " to it first)" : ""));
            }
        }
        Optional<Path> mapping = Optional.ofNullable(keys.mapping()).map(m -> existing("keys.mapping", m, false));
        return new ProvisionSettings.Keys(mode, names, paths, mapping, Boolean.TRUE.equals(keys.allowDemo()));
    }

    private ProvisionSettings.Mongo mongo(ProvisionConfig.Mongo mongo) {
        String uri = required("mongo.uri", mongo.uri());
        mongoUri("mongo.uri", uri);
        Optional<String> sourceUri = Optional.ofNullable(blankToNull(mongo.sourceUri()));
        sourceUri.ifPresent(s -> mongoUri("mongo.source_uri", s));
        List<String> databases =
                mongo.databases() == null || mongo.databases().isEmpty() ? DEFAULT_DATABASES : mongo.databases();
        if (databases.stream().anyMatch(d -> d == null || d.isBlank())) {
            problems.add("mongo.databases holds an empty name");
        }
        Optional<Path> seedDir = Optional.empty();
        String seedName = blankToNull(mongo.seedDir());
        if (sourceUri.isEmpty() && seedName != null) {
            seedDir = Optional.ofNullable(existing("mongo.seed_dir", seedName, true));
            if (databases.size() != 1) {
                problems.add("mongo.databases: an import fills one database, got " + databases);
            }
        }
        Mode mode = Mode.IF_COMPLETE;
        if (mongo.mode() != null) {
            try {
                mode = Mode.parse(mongo.mode());
            } catch (IllegalArgumentException e) {
                problems.add("mongo.mode must be replace, if-complete or upsert, got '" + mongo.mode() + "'");
            }
        }
        String replicaSet = blankToNull(mongo.replicaSet());
        if (replicaSet == null && mongo.memberHost() != null) {
            problems.add("mongo.member_host is set but replica_set is not: member_host is for rs-init");
        }
        return new ProvisionSettings.Mongo(
                uri,
                Optional.ofNullable(replicaSet),
                Optional.ofNullable(blankToNull(mongo.memberHost())),
                sourceUri,
                seedDir,
                seedName,
                databases,
                mode,
                waitTimeout("mongo", mongo.waitTimeout(), mongo.waitTimeoutSeconds()));
    }

    private ProvisionSettings.Supabase supabase(ProvisionConfig.Supabase supabase) {
        String databaseUrl = required("supabase.database_url", supabase.databaseUrl());
        postgresUrl("supabase.database_url", databaseUrl);
        Optional<String> adminUrl = Optional.ofNullable(blankToNull(supabase.adminUrl()));
        adminUrl.ifPresent(url -> postgresUrl("supabase.admin_url", url));
        String migrationsName = blankToNull(supabase.migrations());
        Path migrations = migrationsName == null ? null : existing("supabase.migrations", migrationsName, true);
        if (migrations != null && Files.isDirectory(migrations)) {
            try {
                new MigrationScanner().scan(migrations);
            } catch (ToolException e) {
                problems.add("supabase.migrations: " + e.getMessage());
            }
        }
        return new ProvisionSettings.Supabase(
                databaseUrl,
                adminUrl,
                Optional.ofNullable(migrations),
                migrationsName,
                Optional.ofNullable(blankToNull(supabase.waitForTable())),
                supabase.placeholders() == null ? Map.of() : supabase.placeholders(),
                !Boolean.FALSE.equals(supabase.bootstrap()),
                waitTimeout("supabase", supabase.waitTimeout(), supabase.waitTimeoutSeconds()));
    }

    /** wait_timeout (a duration; 0s = one attempt), or its old spelling wait_timeout_seconds; never both. */
    private Duration waitTimeout(String section, String text, Integer seconds) {
        Duration configured = configuredWait(section, text, seconds);
        return waitOverride.orElse(configured);
    }

    private Duration configuredWait(String section, String text, Integer seconds) {
        if (text != null && seconds != null) {
            problems.add(section + ": give wait_timeout only (wait_timeout_seconds is its old spelling), not both");
            return DEFAULT_WAIT;
        }
        if (seconds != null) {
            if (seconds < 0) {
                problems.add(section + ".wait_timeout_seconds must not be negative, got " + seconds);
                return DEFAULT_WAIT;
            }
            return Duration.ofSeconds(seconds);
        }
        if (text == null) {
            return DEFAULT_WAIT;
        }
        try {
            return Durations.parseNonNegative(text);
        } catch (Durations.InvalidDurationException e) {
            problems.add(section + ".wait_timeout: " + e.getMessage());
            return DEFAULT_WAIT;
        }
    }

    private Path existing(String key, String name, boolean folder) {
        Path path = base.resolve(name).normalize();
        if (folder ? !Files.isDirectory(path) : !Files.isRegularFile(path)) {
            problems.add(key + ": " + (folder ? "folder " : "file ") + name + " not found"
                    + (Path.of(name).isAbsolute() ? "" : " in " + base));
        }
        return path;
    }

    private String required(String key, String value) {
        if (value == null || value.isBlank()) {
            problems.add(key + " is required");
            return null;
        }
        return value;
    }

    private void mongoUri(String key, String uri) {
        if (uri == null) {
            return;
        }
        try {
            new ConnectionString(uri);
        } catch (IllegalArgumentException e) {
            SecretMasker masker = SecretMasker.urisOnly();
            problems.add(key + " is not a MongoDB URI (" + masker.mask(uri) + "): " + masker.mask(e.getMessage()));
        }
    }

    private void postgresUrl(String key, String url) {
        if (url == null) {
            return;
        }
        try {
            DatabaseUrl.parse(url, null);
        } catch (ToolException e) {
            problems.add(key + ": " + e.getMessage());
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
