package dev.stackinit.compose;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.stackinit.embedded.EmbeddedSupabase;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * supabase/init/*.sql as the db container runs them (psql with the container's variables), on embedded PostgreSQL:
 * jwt.sql gives the database app.settings.jwt_secret / jwt_exp, and running it again after a rotation updates them;
 * roles.sql sets the API login roles' passwords.
 */
class InitSqlIT {
    static EmbeddedSupabase server;

    @BeforeAll
    static void start() {
        assumeTrue(ComposeSpecSchema.onPath("psql").isPresent(), "psql is not on the PATH");
        server = EmbeddedSupabase.start();
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    private static void psql(String file, Map<String, String> variables) throws Exception {
        ProcessBuilder builder = new ProcessBuilder(
                "psql",
                "-v",
                "ON_ERROR_STOP=1",
                "--no-psqlrc",
                "-h",
                "localhost",
                "-p",
                Integer.toString(server.port()),
                "-U",
                "postgres",
                "-d",
                "postgres",
                "-f",
                StackFiles.MODULE.resolve("supabase/init").resolve(file).toString());
        builder.environment().putAll(variables);
        builder.environment().put("PGPASSWORD", server.password());
        builder.redirectErrorStream(true);
        Process process = builder.start();
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.exitValue()).as(output).isZero();
    }

    private static List<String> settings() throws Exception {
        // database settings apply to new sessions
        try (Connection connection = DriverManager.getConnection(
                        "jdbc:postgresql://localhost:" + server.port() + "/postgres", "postgres", server.password());
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SELECT current_setting('app.settings.jwt_secret'),"
                        + " current_setting('app.settings.jwt_exp')")) {
            rows.next();
            return List.of(rows.getString(1), rows.getString(2));
        }
    }

    @Test
    void jwtSqlSetsTheAppSettingsAndARerunAfterARotationUpdatesThem() throws Exception {
        psql("jwt.sql", Map.of("JWT_SECRET", "first-secret-with-at-least-32-characters", "JWT_EXP", "3600"));
        assertThat(settings()).containsExactly("first-secret-with-at-least-32-characters", "3600");
        psql("jwt.sql", Map.of("JWT_SECRET", "rotated-secret-with-at-least-32-characters", "JWT_EXP", "7200"));
        assertThat(settings()).containsExactly("rotated-secret-with-at-least-32-characters", "7200");
    }

    @Test
    void rolesSqlGivesTheApiLoginRolesThePassword() throws Exception {
        String url = "jdbc:postgresql://localhost:" + server.port() + "/postgres";
        try (Connection connection = DriverManager.getConnection(url, "postgres", server.password());
                Statement statement = connection.createStatement()) {
            statement.execute("ALTER ROLE authenticator PASSWORD NULL");
        }
        psql("roles.sql", Map.of("POSTGRES_PASSWORD", "Role1Password2"));
        try (Connection connection = DriverManager.getConnection(url, "postgres", server.password());
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SELECT rolname, rolpassword IS NOT NULL FROM pg_authid"
                        + " WHERE rolname IN ('authenticator', 'pgbouncer', 'supabase_auth_admin',"
                        + " 'supabase_storage_admin') ORDER BY 1")) {
            int count = 0;
            while (rows.next()) {
                assertThat(rows.getBoolean(2)).as(rows.getString(1)).isTrue();
                count++;
            }
            assertThat(count).isEqualTo(4);
        }
        boolean passwordsChecked;
        try (Connection wrong = DriverManager.getConnection(url, "authenticator", "not-the-password")) {
            passwordsChecked = false;
        } catch (java.sql.SQLException refused) {
            passwordsChecked = true;
        }
        if (passwordsChecked) {
            for (String role : List.of("authenticator", "supabase_auth_admin", "supabase_storage_admin")) {
                try (Connection connection = DriverManager.getConnection(url, role, "Role1Password2")) {
                    assertThat(connection.isValid(5)).as(role).isTrue();
                }
            }
        }
    }
}
