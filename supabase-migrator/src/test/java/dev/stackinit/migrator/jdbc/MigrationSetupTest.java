package dev.stackinit.migrator.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Every URL of a run finds its password the same way: the database's, and diff's shadow alike. */
class MigrationSetupTest {
    private static MigrationSetup setup(Map<String, String> env) {
        MigrationSetup.Settings settings = new MigrationSetup.Settings(
                "postgres://postgres@localhost:5432/postgres",
                null,
                true,
                Path.of("migrations"),
                Map.of(),
                List.of(),
                MigrationSetup.Settings.DEFAULT_HISTORY_TABLE,
                false,
                Duration.ofSeconds(1));
        return new MigrationSetup(settings, env, Clock.systemUTC(), line -> {});
    }

    @Test
    void anEmptyPgpasswordFallsBackToPostgresPasswordForTheShadowAsForTheDatabase() {
        MigrationSetup setup = setup(Map.of("PGPASSWORD", "", "POSTGRES_PASSWORD", "pg-secret"));

        assertThat(setup.url().password()).isEqualTo("pg-secret");
        assertThat(setup.parseUrl("postgres://postgres@localhost:5432/shadow").password())
                .isEqualTo("pg-secret");
    }

    @Test
    void pgpasswordWinsAndAnAdminUrlUsesPostgresPassword() {
        MigrationSetup setup = setup(Map.of("PGPASSWORD", "pg", "POSTGRES_PASSWORD", "admin"));

        assertThat(setup.parseUrl("postgres://postgres@localhost/shadow").password())
                .isEqualTo("pg");
        assertThat(setup.parseAdminUrl("postgres://supabase_admin@localhost/shadow")
                        .password())
                .isEqualTo("admin");
        assertThat(setup.parseUrl("postgres://postgres:inline@localhost/shadow").password())
                .isEqualTo("inline");
    }
}
