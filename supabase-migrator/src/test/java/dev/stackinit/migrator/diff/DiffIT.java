package dev.stackinit.migrator.diff;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.stackinit.embedded.EmbeddedSupabase;
import dev.stackinit.migrator.CliRun;
import dev.stackinit.migrator.pull.CatalogSnapshot;
import dev.stackinit.webhooks.Webhooks;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * diff on one embedded server: a production-like schema pulled into a folder, the folder migrated onto "live", and a
 * reused "shadow". The tests run in order, as a team would: diff right after migrate, Studio-style edits, diff,
 * diff --write, diff again, a fresh database from the folder; then removals, what cannot be written, and the
 * temporary database.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DiffIT {
    private static final List<String> SCHEMAS = List.of("app_private", "public");

    private static EmbeddedSupabase server;

    @TempDir
    static Path work;

    private static Path folder;

    @BeforeAll
    static void pullAndMigrate() throws Exception {
        server = EmbeddedSupabase.start();
        server.createDatabase("source");
        enableWebhooks("source");
        for (String part : resource("features-schema.sql").split("(?m)^-- split.*$")) {
            server.execute("source", part);
        }
        folder = work.resolve("migrations");
        CliRun pull = CliRun.run(
                Map.of("PGPASSWORD", server.password()),
                "pull",
                "--database-url",
                server.jdbcUrl("source"),
                "--out",
                folder.toString(),
                "--schema",
                "public,app_private");
        assertThat(pull.code()).as(pull.toString()).isZero();
        server.createDatabase("live");
        CliRun migrate = migrate("live", folder);
        assertThat(migrate.code()).as(migrate.toString()).isZero();
        server.createDatabase("shadow");
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    @Order(1)
    void rightAfterMigrateThereAreNoDifferencesAndNothingIsTouched() throws Exception {
        Map<String, String> files = CliRun.tree(folder);
        List<String> live = snapshot("live");
        long history = historyRows("live");

        CliRun run = diff();

        assertThat(run.code()).as(run.toString()).isZero();
        assertThat(run.out()).startsWith("no differences");
        assertThat(CliRun.tree(folder)).isEqualTo(files);
        assertThat(snapshot("live")).isEqualTo(live);
        assertThat(historyRows("live")).isEqualTo(history);
        // the shadow was emptied and reused: a second run finds the same
        assertThat(diff().code()).isZero();
    }

    @Test
    @Order(2)
    void sixStudioStyleChangesAreNamedOneLineEachAndExit3() throws Exception {
        server.execute("live", """
                alter table public.messages add column priority integer not null default 0;
                create or replace function public.log_message() returns trigger language plpgsql security definer
                  set search_path = ''
                as $$ begin insert into app_private.audit (what) values ('new message ' || new.id); return new; end $$;
                alter policy "Authors read" on public.messages using (auth.uid() = author or status = 'published');
                create trigger message_read after update on public.messages for each row
                  execute function supabase_functions.http_request(
                    'https://api.example.com/hooks/read', 'POST', '{"Content-type":"application/json"}', '{}', '5000');
                drop index public.messages_created;
                alter publication supabase_realtime add table public.profiles;
                """);
        Map<String, String> files = CliRun.tree(folder);

        CliRun run = diff();

        assertThat(run.code()).as(run.toString()).isEqualTo(3);
        assertThat(run.out().lines().toList())
                .containsExactlyInAnyOrder(
                        line("added", "column", "public.messages.priority"),
                        line("changed", "function", "public.log_message()"),
                        line("changed", "policy", "public.messages.Authors read"),
                        line("added", "webhook-trigger", "public.messages.message_read"),
                        line("removed", "index", "public.messages_created"),
                        line("added", "publication-table", "supabase_realtime:public.profiles"));
        assertThat(run.err()).contains("6 difference(s)", "diff --write");
        assertThat(CliRun.tree(folder)).isEqualTo(files);

        CliRun json = diff("--json");
        assertThat(json.code()).isEqualTo(3);
        JsonNode report = new ObjectMapper().readTree(json.out());
        assertThat(report.get("count").asInt()).isEqualTo(6);
        assertThat(report.get("exit").asInt()).isEqualTo(3);
        List<String> named = new ArrayList<>();
        report.get("differences")
                .forEach(d -> named.add(d.get("change").asText() + " "
                        + d.get("kind").asText() + " " + d.get("name").asText()));
        assertThat(named)
                .contains(
                        "added column public.messages.priority",
                        "removed index public.messages_created",
                        "added publication-table supabase_realtime:public.profiles");
    }

    @Test
    @Order(3)
    void writeTurnsThemIntoFilesRecordsThemAndAFreshDatabaseEqualsTheLiveOne() throws Exception {
        long history = historyRows("live");

        CliRun run = diff("--write", "drift");

        assertThat(run.code()).as(run.toString()).isZero();
        Map<String, String> files = CliRun.tree(folder);
        assertThat(files.keySet())
                .contains("tables/025_drift.sql", "functions/002_drift.sql", "webhooks/002_drift.yml");
        assertThat(files.get("tables/025_drift.sql"))
                .contains(
                        "ADD COLUMN priority integer DEFAULT 0 NOT NULL",
                        "DROP INDEX public.messages_created",
                        "ALTER PUBLICATION supabase_realtime ADD TABLE public.profiles",
                        "CREATE POLICY \"Authors read\"");
        assertThat(files.get("webhooks/002_drift.yml")).contains("name: message_read", "- UPDATE");
        assertThat(historyRows("live")).isEqualTo(history + 3);
        assertThat(run.out()).contains("wrote tables/025_drift.sql");

        CliRun again = diff();
        assertThat(again.code()).as(again.toString()).isZero();
        assertFreshDatabaseEqualsLive("fresh1");
        // the live database now has every file applied: migrate has nothing to do
        assertThat(migrate("live", folder).out()).contains("up to date: 0 pending");
    }

    @Test
    @Order(4)
    void removalsGoWhereEveryEarlierFileStillFindsWhatItNeeds() throws Exception {
        server.execute("live", """
                drop trigger messages_audit on public.messages;
                drop function public.log_message();
                alter table public.profiles drop column avatar_path;
                drop table public.notes;
                alter publication supabase_realtime drop table public.presence;
                drop policy "Avatars are public" on storage.objects;
                delete from storage.buckets where id = 'docs';
                comment on table public.profiles is 'Who is who';
                """);
        CliRun found = diff();
        assertThat(found.code()).isEqualTo(3);
        assertThat(found.out())
                .contains("removed  function", "public.log_message()", "removed  table", "public.notes")
                .contains("storage.objects.Avatars are public", "removed  bucket", "changed  table");

        CliRun written = diff("--write", "cleanup");
        assertThat(written.code()).as(written.toString()).isZero();
        String policies = CliRun.tree(folder).entrySet().stream()
                .filter(e -> e.getKey().contains("cleanup_as_admin"))
                .map(Map.Entry::getValue)
                .findFirst()
                .orElseThrow();
        assertThat(policies).contains("-- migrator:as-admin", "DROP POLICY \"Avatars are public\" ON storage.objects");
        assertThat(diff().code()).isZero();
        assertFreshDatabaseEqualsLive("fresh2");
    }

    @Test
    @Order(5)
    void whatCannotBeWrittenAsAChangeIsNamedAndNothingIsWritten() throws Exception {
        server.execute("live", """
                alter table public.profiles add column shout text generated always as (upper(username)) stored;
                """);
        assertThat(diff("--write", "shout").code()).isZero();
        server.execute("live", """
                alter table public.profiles drop column shout;
                alter table public.profiles add column shout text generated always as (lower(username)) stored;
                """);
        Map<String, String> files = CliRun.tree(folder);

        CliRun run = diff("--write", "lower");

        assertThat(run.code()).as(run.toString()).isEqualTo(3);
        assertThat(run.err()).contains("nothing written", "public.profiles.shout", "generation expression");
        assertThat(CliRun.tree(folder)).isEqualTo(files);
        server.execute("live", """
                alter table public.profiles drop column shout;
                alter table public.profiles add column shout text generated always as (upper(username)) stored;
                """);
    }

    @Test
    @Order(6)
    void theShadowMayNotBeTheLiveDatabase() {
        CliRun run = run("diff", "-d", folder.toString(), "--shadow-url", server.postgresUrl("postgres", "live"));

        assertThat(run.code()).isEqualTo(2);
        assertThat(run.err()).contains("--shadow-url names the live database");
    }

    @Test
    @Order(6)
    void theShadowMayNotBeTheLiveDatabaseUnderAnotherAddress() throws Exception {
        // 127.0.0.1 for localhost: the URLs differ, the database is the same, and emptying it would drop the app
        String live = server.postgresUrl("postgres", "live");
        assertThat(live).contains("localhost");
        String firstApplied = firstApplied("live");

        CliRun run = run("diff", "-d", folder.toString(), "--shadow-url", live.replace("localhost", "127.0.0.1"));

        assertThat(run.code()).as(run.toString()).isEqualTo(2);
        assertThat(run.err()).contains("--shadow-url names the live database");
        assertThat(firstApplied("live")).isEqualTo(firstApplied);
    }

    @Test
    @Order(7)
    void withoutAShadowATemporaryDatabaseIsUsedAndDroppedAgain() throws Exception {
        CliRun run = run("diff", "-d", folder.toString());

        assertThat(run.code()).as(run.toString()).isZero();
        assertThat(databases()).noneMatch(name -> name.startsWith("stackinit_diff_"));
    }

    @Test
    @Order(8)
    void aTemporaryDatabaseWithoutSupabasesStorageIsRefusedWithAdvice() throws Exception {
        server.execute("template1", "drop table storage.objects");

        CliRun run = run("diff", "-d", folder.toString());

        assertThat(run.code()).as(run.toString()).isEqualTo(3);
        assertThat(run.err()).contains("lacks storage.objects", "--shadow-url");
        assertThat(databases()).noneMatch(name -> name.startsWith("stackinit_diff_"));
    }

    @Test
    @Order(9)
    void afterPullWithAUrlRewriteTheSameRewriteFindsNoDifferences() throws Exception {
        // production's webhook posts to its API; the pulled folder holds the local URL (pull --url-rewrite), and diff
        // with the same rule must compare in those terms, not call every production webhook "changed"
        server.createDatabase("prod_hooks");
        enableWebhooks("prod_hooks");
        server.execute("prod_hooks", """
                create table public.orders (id bigint primary key);
                create trigger order_created after insert on public.orders for each row
                  execute function supabase_functions.http_request(
                    'https://api.example.com/hooks/order', 'POST', '{"Content-Type":"application/json"}', '{}',
                    '5000');
                """);
        server.createDatabase("shadow_hooks");
        String rewrite = "https://api.example.com=>http://stackend:8000";
        Path pulled = work.resolve("pulled-with-rewrite");
        String prod = server.postgresUrl("postgres", "prod_hooks");
        CliRun pull = run("pull", "--database-url", prod, "--out", pulled.toString(), "--url-rewrite", rewrite);
        assertThat(pull.code()).as(pull.toString()).isZero();
        assertThat(CliRun.tree(pulled).toString()).contains("http://stackend:8000/hooks/order");

        CliRun run = run(
                "diff",
                "--database-url",
                prod,
                "--admin-url",
                server.postgresUrl("supabase_admin", "prod_hooks"),
                "-d",
                pulled.toString(),
                "--shadow-url",
                server.postgresUrl("postgres", "shadow_hooks"),
                "--url-rewrite",
                rewrite);

        assertThat(run.code()).as(run.toString()).isZero();
        assertThat(run.out()).startsWith("no differences");
    }

    @Test
    @Order(10)
    void whatTheCatalogReaderCannotHoldIsNamedNotCalledEqual() throws Exception {
        // pull names a range type as not reproduced; diff used to say "no differences" over it
        server.execute("live", "create type public.floatrange as range (subtype = float8);");
        try {
            CliRun run = diff();
            assertThat(run.code()).as(run.toString()).isEqualTo(3);
            assertThat(run.err()).contains("1 object(s) not compared", "floatrange", "--allow-partial");

            CliRun json = diff("--json");
            assertThat(json.code()).isEqualTo(3);
            JsonNode report = new ObjectMapper().readTree(json.out());
            assertThat(report.get("notComparedCount").asInt()).isEqualTo(1);
            assertThat(report.get("notCompared").get(0).asText()).contains("floatrange");
            assertThat(report.get("exit").asInt()).isEqualTo(3);

            CliRun accepted = diff("--allow-partial");
            assertThat(accepted.code()).as(accepted.toString()).isZero();
            assertThat(accepted.out()).startsWith("no differences").contains("1 object(s) not compared");
            assertThat(accepted.err()).contains("warning: 1 object(s) not compared");
        } finally {
            server.execute("live", "drop type public.floatrange;");
        }
    }

    private static void assertFreshDatabaseEqualsLive(String name) throws Exception {
        server.createDatabase(name);
        CliRun migrate = migrate(name, folder);
        assertThat(migrate.code()).as(migrate.toString()).isZero();
        assertThat(snapshot(name)).containsExactlyElementsOf(snapshot("live"));
    }

    private static String line(String change, String kind, String name) {
        return String.format("%-8s %-18s %s", change, kind, name);
    }

    private static CliRun diff(String... more) {
        String[] args = Stream.concat(
                        Stream.of(
                                "diff",
                                "-d",
                                folder.toString(),
                                "--shadow-url",
                                server.postgresUrl("postgres", "shadow")),
                        Stream.of(more))
                .toArray(String[]::new);
        return run(args);
    }

    private static CliRun run(String... args) {
        Map<String, String> env = Map.of(
                "SUPABASE_MIGRATOR_DATABASE_URL", server.postgresUrl("postgres", "live"),
                "SUPABASE_MIGRATOR_ADMIN_URL", server.postgresUrl("supabase_admin", "live"),
                "POSTGRES_PASSWORD", server.password());
        return CliRun.run(env, args);
    }

    private static CliRun migrate(String database, Path folder) {
        Map<String, String> env = Map.of(
                "SUPABASE_MIGRATOR_DATABASE_URL", server.postgresUrl("postgres", database),
                "SUPABASE_MIGRATOR_ADMIN_URL", server.postgresUrl("supabase_admin", database),
                "POSTGRES_PASSWORD", server.password());
        return CliRun.run(env, "migrate", "-d", folder.toString());
    }

    private static List<String> snapshot(String database) throws Exception {
        try (Connection connection = server.dataSource(database).getConnection()) {
            return CatalogSnapshot.take(connection, SCHEMAS);
        }
    }

    private static long historyRows(String database) throws Exception {
        return count(database, "select count(*) from stackinit.migration_history");
    }

    /** When the history's first file was applied: emptying a database and migrating it anew changes it. */
    private static String firstApplied(String database) throws Exception {
        try (Connection connection = server.dataSource(database).getConnection();
                Statement statement = connection.createStatement();
                ResultSet rows =
                        statement.executeQuery("select min(installed_on)::text from stackinit.migration_history")) {
            rows.next();
            return rows.getString(1);
        }
    }

    private static List<String> databases() throws Exception {
        List<String> names = new ArrayList<>();
        try (Connection connection = server.dataSource().getConnection();
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("select datname from pg_database")) {
            while (rows.next()) {
                names.add(rows.getString(1));
            }
        }
        return names;
    }

    private static long count(String database, String sql) throws Exception {
        try (Connection connection = server.dataSource(database).getConnection();
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getLong(1);
        }
    }

    private static void enableWebhooks(String database) throws Exception {
        Properties properties = new Properties();
        properties.setProperty("password", server.password());
        try (Connection admin = DriverManager.getConnection(server.adminJdbcUrl(database), properties)) {
            admin.setAutoCommit(false);
            Webhooks.bootstrap(admin);
            admin.commit();
        }
    }

    private static String resource(String name) throws IOException {
        try (InputStream in = DiffIT.class.getResourceAsStream("/pull/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
