package dev.stackinit.provision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stackinit.errors.InvalidInputException;
import dev.stackinit.provision.io.ConfigLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigValidatorTest {
    @TempDir
    Path dir;

    private Path config;

    @BeforeEach
    void files() throws Exception {
        Path conf = Files.createDirectories(dir.resolve("conf"));
        Files.writeString(conf.resolve(".env"), "JWT_SECRET=\n");
        Files.writeString(conf.resolve("mapping.yml"), "source: .env\n");
        Files.createDirectories(conf.resolve("seed"));
        Files.createDirectories(conf.resolve("migrations/tables"));
        Files.writeString(conf.resolve("migrations/tables/001_a.sql"), "select 1;");
        config = conf.resolve("stack-init.yml");
    }

    private ProvisionSettings validate(String yaml) throws Exception {
        return validate(yaml, Map.of());
    }

    private ProvisionSettings validate(String yaml, Map<String, String> env) throws Exception {
        Files.writeString(config, yaml);
        return new ConfigValidator(config.getParent(), config.toString())
                .validate(new ConfigLoader().load(config, env));
    }

    private static final String VALID = """
            keys:
              mode: generate
              env_files: [.env]
              mapping: mapping.yml
            mongo:
              uri: mongodb://localhost:27017/?directConnection=true
              seed_dir: seed
              wait_timeout: 30s
            supabase:
              database_url: postgres://postgres@localhost:5432/postgres
              migrations: migrations
              wait_timeout_seconds: 15
            """;

    @Test
    void everyPathStartsAtTheConfigFilesFolderAndValuesAreTyped() throws Exception {
        ProvisionSettings settings = validate(VALID);

        Path base = config.getParent().toAbsolutePath();
        assertThat(settings.keys().orElseThrow().envPaths()).containsExactly(base.resolve(".env"));
        assertThat(settings.keys().orElseThrow().mode()).isEqualTo(ProvisionSettings.KeysMode.GENERATE);
        assertThat(settings.keys().orElseThrow().mapping()).contains(base.resolve("mapping.yml"));
        assertThat(settings.mongo().orElseThrow().seedDir()).contains(base.resolve("seed"));
        assertThat(settings.mongo().orElseThrow().waitTimeout()).isEqualTo(Duration.ofSeconds(30));
        assertThat(settings.mongo().orElseThrow().databases()).containsExactly("__models__");
        assertThat(settings.supabase().orElseThrow().migrations()).contains(base.resolve("migrations"));
        // the old spelling still reads
        assertThat(settings.supabase().orElseThrow().waitTimeout()).isEqualTo(Duration.ofSeconds(15));
    }

    @Test
    void anUnknownKeysModeIsInvalidNotVerify() {
        assertThatThrownBy(() -> validate(VALID.replace("mode: generate", "mode: explode")))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("keys.mode must be verify or generate, got 'explode'");
    }

    @Test
    void negativeOrUnreadableWaitTimeoutsAreInvalid() {
        assertThatThrownBy(() -> validate(VALID.replace("wait_timeout_seconds: 15", "wait_timeout_seconds: -3")))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("supabase.wait_timeout_seconds must not be negative, got -3");
        assertThatThrownBy(() -> validate(VALID.replace("wait_timeout: 30s", "wait_timeout: -5s")))
                .hasMessageContaining("mongo.wait_timeout: '-5s' must not be negative");
        assertThatThrownBy(() -> validate(VALID.replace("wait_timeout: 30s", "wait_timeout: soon")))
                .hasMessageContaining("mongo.wait_timeout: 'soon' is not a duration");
        assertThatThrownBy(() -> validate(
                        VALID.replace("wait_timeout_seconds: 15", "wait_timeout_seconds: 15\n  wait_timeout: 1m")))
                .hasMessageContaining("give wait_timeout only");
    }

    @Test
    void theEnvironmentGivesTheNewSpellingToo() throws Exception {
        ProvisionSettings settings = validate(
                VALID.replace("  wait_timeout_seconds: 15\n", ""), Map.of("STACK_INIT_SUPABASE_WAIT_TIMEOUT", "2m"));
        assertThat(settings.supabase().orElseThrow().waitTimeout()).isEqualTo(Duration.ofMinutes(2));
    }

    @Test
    void everyProblemIsNamedInOneLine() {
        String broken = VALID.replace("env_files: [.env]", "env_files: [.env, missing.env]")
                .replace("seed_dir: seed", "seed_dir: nowhere\n  mode: sometimes")
                .replace("migrations: migrations", "migrations: ../elsewhere")
                .replace("postgres://postgres@localhost:5432/postgres", "mysql://x");

        assertThatThrownBy(() -> validate(broken))
                .isInstanceOf(InvalidInputException.class)
                .satisfies(e -> assertThat(e.getMessage())
                        .doesNotContain("\n")
                        .startsWith(config.toString() + ": ")
                        .contains("keys.env_files: missing.env not found in " + config.getParent())
                        .contains("mongo.seed_dir: folder nowhere not found")
                        .contains("mongo.mode must be replace, if-complete or upsert, got 'sometimes'")
                        .contains("supabase.migrations: folder ../elsewhere not found")
                        .contains("supabase.database_url: not a PostgreSQL URL"));
    }

    @Test
    void aMigrationsFolderWithoutFilesIsNamed() throws Exception {
        Files.createDirectories(config.getParent().resolve("empty"));
        assertThatThrownBy(() -> validate(VALID.replace("migrations: migrations", "migrations: empty")))
                .hasMessageContaining("supabase.migrations: no migration files in");
    }

    @Test
    void aMissingEnvFileWithAnExampleBesideItSaysToCopyIt() throws Exception {
        Files.writeString(config.getParent().resolve("stack.env.example"), "A=1\n");
        assertThatThrownBy(() -> validate(VALID.replace("[.env]", "[stack.env]")))
                .hasMessageContaining("stack.env not found")
                .hasMessageContaining("copy stack.env.example to it first");
    }

    @Test
    void requiredValuesAndAnImportIntoSeveralDatabasesAreNamed() {
        assertThatThrownBy(() -> validate(
                        "mongo:\n  seed_dir: seed\n  databases: [a, b]\nsupabase:\n  migrations: migrations\n"))
                .hasMessageContaining("mongo.uri is required")
                .hasMessageContaining("mongo.databases: an import fills one database, got [a, b]")
                .hasMessageContaining("supabase.database_url is required");
    }
}
