package dev.stackinit.migrator;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stackinit.migrator.cli.SupabaseMigratorCommand;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.postgresql.PostgreSQLContainer;
import org.testcontainers.utility.DockerImageName;

/**
 * The sample set on the real supabase/postgres image: postgres demoted, supabase_admin the superuser, real pg_net. Skipped
 * where there is no Docker engine.
 */
@Testcontainers(disabledWithoutDocker = true)
class SupabaseImageContainerIT {
    private static final String PASSWORD = "0123456789abcdef0123456789abcdef";

    @Container
    static final PostgreSQLContainer SUPABASE = new PostgreSQLContainer(
                    DockerImageName.parse("supabase/postgres:15.8.1.085").asCompatibleSubstituteFor("postgres"))
            // the image's initdb superuser is supabase_admin; its init creates postgres with the same password
            .withUsername("supabase_admin")
            .withPassword(PASSWORD)
            .withDatabaseName("postgres")
            // keep the image's config: it preloads pg_net
            .withCommand("postgres", "-c", "config_file=/etc/postgresql/postgresql.conf");

    private String out;
    private String err;

    private int migrator(String... args) {
        Map<String, String> env = new HashMap<>();
        env.put("DATABASE_URL", url("postgres"));
        env.put("SUPABASE_MIGRATOR_ADMIN_URL", url("supabase_admin"));
        env.put("POSTGRES_PASSWORD", PASSWORD);
        env.put("STACKEND_URL", "http://backend.invalid:9000");
        StringWriter o = new StringWriter();
        StringWriter e = new StringWriter();
        int code = SupabaseMigratorCommand.run(env, new PrintWriter(o), new PrintWriter(e), args);
        out = o.toString();
        err = e.toString();
        return code;
    }

    private static String url(String user) {
        return "postgres://" + user + ":" + PASSWORD + "@" + SUPABASE.getHost() + ":" + SUPABASE.getMappedPort(5432)
                + "/postgres";
    }

    private static String scalar(String sql) throws SQLException {
        String jdbc = "jdbc:postgresql://" + SUPABASE.getHost() + ":" + SUPABASE.getMappedPort(5432) + "/postgres";
        try (Connection c = DriverManager.getConnection(jdbc, "supabase_admin", PASSWORD);
                Statement s = c.createStatement()) {
            s.execute("set role supabase_admin");
            try (ResultSet rs = s.executeQuery(sql)) {
                rs.next();
                return rs.getString(1);
            }
        }
    }

    @Test
    void theSampleSetAppliesAsPostgresAndItsWebhookQueuesARealPgNetRequest() throws SQLException {
        String dir = MigrateIT.SAMPLES.toString();

        assertThat(migrator("migrate", "-d", dir, "--wait-for-table", "auth.users"))
                .as(err)
                .isZero();
        assertThat(out).contains("applied 11 file(s)");
        assertThat(migrator("migrate", "-d", dir, "--verbose")).as(err).isZero();
        assertThat(out).contains("up to date: 0 pending").contains("role passwords: already set (0 changes)");
        assertThat(scalar("select tableowner from pg_tables where tablename = 'profiles'"))
                .isEqualTo("postgres");

        scalar("insert into auth.users (id, email, raw_user_meta_data, aud, role) values"
                + " ('00000000-0000-0000-0000-000000000001', 'ada@example.com', '{\"full_name\":\"Ada\"}',"
                + " 'authenticated', 'authenticated') returning id");

        assertThat(scalar("select full_name from public.profiles")).isEqualTo("Ada");
        assertThat(scalar("select count(*) from supabase_functions.hooks where hook_name = 'new_user'"))
                .isEqualTo("1");
        assertThat(scalar("select count(*) from net.http_request_queue q where q.url like"
                        + " 'http://backend.invalid:9000/webhooks/new_user'"
                        + " union all select count(*) from net._http_response order by 1 desc limit 1"))
                .isEqualTo("1");
    }
}
