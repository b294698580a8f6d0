package dev.stackinit.migrator;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stackinit.embedded.EmbeddedSupabase;
import dev.stackinit.migrator.cli.SupabaseMigratorCommand;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The migrator on embedded PostgreSQL 15 with the Supabase-like bootstrap; one server, one database per test. */
class MigrateIT {
    static final Path SAMPLES = Path.of("../compose/supabase/migrations");
    private static final AtomicInteger DATABASES = new AtomicInteger();
    private static EmbeddedSupabase db;

    @TempDir
    Path dir;

    String database;
    String out;
    String err;

    @BeforeAll
    static void start() {
        db = EmbeddedSupabase.start();
    }

    @AfterAll
    static void stop() {
        db.close();
    }

    @BeforeEach
    void createDatabase() {
        database = "it" + DATABASES.incrementAndGet();
        db.createDatabase(database);
    }

    int migrator(Map<String, String> extraEnv, String... args) {
        Map<String, String> env = new java.util.HashMap<>(Map.of(
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

    int migrator(String... args) {
        return migrator(Map.of(), args);
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

    void execute(String sql) {
        db.execute(database, sql);
    }

    @Test
    void theSampleSetAppliesFromScratchRerunsAsANoOpAndItsWebhookFires() throws SQLException {
        Map<String, String> env = Map.of("STACKEND_URL", "http://backend.test:9000");

        assertThat(migrator(env, "migrate", "-d", SAMPLES.toString())).as(err).isZero();
        assertThat(out).contains("applied 11 file(s)").contains("0 pending");
        assertThat(migrator(env, "migrate", "-d", SAMPLES.toString(), "--verbose"))
                .as(err)
                .isZero();
        assertThat(out)
                .contains("up to date: 0 pending, 11 applied")
                .contains("role passwords: already set (0 changes)")
                .contains("database webhooks already enabled: 0 changes");
        assertThat(migrator(env, "validate", "-d", SAMPLES.toString())).isZero();

        execute("insert into auth.users (id, email, raw_user_meta_data) values"
                + " ('00000000-0000-0000-0000-000000000001', 'ada@example.com', '{\"full_name\": \"Ada\"}')");

        assertThat(query("select full_name from public.profiles")).containsExactly("Ada");
        assertThat(db.recordedRequests(database)).singleElement().satisfies(request -> {
            assertThat(request.url()).isEqualTo("http://backend.test:9000/webhooks/new_user");
            assertThat(request.method()).isEqualTo("POST");
            assertThat(request.bodyJson()).contains("\"type\": \"INSERT\"").contains("\"table\": \"profiles\"");
        });
        assertThat(query("select proname || ':' || prosecdef from pg_proc where proname in"
                        + " ('handle_new_user', 'my_organizations') order by 1"))
                .containsExactly("handle_new_user:true", "my_organizations:false");
        assertThat(query("select name from public.organizations")).containsExactly("Demo organization");
    }

    @Test
    void aUserWhoMayNotCreateTheHistoryIsToldSoByTheDryRunAndTheRunWithAHint() throws IOException, SQLException {
        write("tables/1_a.sql", "create table a (x int);");
        String role = "nocreate_" + database;
        execute("create role " + role + " login password 'Pw-without-create-1'");
        Map<String, String> env = Map.of(
                "SUPABASE_MIGRATOR_DATABASE_URL",
                "postgres://" + role + ":Pw-without-create-1@localhost:" + db.port() + "/" + database);

        assertThat(migrator(env, "migrate", "--flavor", "plain", "--dry-run", "-d", dir.toString()))
                .isEqualTo(5);
        assertThat(err).contains("migrate would stop at once: no CREATE on the database for schema stackinit");
        assertThat(migrator(env, "migrate", "--flavor", "plain", "-d", dir.toString()))
                .isEqualTo(5);
        assertThat(err)
                .contains("the database refused the migrator's own SQL (CREATE SCHEMA IF NOT EXISTS")
                .contains("Hint: the migrator keeps its history in a table of its own")
                .doesNotContain("-- The migrator's history");
        assertThat(query("select count(*) from pg_class where relname = 'a'")).containsExactly("0");
    }

    @Test
    void infoListsStatesAsTextAndJson() throws IOException {
        write("tables/1_a.sql", "create table a (x int);");
        write("functions/1_f.sql", "create function f() returns int language sql as 'select 1';");
        assertThat(migrator("info", "-d", dir.toString())).as(err).isZero();
        assertThat(out).contains("0 applied, 2 pending");

        migrator("migrate", "-d", dir.toString());
        assertThat(migrator("info", "-d", dir.toString(), "--json")).isZero();
        assertThat(out).contains("\"state\" : \"applied\"").contains("\"script\" : \"functions/1_f.sql\"");
    }

    @Test
    void anEditedAppliedFileMakesValidateExitThreeUntilRepaired() throws IOException {
        write("tables/1_a.sql", "create table a (x int);");
        assertThat(migrator("migrate", "-d", dir.toString())).isZero();
        write("tables/1_a.sql", "create table a (x int, y int);");

        assertThat(migrator("validate", "-d", dir.toString())).isEqualTo(3);
        assertThat(err).contains("drift: tables/1_a.sql edited");
        assertThat(migrator("migrate", "-d", dir.toString())).isEqualTo(3);

        assertThat(migrator("repair", "-d", dir.toString())).isZero();
        assertThat(out).contains("accepted tables/1_a.sql");
        assertThat(migrator("validate", "-d", dir.toString())).isZero();
        assertThat(migrator("repair", "-d", dir.toString())).isZero();
        assertThat(out).contains("0 changes");
    }

    @Test
    void aSyntaxErrorInPhaseTwoLeavesNoTraceAndTheFixedFileContinues() throws IOException, SQLException {
        write("tables/1_a.sql", "create table a (x int);");
        String broken = "create function ok() returns int language sql as 'select 1';\n\n"
                + "create function\n  broken() returns int\n  langauge sql as 'select 1';\n";
        write("functions/1_f.sql", broken);
        write("triggers/1_t.sql", "select 1;");

        assertThat(migrator("migrate", "-d", dir.toString())).isEqualTo(5);
        assertThat(err)
                .contains("functions/1_f.sql:5: SQLSTATE 42601")
                .contains("syntax error")
                .contains("rolled back");
        assertThat(query("select to_regclass('public.a') is not null")).containsExactly("t");
        assertThat(query("select count(*) from pg_proc where proname = 'ok'")).containsExactly("0");
        assertThat(query("select script from stackinit.migration_history")).containsExactly("tables/1_a.sql");

        write("functions/1_f.sql", broken.replace("langauge", "language"));
        assertThat(migrator("migrate", "-d", dir.toString())).as(err).isZero();
        assertThat(out).contains("applied 2 file(s) (functions 1, triggers 1)");
    }

    @Test
    void aTableFileAddedAfterTriggersWereAppliedStillApplies() throws IOException, SQLException {
        write("tables/1_a.sql", "create table a (x int);");
        write(
                "functions/1_f.sql",
                "create function touch() returns trigger language plpgsql as $$begin return new; end$$;");
        write("triggers/1_t.sql", "create trigger a_touch before insert on a for each row execute function touch();");
        assertThat(migrator("migrate", "-d", dir.toString())).isZero();

        write("tables/2_b.sql", "create table b (y int references a (x));\n-- needs a unique x\n");
        execute("alter table a add primary key (x)");
        assertThat(migrator("migrate", "-d", dir.toString())).as(err).isZero();
        assertThat(out).contains("applied 1 file(s) (tables 1)");
        assertThat(query("select script from stackinit.migration_history order by installed_on desc limit 1"))
                .containsExactly("tables/2_b.sql");
    }

    @Test
    void twoMigratorProcessesStartedAtOnceApplyEachFileOnce() throws Exception {
        write("tables/0_log.sql", "create table log (file text);");
        for (int i = 1; i <= 20; i++) {
            write(
                    "tables/" + i + "_t.sql",
                    "create table t" + i + " (x int);\ninsert into log values ('" + i + "');"
                            + "\nselect pg_sleep(0.02);");
        }
        List<Process> processes = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            ProcessBuilder builder = new ProcessBuilder(
                    Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-jar",
                    "target/supabase-migrator.jar",
                    "migrate",
                    "-d",
                    dir.toString());
            builder.environment().put("SUPABASE_MIGRATOR_DATABASE_URL", db.postgresUrl("postgres", database));
            builder.environment().put("POSTGRES_PASSWORD", db.password());
            builder.redirectErrorStream(true);
            processes.add(builder.start());
        }
        List<String> outputs = new ArrayList<>();
        for (Process process : processes) {
            String output =
                    new String(process.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            assertThat(process.waitFor()).as(output).isZero();
            outputs.add(output);
        }

        assertThat(query("select count(*) from log")).containsExactly("20");
        assertThat(query("select count(distinct file) from log")).containsExactly("20");
        assertThat(query("select count(*) from stackinit.migration_history")).containsExactly("21");
        assertThat(String.join("\n", outputs))
                .contains("applied 21 file(s)")
                .contains("up to date: 0 pending, 21 applied");
    }

    @Test
    void anUnreachableDatabaseExitsFourAfterTheWaitTimeout() throws IOException {
        write("tables/1_a.sql", "select 1;");
        Map<String, String> env = Map.of("SUPABASE_MIGRATOR_DATABASE_URL", "postgres://postgres@127.0.0.1:1/postgres");
        assertThat(migrator(env, "migrate", "-d", dir.toString(), "--wait-timeout", "300ms"))
                .isEqualTo(4);
        assertThat(err).contains("did not answer within 300 ms");
    }

    @Test
    void commentsDollarQuotesAndStandardBodiesRunAsWritten() throws IOException, SQLException {
        write(
                "tables/1_a.sql",
                "create table a (x int) -- trailing comment\n;\n"
                        + "insert into a values (1); -- another; with a semicolon\n"
                        + "comment on table a is 'it''s; fine';");
        write(
                "functions/1_f.sql",
                "create function plus(a int, b int) returns int language sql\n"
                        + "begin atomic\n  select case when a > 0 then a + b else b end;\nend;\n"
                        + "create function g() returns text language plpgsql as $$ begin return 'x;y'; end $$;");
        write("tables/2_it's_a\\back.sql", "create table b (x int);");
        assertThat(migrator("migrate", "-d", dir.toString())).as(err).isZero();
        assertThat(query("select plus(1, 2) || g() || (select count(*) from a)"))
                .containsExactly("3x;y1");
        assertThat(query("select name from stackinit.migration_history where version = 2 and phase = 'tables'"))
                .containsExactly("it's_a\\back");
        assertThat(migrator("validate", "-d", dir.toString())).as(err).isZero();
    }

    @Test
    void statementsThatCannotRunInATransactionRunOutsideOne() throws IOException, SQLException {
        write("tables/1_a.sql", "create table a (x int);");
        write("tables/2_idx.sql", "create index concurrently a_x on a (x);");
        assertThat(migrator("migrate", "-d", dir.toString())).as(err).isZero();
        assertThat(query("select indexname from pg_indexes where tablename = 'a'"))
                .containsExactly("a_x");
    }

    @Test
    void placeholdersComeFromOptionsAndEnvironmentAndAnUndefinedOneChangesNothing() throws IOException, SQLException {
        write(
                "tables/1_a.sql",
                "create table settings (k text, v text);\n"
                        + "insert into settings values ('greeting', '${GREETING}'), ('url', '${BASE_URL}');");
        write("tables/2_b.sql", "insert into settings values ('x', '${UNDEFINED_ONE}');");

        assertThat(migrator(
                        Map.of("BASE_URL", "http://env"),
                        "migrate",
                        "-d",
                        dir.toString(),
                        "--placeholder",
                        "GREETING=hello"))
                .isEqualTo(3);
        assertThat(err).contains("tables/2_b.sql:1: placeholder ${UNDEFINED_ONE} is not defined");
        assertThat(query("select to_regclass('public.settings') is null")).containsExactly("t");

        Files.delete(dir.resolve("tables/2_b.sql"));
        assertThat(migrator(
                        Map.of("BASE_URL", "http://env"),
                        "migrate",
                        "-d",
                        dir.toString(),
                        "--placeholder",
                        "GREETING=hello"))
                .isZero();
        assertThat(query("select v from settings order by k")).containsExactly("hello", "http://env");
    }

    @Test
    void aSupabaseCliFolderIsMirroredIntoItsHistoryTableAndAdoptedFromIt() throws IOException, SQLException {
        write("supabase/migrations/20240101000000_init.sql", "create table a (x int);");
        write(
                "supabase/migrations/20240102000000_more.sql",
                "alter table a add column y int;\ncomment on table a is 'a';");

        assertThat(migrator("migrate", "-d", dir.toString(), "--supabase-cli-history"))
                .as(err)
                .isZero();
        assertThat(query("select version || ' ' || name || ' ' || array_length(statements, 1)"
                        + " from supabase_migrations.schema_migrations order by version"))
                .containsExactly("20240101000000 init 1", "20240102000000 more 2");

        // a database the Supabase CLI migrated: its first version is recorded there, not in our history
        createDatabase();
        execute(
                "create table a (x int); create schema supabase_migrations;"
                        + " create table supabase_migrations.schema_migrations (version text primary key, statements text[],"
                        + " name text); insert into supabase_migrations.schema_migrations values ('20240101000000', null, 'init')");
        assertThat(migrator("migrate", "-d", dir.toString() + "/supabase/migrations", "--supabase-cli-history"))
                .as(err)
                .isZero();
        assertThat(out).contains("adopted 1 file(s)").contains("applied 1 file(s)");
        assertThat(query("select kind from stackinit.migration_history order by version"))
                .containsExactly("adopted", "sql");
    }

    @Test
    void thePlainFlavourCreatesTheDatabaseAndSkipsSupabaseBootstrap() throws IOException, SQLException {
        write("tables/1_a.sql", "create table a (x int);");
        String fresh = database + "_plain";
        Map<String, String> env = Map.of("SUPABASE_MIGRATOR_DATABASE_URL", db.postgresUrl("postgres", fresh));

        assertThat(migrator(env, "migrate", "-d", dir.toString(), "--flavor", "plain"))
                .isEqualTo(3);
        assertThat(err).contains("does not exist: pass --create-database");
        assertThat(migrator(env, "migrate", "-d", dir.toString(), "--flavor", "plain", "--create-database"))
                .as(err)
                .isZero();
        assertThat(err).contains("created database " + fresh);
        database = fresh;
        assertThat(query("select to_regnamespace('supabase_functions') is null"))
                .containsExactly("t");
        assertThat(query("select count(*) from a")).containsExactly("0");
    }

    @Test
    void waitsForAuthUsersUntilGoTrueCreatesIt() throws Exception {
        write("tables/1_p.sql", "create table p (id uuid references auth.users (id));");
        execute("drop table auth.users cascade");
        Thread gotrue = new Thread(() -> {
            try {
                Thread.sleep(1500);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            db.simulateGoTrueMigration(database);
        });
        gotrue.start();

        int code = migrator("migrate", "-d", dir.toString(), "--wait-for-table", "auth.users", "--wait-timeout", "30s");
        gotrue.join();

        assertThat(code).as(err).isZero();
        assertThat(err).contains("waiting for table auth.users");
    }

    @Test
    void cleanIsRefusedWithoutConfirmationAndDropsOurObjectsWithIt() throws IOException, SQLException {
        write("tables/1_a.sql", "create table a (x int);");
        write("functions/1_f.sql", "create function f() returns int language sql as 'select 1';");
        assertThat(migrator("migrate", "-d", dir.toString())).isZero();

        assertThat(migrator("clean", "-d", dir.toString())).isEqualTo(2);
        assertThat(migrator(
                        Map.of("SUPABASE_MIGRATOR_DATABASE_URL", "postgres://postgres@db.example.com/postgres"),
                        "clean",
                        "-d",
                        dir.toString(),
                        "--i-understand"))
                .isEqualTo(3);
        assertThat(migrator("clean", "-d", dir.toString(), "--i-understand"))
                .as(err)
                .isZero();
        assertThat(query("select to_regclass('public.a') is null")).containsExactly("t");
        assertThat(migrator("info", "-d", dir.toString())).isZero();
        assertThat(out).contains("0 applied, 2 pending");
        assertThat(migrator("migrate", "-d", dir.toString())).as(err).isZero();
    }

    @Test
    void aDryRunListsThePendingFilesAndChangesNothing() throws IOException, SQLException {
        Map<String, String> env = Map.of("STACKEND_URL", "http://backend.test:9000");

        assertThat(migrator(env, "migrate", "--dry-run", "-d", SAMPLES.toString()))
                .as(err)
                .isZero();

        assertThat(out)
                .startsWith("dry run: nothing was changed")
                .contains("would apply 11 file(s)")
                .contains("tables/001_membership_role.sql (1 statement, one transaction)")
                .contains("triggers/001_on_auth_user_created.sql (2 statements, one transaction, as admin)")
                .contains("webhooks/001_new_user.yml (webhook-config)")
                .contains("declare new_user on public.profiles [INSERT]")
                .contains("seed/001_demo_organization.sql")
                .contains("bootstrap: database webhooks: would run");
        assertThat(query("select to_regclass('stackinit.migration_history') is null"))
                .containsExactly("t");
        assertThat(query("select to_regnamespace('supabase_functions') is null"))
                .containsExactly("t");
        assertThat(query("select to_regclass('public.profiles') is null")).containsExactly("t");
        assertThat(query("select count(*) from pg_locks where locktype = 'advisory'"))
                .containsExactly("0");

        assertThat(migrator(env, "migrate", "-d", SAMPLES.toString())).as(err).isZero();
        assertThat(migrator(env, "migrate", "--dry-run", "-d", SAMPLES.toString()))
                .as(err)
                .isZero();
        assertThat(out).contains("up to date: 0 pending, 11 applied").contains("already enabled: 0 changes");

        // a changed webhook URL: the YAML file is applied again, and the dry run says what changes
        assertThat(migrator(
                        Map.of("STACKEND_URL", "http://elsewhere.test:9000"),
                        "migrate",
                        "--dry-run",
                        "--json",
                        "-d",
                        SAMPLES.toString()))
                .as(err)
                .isZero();
        assertThat(out)
                .contains("\"dryRun\" : true")
                .contains("\"script\" : \"webhooks/001_new_user.yml\"")
                .contains("\"state\" : \"outdated\"")
                .contains("update new_user on public.profiles");
        assertThat(query("select count(*) from stackinit.migration_history")).containsExactly("11");
    }

    @Test
    void aDryRunWithCreateDatabaseCreatesNoDatabase() throws IOException, SQLException {
        write("tables/1_a.sql", "create table a (x int);");
        String missing = database + "_new";
        Map<String, String> env = Map.of("SUPABASE_MIGRATOR_DATABASE_URL", db.postgresUrl("postgres", missing));

        assertThat(migrator(env, "migrate", "--dry-run", "--create-database", "-d", dir.toString()))
                .as(err)
                .isZero();

        assertThat(err).contains("database " + missing + " does not exist: migrate would create it");
        assertThat(out).contains("would apply 1 file(s)").contains("tables/1_a.sql");
        assertThat(query("select count(*) from pg_database where datname = '" + missing + "'"))
                .containsExactly("0");
    }

    @Test
    void aTargetStopsAfterItsFileAndTheNextRunContinues() throws IOException, SQLException {
        write("tables/1_a.sql", "create table a (x int);");
        write("tables/2_b.sql", "create table b (x int);");
        write("functions/1_f.sql", "create function f() returns int language sql as 'select 1';");

        assertThat(migrator("migrate", "--target", "tables/1", "-d", dir.toString()))
                .as(err)
                .isZero();
        assertThat(out)
                .contains("applied 1 file(s)")
                .contains("2 pending after the target (tables/2_b.sql, functions/1_f.sql)");
        assertThat(query("select to_regclass('public.b') is null")).containsExactly("t");

        assertThat(migrator("migrate", "--target", "tables", "--dry-run", "-d", dir.toString()))
                .isZero();
        assertThat(out).contains("tables/2_b.sql").contains("left pending by --target tables: functions/1_f.sql");

        assertThat(migrator("migrate", "--target", "tables/7", "-d", dir.toString()))
                .isEqualTo(3);
        assertThat(err).contains("target tables/7: no such file in tables/");

        assertThat(migrator("migrate", "-d", dir.toString())).as(err).isZero();
        assertThat(out).contains("applied 2 file(s)").contains("0 pending");
    }

    @Test
    void resetDropsEverythingAndMigratesFromTheFirstFile() throws IOException, SQLException {
        write("tables/1_a.sql", "create table a (x int);");
        write("seed/1_s.sql", "insert into a values (1);");
        assertThat(migrator("migrate", "-d", dir.toString())).as(err).isZero();
        execute("insert into public.a values (2); create table public.stray (y int)");

        assertThat(migrator("reset", "-d", dir.toString())).isEqualTo(2);
        assertThat(migrator("reset", "--i-understand", "-d", dir.toString()))
                .as(err)
                .isZero();

        assertThat(out)
                .contains("dropped the objects in schema(s) public")
                .contains("dropped history stackinit.migration_history (2 rows)")
                .contains("applied 2 file(s)");
        assertThat(query("select x::text from public.a")).containsExactly("1");
        assertThat(query("select to_regclass('public.stray') is null")).containsExactly("t");
    }

    @Test
    void resetReadsEveryFileBeforeDroppingAnything() throws IOException, SQLException {
        write("tables/1_a.sql", "create table a (x int);");
        assertThat(migrator("migrate", "-d", dir.toString())).as(err).isZero();
        write("tables/2_b.sql", "select '${NOT_DEFINED}';");

        assertThat(migrator("reset", "--i-understand", "-d", dir.toString())).isEqualTo(3);

        assertThat(err).contains("tables/2_b.sql:1: placeholder");
        assertThat(query("select to_regclass('public.a') is not null")).containsExactly("t");
        assertThat(query("select count(*) from stackinit.migration_history")).containsExactly("1");
    }
}
