package dev.stackinit.migrator;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stackinit.embedded.EmbeddedSupabase;
import dev.stackinit.migrator.cli.SupabaseMigratorCommand;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Faults and bad input on a real PostgreSQL 15: invalid UTF-8 applies nothing, a dropped connection is survived or ends
 * in exit 4 (never 5), a wrong password is exit 3, bad URLs and table names are one line before any connection, and a
 * hostile value in ${literal:name} stays one string.
 */
class FaultsIT {
    private static final AtomicInteger DATABASES = new AtomicInteger();
    private static final String PASSWORD_ROLE = "pwcheck";
    private static EmbeddedSupabase db;

    @TempDir
    Path dir;

    String database;
    String out;
    String err;

    @BeforeAll
    static void start() throws Exception {
        db = EmbeddedSupabase.start();
        requirePasswordsFor(PASSWORD_ROLE);
    }

    /**
     * The embedded server trusts local connections; one role gets a password check (first pg_hba lines), so a wrong
     * password fails as on a real stack, and every other test connects as before.
     */
    static void requirePasswordsFor(String role) throws Exception {
        db.execute("postgres", "create role " + role + " login superuser password 'right-password'");
        try (Connection c = db.dataSource().getConnection();
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("show hba_file")) {
            rs.next();
            Path hba = Path.of(rs.getString(1));
            String rules = "host all " + role + " 127.0.0.1/32 scram-sha-256\nhost all " + role + " ::1/128"
                    + " scram-sha-256\n";
            Files.writeString(hba, rules + Files.readString(hba));
            s.execute("select pg_reload_conf()");
        }
    }

    @AfterAll
    static void stop() {
        db.close();
    }

    @BeforeEach
    void createDatabase() {
        database = "faults" + DATABASES.incrementAndGet();
        db.createDatabase(database);
    }

    int migrator(Map<String, String> extraEnv, String... args) {
        Map<String, String> env = new HashMap<>(Map.of(
                "SUPABASE_MIGRATOR_DATABASE_URL", db.postgresUrl("postgres", database),
                "POSTGRES_PASSWORD", db.password()));
        env.putAll(extraEnv);
        StringWriter o = new StringWriter();
        StringWriter e = new StringWriter();
        int code = SupabaseMigratorCommand.run(env, new PrintWriter(o), new PrintWriter(e), args);
        out = o.toString();
        err = e.toString();
        return code;
    }

    int migrate(String... more) {
        List<String> args = new ArrayList<>(List.of("migrate", "-d", dir.toString(), "--flavor", "plain"));
        args.addAll(List.of(more));
        return migrator(Map.of(), args.toArray(String[]::new));
    }

    void write(String relative, String sql) throws IOException {
        Path file = dir.resolve(relative);
        Files.createDirectories(file.getParent());
        Files.writeString(file, sql);
    }

    List<String> query(String sql) throws SQLException {
        try (Connection c = db.dataSource(database).getConnection();
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(sql)) {
            List<String> rows = new ArrayList<>();
            while (rs.next()) {
                rows.add(rs.getString(1));
            }
            return rows;
        }
    }

    private void assertOneErrorLine() {
        assertThat(err.lines().filter(l -> l.startsWith("supabase-migrator: ") && !l.contains("warning:")))
                .hasSize(1);
        assertThat(err).doesNotContain("\tat ", "Exception");
    }

    @Test
    void invalidUtf8InAnyFileStopsTheRunBeforeTheFirstStatement() throws Exception {
        write("tables/001_first.sql", "create table first (id int);\n");
        Path bad = dir.resolve("tables/002_second.sql");
        Files.write(
                bad, "create table second (name text default 'caf\u00e9');\n".getBytes(StandardCharsets.ISO_8859_1));

        assertThat(migrate()).as(err).isEqualTo(3);

        assertThat(err).contains("tables/002_second.sql: invalid UTF-8 at line 1, byte offset 43 (byte 0xe9)");
        assertOneErrorLine();
        assertThat(query("select count(*) from pg_class where relname in ('first', 'second')"))
                .containsExactly("0");
        assertThat(query("select to_regclass('stackinit.migration_history') is null"))
                .containsExactly("t");
    }

    @Test
    void aConnectionLostInATransactionalFileIsSurvivedAndTheFileRunsAgain() throws Exception {
        write("tables/001_counter.sql", "create sequence kill_once;\ncreate table seen (n bigint);\n");
        // the first run of this file terminates its own backend: the server drops the connection mid-transaction
        write(
                "tables/002_killed.sql",
                "insert into seen values (nextval('kill_once'));\n"
                        + "select case when currval('kill_once') = 1 then pg_terminate_backend(pg_backend_pid()) end;\n"
                        + "create table after_kill (id int);\n");
        write("tables/003_next.sql", "create table next_one (id int);\n");

        assertThat(migrate()).as(err).isZero();

        assertThat(err)
                .contains("lost the database connection in tables/002_killed.sql")
                .contains("reconnecting");
        assertThat(out).contains("applied 3 file(s)");
        // the killed attempt was rolled back whole; the second attempt ran the file once
        assertThat(query("select n::text from seen")).containsExactly("2");
        assertThat(query("select count(*) from pg_class where relname in ('after_kill', 'next_one')"))
                .containsExactly("2");
        assertThat(query("select script from stackinit.migration_history order by script"))
                .containsExactly("tables/001_counter.sql", "tables/002_killed.sql", "tables/003_next.sql");
        assertThat(migrate()).isZero();
        assertThat(out).contains("0 pending");
    }

    @Test
    void aConnectionLostOutsideATransactionIsExitFourNeverFive() throws Exception {
        write("tables/001_t.sql", "create table t (id int);\n");
        write(
                "tables/002_outside.sql",
                "-- migrator:no-transaction\n"
                        + "create index concurrently t_id on t (id);\n"
                        + "select pg_terminate_backend(pg_backend_pid());\n");

        assertThat(migrate()).as(err).isEqualTo(4);

        assertThat(err)
                .contains("lost the database connection while running tables/002_outside.sql")
                .contains("outside a transaction");
        assertOneErrorLine();
        assertThat(query("select script from stackinit.migration_history")).containsExactly("tables/001_t.sql");
    }

    @Test
    void aServerTerminatingTheConnectionFromOutsideIsSurvived() throws Exception {
        write("tables/001_slow.sql", "select pg_sleep(3);\ncreate table slow_done (id int);\n");
        Thread killer = new Thread(() -> {
            try {
                for (int i = 0; i < 50; i++) {
                    Thread.sleep(100);
                    List<String> killed = query("select pg_terminate_backend(pid)::text from pg_stat_activity"
                            + " where pid <> pg_backend_pid() and query like '%select pg_sleep(3)%'");
                    if (!killed.isEmpty()) {
                        return;
                    }
                }
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        killer.start();

        int exit = migrate();
        killer.join(TimeUnit.SECONDS.toMillis(10));

        assertThat(exit).as(err).isZero();
        assertThat(err).contains("lost the database connection in tables/001_slow.sql");
        assertThat(query("select count(*) from pg_class where relname = 'slow_done'"))
                .containsExactly("1");
    }

    @Test
    void aWrongPasswordIsExitThree() throws Exception {
        write("tables/001_t.sql", "create table t (id int);\n");
        String url = "postgres://" + PASSWORD_ROLE + ":wrong-password@localhost:" + db.port() + "/" + database;

        int exit = migrator(
                Map.of("SUPABASE_MIGRATOR_DATABASE_URL", url), "migrate", "-d", dir.toString(), "--flavor", "plain");

        assertThat(exit).as(err).isEqualTo(3);
        assertThat(err)
                .contains("authentication as " + PASSWORD_ROLE + " failed")
                .doesNotContain("wrong-password");
        assertOneErrorLine();
        String right = "postgres://" + PASSWORD_ROLE + ":right-password@localhost:" + db.port() + "/" + database;
        assertThat(migrator(
                        Map.of("SUPABASE_MIGRATOR_DATABASE_URL", right),
                        "migrate",
                        "-d",
                        dir.toString(),
                        "--flavor",
                        "plain"))
                .as(err)
                .isZero();
    }

    @Test
    void badUrlsAndTableNamesAreOneLineBeforeAnyConnection() throws Exception {
        write("tables/001_t.sql", "create table t (id int);\n");
        String base = "postgres://postgres@localhost:";
        for (String url : List.of(base + "99999/" + database, base + "0/" + database)) {
            assertThat(migrator(Map.of("SUPABASE_MIGRATOR_DATABASE_URL", url), "migrate", "-d", dir.toString()))
                    .as(err)
                    .isEqualTo(3);
            assertThat(err).contains("invalid database URL: port");
            assertOneErrorLine();
        }
        String unreadable = "jdbc:postgresql://localhost:" + db.port() + "/" + database + "?PGPORT=abc";
        assertThat(migrator(Map.of("SUPABASE_MIGRATOR_DATABASE_URL", unreadable), "migrate", "-d", dir.toString()))
                .isEqualTo(3);
        assertThat(err).contains("the PostgreSQL driver cannot read");
        for (String table : List.of("auth.users;drop", "a.b.c", "", "\"unclosed", "1abc")) {
            assertThat(migrate("--wait-for-table", table))
                    .as(table + ": " + err)
                    .isEqualTo(3);
            assertThat(err).contains("is not a table name");
            assertOneErrorLine();
        }
        assertThat(query("select to_regclass('public.t') is null")).containsExactly("t");
    }

    @Test
    void aHostileLiteralPlaceholderStaysOneString() throws Exception {
        write(
                "tables/001_t.sql",
                "create table notes (body text);\n"
                        + "insert into notes values (${literal:NOTE});\n"
                        + "insert into notes values (${literal:PATH});\n");
        String note = "x'); drop table notes; insert into notes values ('pwned";
        String path = "C:\\temp\\'; drop table notes; --";

        assertThat(migrator(
                        Map.of(),
                        "migrate",
                        "-d",
                        dir.toString(),
                        "--flavor",
                        "plain",
                        "--placeholder",
                        "NOTE=" + note.replace(",", ""),
                        "--placeholder",
                        "PATH=" + path))
                .as(err)
                .isZero();

        assertThat(query("select body from notes")).containsExactly(note.replace(",", ""), path);
    }

    @Test
    void cleanRefusesAQueryHostThatPointsElsewhereBeforeConnecting() {
        String url = "jdbc:postgresql://localhost:" + db.port() + "/" + database + "?user=postgres&PGHOST=10.255.0.1";
        assertThat(migrator(Map.of("SUPABASE_MIGRATOR_DATABASE_URL", url), "clean", "--i-understand"))
                .isEqualTo(3);
        assertThat(err).contains("clean refused: host 10.255.0.1 is 10.255.0.1, not this machine");
        assertOneErrorLine();
    }

    @Test
    void theJarPrintsOneLineAndNoDriverLoggingForAUrlTheDriverCannotRead() throws Exception {
        // a folder with a file: an empty one is refused (exit 3) before the URL is looked at
        Files.createDirectories(dir.resolve("tables"));
        Files.writeString(dir.resolve("tables/001_one.sql"), "select 1;\n");
        Process process = new ProcessBuilder(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-jar",
                        Path.of("target/supabase-migrator.jar").toAbsolutePath().toString(),
                        "migrate",
                        "-d",
                        dir.toString(),
                        "--database-url",
                        "jdbc:postgresql://localhost:" + db.port() + "/" + database + "?PGPORT=abc")
                .redirectErrorStream(false)
                .start();
        String stderr = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();

        assertThat(process.exitValue()).as(stderr).isEqualTo(3);
        assertThat(stderr.lines().toList())
                .as("no java.util.logging WARNING lines from the driver")
                .singleElement()
                .asString()
                .startsWith("supabase-migrator: invalid database URL");
    }
}
