package dev.stackinit.provision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stackinit.errors.InvalidInputException;
import dev.stackinit.provision.io.ConfigLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigLoaderTest {
    @TempDir
    Path dir;

    private final ConfigLoader loader = new ConfigLoader();

    private Path write(String yaml) throws Exception {
        Path file = dir.resolve("stack-init.yml");
        Files.writeString(file, yaml);
        return file;
    }

    @Test
    void readsSectionsInSnakeCase() throws Exception {
        ProvisionConfig config = loader.load(write("""
                keys:
                  env_files: [.env, stackend.env]
                mongo:
                  uri: mongodb://localhost:27017/?directConnection=true
                  seed_dir: compose/mongo/seed
                supabase:
                  database_url: postgres://postgres:pw@localhost:5432/postgres
                  placeholders: {STACKEND_URL: http://stackend:8000}
                """), Map.of());
        assertThat(config.keys().envFiles()).containsExactly(".env", "stackend.env");
        assertThat(config.mongo().seedDir()).isEqualTo("compose/mongo/seed");
        assertThat(config.supabase().placeholders()).containsEntry("STACKEND_URL", "http://stackend:8000");
    }

    @Test
    void theEnvironmentSetsAndOverridesEveryKey() throws Exception {
        ProvisionConfig config = loader.load(
                write("supabase:\n  database_url: postgres://from-file\n"),
                Map.of(
                        "STACK_INIT_SUPABASE_DATABASE_URL", "postgres://from-env",
                        "STACK_INIT_MONGO_DATABASES", "__models__, other",
                        "STACK_INIT_SUPABASE_PLACEHOLDERS", "A=1,B=x=y"));
        assertThat(config.supabase().databaseUrl()).isEqualTo("postgres://from-env");
        assertThat(config.mongo().databases()).isEqualTo(List.of("__models__", "other"));
        assertThat(config.supabase().placeholders()).isEqualTo(Map.of("A", "1", "B", "x=y"));
        assertThat(config.keys()).isNull();
    }

    @Test
    void configuresFromTheEnvironmentAlone() {
        ProvisionConfig config = loader.load(null, Map.of("STACK_INIT_KEYS_ENV_FILES", ".env"));
        assertThat(config.keys().envFiles()).containsExactly(".env");
        assertThat(loader.load(null, Map.of()).isEmpty()).isTrue();
    }

    @Test
    void anUnknownKeyIsNamedWithItsPath() throws Exception {
        Path file = write("supabase:\n  databse_url: x\n");
        assertThatThrownBy(() -> loader.load(file, Map.of()))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("unknown key 'supabase.databse_url'")
                .hasMessageContaining("database_url");
    }

    @Test
    void badYamlAndMissingFilesAreInputErrors() throws Exception {
        assertThatThrownBy(() -> loader.load(write("keys:\n  mode: [unclosed"), Map.of()))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("stack-init.yml:2:")
                .hasMessageContaining("not valid YAML")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
        assertThatThrownBy(() -> loader.load(dir.resolve("nope.yml"), Map.of()))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("config file not found");
        assertThatThrownBy(() -> loader.load(null, Map.of("STACK_INIT_SUPABASE_PLACEHOLDERS", "novalue")))
                .hasMessageContaining("STACK_INIT_SUPABASE_PLACEHOLDERS: expected k=v pairs");
    }

    @Test
    void variableNamesFollowOneRule() {
        assertThat(ConfigLoader.variable("supabase", "waitForTable")).isEqualTo("STACK_INIT_SUPABASE_WAIT_FOR_TABLE");
        assertThat(ConfigLoader.variable("mongo", "uri")).isEqualTo("STACK_INIT_MONGO_URI");
    }

    @Test
    void invalidUtf8IsNamedNotReplaced() throws Exception {
        Path file = dir.resolve("stack-init.yml");
        Files.write(file, new byte[] {'k', 'e', 'y', 's', ':', ' ', (byte) 0xC3, '\n'});
        assertThatThrownBy(() -> loader.load(file, Map.of()))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("stack-init.yml");
    }
}
