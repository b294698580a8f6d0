package dev.stackinit.embedded;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import javax.sql.DataSource;

/**
 * An in-process PostgreSQL 15 that looks enough like a supabase/postgres database for the tools to run against it: the
 * roles, the auth/storage/extensions schemas, auth.users, storage.buckets and storage.objects (RLS on, owned by
 * Storage's role), the supabase_realtime publication, the platform's default privileges, and a recording stand-in for
 * pg_net (owned by supabase_admin, as the extension's objects are). What it lacks compared
 * with the real image: pg_net itself (requests are recorded, never sent), pgjwt, pg_graphql, pgsodium, vault, and the
 * demotion of {@code postgres} (here it stays the bootstrap superuser). It does not create supabase_functions: that is
 * what the tools' own bootstrap must do.
 */
public final class EmbeddedSupabase implements AutoCloseable {

    /** What to set up besides the roles and schemas. */
    public record Options(boolean authUsers, boolean pgNet) {
        public static Options defaults() {
            return new Options(true, true);
        }

        /** As if GoTrue had not migrated yet: schema auth exists, auth.users does not. */
        public Options withoutAuthUsers() {
            return new Options(false, pgNet);
        }

        /** As on a plain PostgreSQL: no net schema. */
        public Options withoutPgNet() {
            return new Options(authUsers, false);
        }
    }

    /** One request a webhook (or anything else) queued through the pg_net stand-in. */
    public record RecordedRequest(
            long id,
            String method,
            String url,
            String headersJson,
            String paramsJson,
            String bodyJson,
            int timeoutMs) {}

    private final EmbeddedPostgres postgres;
    private final String password;

    private EmbeddedSupabase(EmbeddedPostgres postgres, String password) {
        this.postgres = postgres;
        this.password = password;
    }

    public static EmbeddedSupabase start() {
        return start(Options.defaults());
    }

    public static EmbeddedSupabase start(Options options) {
        return start(options, 0);
    }

    /** @param port the port to listen on, or 0 for any free one */
    public static EmbeddedSupabase start(Options options, int port) {
        EmbeddedPostgres postgres;
        try {
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                    .setServerConfig("max_connections", "100")
                    .setLocaleConfig("locale", "C.UTF-8");
            if (port != 0) {
                builder.setPort(port);
            }
            postgres = builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException("embedded PostgreSQL did not start", e);
        }
        String password = HexFormat.of().formatHex(new SecureRandom().generateSeed(16));
        EmbeddedSupabase db = new EmbeddedSupabase(postgres, password);
        try {
            db.bootstrap(options);
        } catch (RuntimeException e) {
            db.close();
            throw e;
        }
        return db;
    }

    private void bootstrap(Options options) {
        execute("postgres", resource("roles.sql"));
        execute("postgres", "alter role postgres password '" + password + "'");
        execute("postgres", "alter role supabase_admin password '" + password + "'");
        // template1 first, so every database created later looks the same
        for (String database : List.of("template1", "postgres")) {
            execute(database, resource("database.sql"));
            if (options.authUsers()) {
                execute(database, resource("auth-users.sql"));
            }
            if (options.pgNet()) {
                execute(database, resource("pg-net-standin.sql"));
            }
        }
    }

    /** Creates a database that has the same bootstrap as {@code postgres} (it is copied from template1). */
    public EmbeddedSupabase createDatabase(String name) {
        execute("postgres", "create database \"" + name.replace("\"", "\"\"") + "\"");
        return this;
    }

    /** Creates auth.users in a database, as GoTrue's migrations would when the auth service starts. */
    public void simulateGoTrueMigration(String database) {
        execute(database, resource("auth-users.sql"));
    }

    public String jdbcUrl() {
        return jdbcUrl("postgres");
    }

    public String jdbcUrl(String database) {
        return "jdbc:postgresql://localhost:" + port() + "/" + database + "?user=postgres";
    }

    public String adminJdbcUrl() {
        return adminJdbcUrl("postgres");
    }

    /** supabase_admin on one database; the password is {@link #password()}. */
    public String adminJdbcUrl(String database) {
        return "jdbc:postgresql://localhost:" + port() + "/" + database + "?user=supabase_admin";
    }

    /** A libpq-style URL with the user and password, the form compose and CI pass around. */
    public String postgresUrl() {
        return postgresUrl("postgres", "postgres");
    }

    public String postgresUrl(String user, String database) {
        return "postgres://" + user + ":" + password + "@localhost:" + port() + "/" + database;
    }

    public String user() {
        return "postgres";
    }

    public String password() {
        return password;
    }

    public int port() {
        return postgres.getPort();
    }

    public DataSource dataSource() {
        return postgres.getPostgresDatabase();
    }

    public DataSource dataSource(String database) {
        return postgres.getDatabase("postgres", database);
    }

    public List<RecordedRequest> recordedRequests() {
        return recordedRequests("postgres");
    }

    public List<RecordedRequest> recordedRequests(String database) {
        String sql = "select id, method, url, headers::text, params::text, body::text, timeout_milliseconds"
                + " from net.http_request_queue order by id";
        try (Connection connection = dataSource(database).getConnection();
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery(sql)) {
            List<RecordedRequest> requests = new ArrayList<>();
            while (rows.next()) {
                requests.add(new RecordedRequest(
                        rows.getLong(1),
                        rows.getString(2),
                        rows.getString(3),
                        rows.getString(4),
                        rows.getString(5),
                        rows.getString(6),
                        rows.getInt(7)));
            }
            return requests;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read net.http_request_queue: " + e.getMessage(), e);
        }
    }

    /** Runs SQL as the bootstrap superuser; for test set-up. */
    public void execute(String database, String sql) {
        try (Connection connection = dataSource(database).getConnection();
                Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("bootstrap SQL failed in " + database + ": " + e.getMessage(), e);
        }
    }

    private static String resource(String name) {
        try (InputStream in = EmbeddedSupabase.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        try {
            postgres.close();
        } catch (IOException e) {
            throw new UncheckedIOException("embedded PostgreSQL did not stop cleanly", e);
        }
    }
}
