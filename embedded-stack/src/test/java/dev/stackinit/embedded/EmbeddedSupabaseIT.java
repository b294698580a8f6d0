package dev.stackinit.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class EmbeddedSupabaseIT {
    private static EmbeddedSupabase db;

    @BeforeAll
    static void start() {
        db = EmbeddedSupabase.start();
    }

    @AfterAll
    static void stop() {
        db.close();
    }

    private static String query(String url, String sql) throws SQLException {
        try (Connection connection = DriverManager.getConnection(url);
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getString(1);
        }
    }

    @Test
    void runsPostgres15WithTheSupabaseRoles() throws SQLException {
        assertThat(query(db.jdbcUrl(), "show server_version")).startsWith("15.");
        assertThat(
                        query(
                                db.jdbcUrl(),
                                "select string_agg(rolname, ',' order by rolname) from pg_roles"
                                        + " where rolname in ('anon','authenticated','service_role','authenticator','supabase_admin')"))
                .isEqualTo("anon,authenticated,authenticator,service_role,supabase_admin");
        assertThat(query(db.adminJdbcUrl(), "select current_user")).isEqualTo("supabase_admin");
        assertThat(query(db.jdbcUrl(), "select to_regclass('auth.users')::text"))
                .isEqualTo("auth.users");
        assertThat(query(db.jdbcUrl(), "select to_regnamespace('supabase_functions')"))
                .isNull();
    }

    @Test
    void hasStoragesTablesRealtimesPublicationAndThePlatformsOwners() throws SQLException {
        assertThat(query(
                        db.jdbcUrl(),
                        "select relowner::regrole::text || ' ' || relrowsecurity from pg_class"
                                + " where oid = 'storage.objects'::regclass"))
                .isEqualTo("supabase_storage_admin true");
        assertThat(query(
                        db.jdbcUrl(),
                        "select pubowner::regrole::text from pg_publication" + " where pubname = 'supabase_realtime'"))
                .isEqualTo("postgres");
        assertThat(query(
                        db.jdbcUrl(),
                        "select relowner::regrole::text from pg_class"
                                + " where oid = 'net.http_request_queue'::regclass"))
                .isEqualTo("supabase_admin");
        assertThat(query(
                        db.jdbcUrl(),
                        "select count(*) from pg_default_acl" + " where defaclrole = 'supabase_admin'::regrole"))
                .isNotEqualTo("0");
        assertThat(query(db.jdbcUrl(), "select (storage.foldername('a/b/c.png'))[2]"))
                .isEqualTo("b");
    }

    @Test
    void authUidReadsTheJwtClaims() throws SQLException {
        String id = "9b2f0b4e-1f7a-4a8e-9d7e-3a1f1c2b3d4e";
        assertThat(query(
                        db.jdbcUrl(),
                        "select set_config('request.jwt.claims', '{\"sub\":\"" + id
                                + "\",\"role\":\"authenticated\"}', false), auth.uid()::text"))
                .contains(id);
    }

    @Test
    void pgNetStandInRecordsRequestsWithPgNetDefaults() throws SQLException {
        db.createDatabase("recording");
        String url = db.jdbcUrl("recording");
        query(url, "select net.http_post('http://stackend:8000/hook', '{\"a\":1}'::jsonb)");
        query(
                url,
                "select net.http_get(url := 'http://x/y', params := '{\"q\":\"1\"}'::jsonb, timeout_milliseconds := 1000)");
        var requests = db.recordedRequests("recording");
        assertThat(requests).hasSize(2);
        assertThat(requests.get(0).method()).isEqualTo("POST");
        assertThat(requests.get(0).url()).isEqualTo("http://stackend:8000/hook");
        assertThat(requests.get(0).headersJson()).isEqualTo("{\"Content-Type\": \"application/json\"}");
        assertThat(requests.get(0).bodyJson()).isEqualTo("{\"a\": 1}");
        assertThat(requests.get(0).timeoutMs()).isEqualTo(5000);
        assertThat(requests.get(1).method()).isEqualTo("GET");
        assertThat(requests.get(1).paramsJson()).isEqualTo("{\"q\": \"1\"}");
        assertThat(requests.get(1).timeoutMs()).isEqualTo(1000);
        assertThat(db.recordedRequests()).isEmpty();
    }

    @Test
    void goTrueMigrationCanBeSimulatedLater() throws SQLException {
        try (EmbeddedSupabase bare = EmbeddedSupabase.start(
                EmbeddedSupabase.Options.defaults().withoutAuthUsers().withoutPgNet())) {
            assertThat(query(bare.jdbcUrl(), "select to_regclass('auth.users')"))
                    .isNull();
            assertThat(query(bare.jdbcUrl(), "select to_regnamespace('net')")).isNull();
            bare.simulateGoTrueMigration("postgres");
            assertThat(query(bare.jdbcUrl(), "select to_regclass('auth.users')::text"))
                    .isEqualTo("auth.users");
            assertThat(bare.postgresUrl()).startsWith("postgres://postgres:" + bare.password() + "@localhost:");
        }
    }

    @Test
    void bootstrapErrorsNameTheDatabase() {
        assertThatThrownBy(() -> db.execute("postgres", "select * from nowhere"))
                .hasMessageContaining("in postgres")
                .hasMessageContaining("nowhere");
    }
}
