package dev.stackinit.migrator.pull;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.stackinit.embedded.EmbeddedSupabase;
import dev.stackinit.migrator.cli.SupabaseMigratorCommand;
import dev.stackinit.webhooks.Webhooks;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * pull on a live Supabase-like schema; the pulled folder applied with the migrator's own migrate on a second, fresh
 * server (built-in bootstrap included), which must end up with the source's catalog.
 */
class PullIT {
    private static final List<String> SCHEMAS = List.of("app_private", "public");

    private static EmbeddedSupabase source;
    private static EmbeddedSupabase target;

    @TempDir
    static Path work;

    private static Path pulled;
    private static String firstOutput;
    private static String firstMigrate;
    private static String secondMigrate;

    @BeforeAll
    static void pullAndMigrate() throws Exception {
        source = EmbeddedSupabase.start();
        target = EmbeddedSupabase.start();
        // webhooks enabled the way the migrator's bootstrap does it on the target
        try (Connection admin = DriverManager.getConnection(source.adminJdbcUrl())) {
            admin.setAutoCommit(false);
            Webhooks.bootstrap(admin);
            admin.commit();
        }
        for (String part : resource("source-schema.sql").split("(?m)^-- split.*$")) {
            source.execute("postgres", part);
        }
        pulled = work.resolve("pulled");
        // the password comes from PGPASSWORD, the URL has none
        String url = "postgres://postgres@localhost:" + source.port() + "/postgres";
        firstOutput = pull(
                Map.of("PGPASSWORD", source.password()),
                "--source-url",
                url,
                "--out",
                pulled.toString(),
                "--schema",
                "public,app_private");
        firstMigrate = migrate();
        secondMigrate = migrate();
    }

    @AfterAll
    static void stop() {
        if (source != null) {
            source.close();
        }
        if (target != null) {
            target.close();
        }
    }

    @Test
    void theAppliedFilesReproduceTheSourceCatalog() throws Exception {
        List<String> expected;
        List<String> actual;
        try (Connection s = source.dataSource().getConnection();
                Connection t = target.dataSource().getConnection()) {
            expected = CatalogSnapshot.take(s, SCHEMAS);
            actual = CatalogSnapshot.take(t, SCHEMAS);
        }
        assertThat(expected).hasSizeGreaterThan(100);
        assertThat(expected)
                .anyMatch(line -> line.startsWith("trigger auth.users CREATE TRIGGER on_auth_user_created"));
        assertThat(actual).containsExactlyElementsOf(expected);
    }

    @Test
    void migrateAppliesEveryPulledFileOnceAndThenHasNothingPending() throws Exception {
        int files = tree(pulled).size();
        assertThat(firstMigrate).contains("applied " + files + " file(s)").contains("0 pending");
        assertThat(secondMigrate).contains("up to date: 0 pending, " + files + " applied");
        // the trigger on auth.users ran on the admin connection (its marker), everything else as postgres
        Map<String, String> installedBy = new TreeMap<>();
        try (Connection connection = target.dataSource().getConnection();
                Statement statement = connection.createStatement();
                ResultSet rows =
                        statement.executeQuery("select script, installed_by from stackinit.migration_history")) {
            while (rows.next()) {
                installedBy.put(rows.getString(1), rows.getString(2));
            }
        }
        assertThat(installedBy).hasSize(files);
        installedBy.forEach((script, user) ->
                assertThat(user).as(script).isEqualTo(script.contains("auth_users_") ? "supabase_admin" : "postgres"));
    }

    @Test
    void pullingTwiceGivesByteIdenticalFilesAndChangesNothing() throws Exception {
        assertThat(firstOutput).contains(" written, 0 unchanged, 0 removed");
        String again = pullSource(pulled);
        assertThat(again).contains("up to date (0 changes");
        Path second = work.resolve("second");
        pullSource(second);
        assertThat(tree(second)).isEqualTo(tree(pulled));
    }

    @Test
    void filesFollowTheMigratorsNamingRuleAndSupabaseTablesGetTheAdminMarker() throws Exception {
        Map<String, String> files = tree(pulled);
        assertThat(files.keySet())
                .allMatch(path -> path.matches("(tables|functions|triggers)/\\d{3}_[a-z0-9_]+\\.sql")
                        || path.equals("webhooks/001_webhooks.yml"));
        assertThat(files).allSatisfy((path, text) -> assertThat(text).contains("pulled by supabase-migrator pull"));
        List<String> triggers = names(pulled.resolve("triggers"));
        String onAuthUsers = files.get("triggers/" + find(triggers, "auth_users_on_auth_user_created"));
        assertThat(onAuthUsers).contains("\n-- migrator:as-admin\n", "CREATE TRIGGER on_auth_user_created");
        String webhookOnAuthUsers = files.get("triggers/" + find(triggers, "auth_users_user_signed_up"));
        assertThat(webhookOnAuthUsers)
                .contains(
                        "\n-- migrator:as-admin\n",
                        "supabase_functions.http_request('https://api.example.com/webhooks/signup'");
        assertThat(files.get("webhooks/001_webhooks.yml")).doesNotContain("user_signed_up");
        files.forEach((path, text) -> {
            if (!path.contains("auth_users")) {
                assertThat(text).as(path).doesNotContain("migrator:as-admin");
            }
        });
    }

    @Test
    void aPullOfTheCopyEqualsThePullOfTheSource() throws Exception {
        Path copy = work.resolve("copy");
        pull(
                Map.of(),
                "--source-url",
                target.jdbcUrl(),
                "--out",
                copy.toString(),
                "--schema",
                "public",
                "--schema",
                "app_private");
        assertThat(tree(copy)).isEqualTo(tree(pulled));
    }

    @Test
    void ordersEveryPhaseSoItApplies() throws Exception {
        List<String> tables = names(pulled.resolve("tables"));
        assertThat(tables.get(0)).isEqualTo("001_schemas.sql");
        assertThat(indexOf(tables, "tasks")).isLessThan(indexOf(tables, "audit_log"));
        assertThat(indexOf(tables, "profiles")).isLessThan(indexOf(tables, "app_private_secrets"));
        assertThat(indexOf(tables, "type_short_text")).isLessThan(indexOf(tables, "type_address"));
        assertThat(indexOf(tables, "open_tasks")).isLessThan(indexOf(tables, "open_task_count"));
        // the cycle organizations <-> memberships: its keys come after both tables
        assertThat(tables).anyMatch(f -> f.endsWith("_foreign_keys.sql"));
        assertThat(indexOf(tables, "_foreign_keys")).isGreaterThan(indexOf(tables, "_organizations.sql"));
        assertThat(indexOf(tables, "_foreign_keys")).isGreaterThan(indexOf(tables, "_memberships.sql"));
        String organizations = Files.readString(pulled.resolve("tables").resolve(find(tables, "_organizations.sql")));
        assertThat(organizations).doesNotContain("is_valid_slug").doesNotContain("default_slug");
        List<String> functions = names(pulled.resolve("functions"));
        assertThat(indexOf(functions, "_slugify")).isLessThan(indexOf(functions, "_default_slug"));
        List<String> triggers = names(pulled.resolve("triggers"));
        String late =
                Files.readString(pulled.resolve("triggers").resolve(find(triggers, "organizations_after_functions")));
        assertThat(late)
                .contains(
                        "CHECK (public.is_valid_slug(slug))",
                        "SET DEFAULT public.default_slug()",
                        "members_read",
                        "organizations_valid_slugs");
        assertThat(indexOf(triggers, "_member_orgs.sql")).isLessThan(indexOf(triggers, "member_org_names"));
        assertThat(triggers).anyMatch(f -> f.contains("auth_users_on_auth_user_created"));
        assertThat(triggers).anyMatch(f -> f.contains("tasks_bulk"));
        String all = String.join("\n", tree(pulled).values());
        assertThat(all)
                .doesNotContain("storage.")
                .doesNotContain("FUNCTION auth.")
                .doesNotContain("buckets_touch");
    }

    @Test
    void webhooksBecomeDeclarationsWithRewrittenUrls() throws Exception {
        Path rewritten = work.resolve("rewritten");
        pull(
                Map.of(),
                "--source-url",
                source.jdbcUrl(),
                "--out",
                rewritten.toString(),
                "--schema",
                "public",
                "--schema",
                "app_private",
                "--rewrite-url",
                "https://api.example.com=>http://stackend:8000");
        JsonNode hooks = new YAMLMapper()
                .readTree(rewritten.resolve("webhooks/001_webhooks.yml").toFile());
        JsonNode newUser = hooks.get("webhooks").get(0);
        assertThat(newUser.get("name").asText()).isEqualTo("new_user");
        assertThat(newUser.get("table").asText()).isEqualTo("public.profiles");
        assertThat(newUser.get("url").asText()).isEqualTo("http://stackend:8000/webhooks/new_user");
        assertThat(newUser.get("headers").get("Content-Type").asText()).isEqualTo("application/json");
        assertThat(newUser.get("timeout_ms").asInt()).isEqualTo(5000);
        JsonNode taskChanged = hooks.get("webhooks").get(1);
        assertThat(taskChanged.get("events").toString()).isEqualTo("[\"UPDATE\",\"DELETE\"]");
        assertThat(taskChanged.get("headers").get("X-Token").isTextual()).isTrue();
        Map<String, String> expected = tree(pulled);
        Map<String, String> actual = tree(rewritten);
        expected.remove("webhooks/001_webhooks.yml");
        actual.remove("webhooks/001_webhooks.yml");
        assertThat(actual).isEqualTo(expected);
    }

    @Test
    void theAppliedTriggersAndWebhooksFire() throws Exception {
        try (Connection connection = target.dataSource().getConnection();
                Statement statement = connection.createStatement()) {
            statement.execute("insert into auth.users (id, email) values"
                    + " ('00000000-0000-0000-0000-000000000001', 'ada@example.com')");
            try (ResultSet rows = statement.executeQuery("select username from public.profiles")) {
                assertThat(rows.next()).isTrue();
                assertThat(rows.getString(1)).isEqualTo("ada@example.com");
            }
        }
        assertThat(target.recordedRequests())
                .anyMatch(r -> r.url().equals("https://api.example.com/webhooks/new_user")
                        && r.method().equals("POST"));
    }

    @Test
    void jsonSummaryCountsFilesPerPhase() throws Exception {
        String json = pull(
                Map.of(),
                "--source-url",
                source.jdbcUrl(),
                "--out",
                work.resolve("json").toString(),
                "--json");
        JsonNode report = new ObjectMapper().readTree(json);
        assertThat(report.get("schemas").toString()).isEqualTo("[\"public\"]");
        assertThat(report.get("webhooks").asInt()).isEqualTo(2);
        assertThat(report.get("files").get("functions").asInt())
                .isEqualTo(names(pulled.resolve("functions")).size());
        assertThat(report.get("warnings").toString()).contains("tasks_bulk").contains("user_signed_up");
    }

    /** The migrator's migrate on the target, in-process, with the admin URL its tests use. */
    private static String migrate() {
        Map<String, String> env = Map.of(
                "SUPABASE_MIGRATOR_DATABASE_URL", target.postgresUrl(),
                "SUPABASE_MIGRATOR_ADMIN_URL", target.postgresUrl("supabase_admin", "postgres"),
                "POSTGRES_PASSWORD", target.password());
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = SupabaseMigratorCommand.run(
                env, new PrintWriter(out), new PrintWriter(err), "migrate", "-d", pulled.toString());
        assertThat(code).as("migrate exit code; stderr: %s", err).isZero();
        return out.toString();
    }

    private static String pullSource(Path out) {
        return pull(
                Map.of(), "--source-url", source.jdbcUrl(), "--out", out.toString(), "--schema", "public,app_private");
    }

    private static String pull(Map<String, String> env, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        String[] all = Stream.concat(Stream.of("pull"), Stream.of(args)).toArray(String[]::new);
        int code = SupabaseMigratorCommand.run(env, new PrintWriter(out), new PrintWriter(err), all);
        assertThat(code).as("exit code; stderr: %s", err).isZero();
        return out.toString();
    }

    private static Map<String, String> tree(Path root) throws IOException {
        Map<String, String> files = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path file : walk.filter(Files::isRegularFile).toList()) {
                files.put(root.relativize(file).toString(), Files.readString(file));
            }
        }
        return files;
    }

    private static List<String> names(Path folder) throws IOException {
        try (Stream<Path> list = Files.list(folder)) {
            return list.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    private static String find(List<String> names, String part) {
        return names.stream()
                .filter(n -> n.contains(part))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no file with " + part + " in " + names));
    }

    private static int indexOf(List<String> names, String part) {
        return names.indexOf(find(names, part));
    }

    private static String resource(String name) throws IOException {
        try (InputStream in = PullIT.class.getResourceAsStream("/pull/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
