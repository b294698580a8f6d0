package dev.stackinit.migrator.pull;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.stackinit.embedded.EmbeddedSupabase;
import dev.stackinit.migrator.CliRun;
import dev.stackinit.webhooks.Webhooks;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every catalog feature pull must carry beyond tables and functions (features-schema.sql): pulled from a live
 * Supabase-like database, migrated by migrate onto a fresh database, and compared there by catalog queries, one test
 * per feature. One server, a database per role (source, target, …): each is a copy of template1, which has the
 * Supabase-like bootstrap.
 */
class PullFeaturesIT {
    private static final List<String> SCHEMAS = List.of("app_private", "public");

    private static EmbeddedSupabase server;

    @TempDir
    static Path work;

    private static Path pulled;
    private static CliRun firstPull;
    private static CliRun migrate;
    private static List<String> source;
    private static List<String> target;

    @BeforeAll
    static void pullAndMigrate() throws Exception {
        server = EmbeddedSupabase.start();
        createSupabaseDatabase("source");
        for (String part : resource("features-schema.sql").split("(?m)^-- split.*$")) {
            server.execute("source", part);
        }
        server.createDatabase("target");
        pulled = work.resolve("pulled");
        firstPull = pull("source", pulled, "--schema", "public", "--schema", "app_private");
        assertThat(firstPull.code()).as(firstPull.toString()).isZero();
        migrate = migrate("target", pulled);
        assertThat(migrate.code()).as(migrate.toString()).isZero();
        source = snapshot("source");
        target = snapshot("target");
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void theWholeCatalogComesBackEqual() {
        assertThat(source).hasSizeGreaterThan(300);
        assertThat(target).containsExactlyElementsOf(source);
        assertThat(firstPull.err()).doesNotContain("not reproduced");
    }

    @Test
    void replicaIdentityFullUsingIndexAndNothing() {
        assertSame(line -> line.startsWith("relation ") && !line.contains(" replica=d "));
        assertThat(target)
                .anyMatch(l -> l.startsWith("relation public.messages r")
                        && l.contains("replica=i")
                        && l.contains("replica_index=public.messages_room_id"))
                .anyMatch(l -> l.startsWith("relation public.presence r") && l.contains("replica=f"))
                .anyMatch(l -> l.startsWith("relation public.notes r") && l.contains("replica=n"));
    }

    @Test
    void publicationMembershipWithColumnListsAndRowFiltersAfterTheReplicaIdentity() throws IOException {
        assertSame(line -> line.startsWith("publication"));
        assertThat(target)
                .contains(
                        "publication table supabase_realtime public.messages columns=id,room,body,status"
                                + " where=(room <> 'private'::text)",
                        "publication table supabase_realtime public.presence columns=* where=",
                        "publication table supabase_realtime storage.objects columns=* where=",
                        "publication table analytics public.messages columns=id,room,created_at where=")
                .contains("publication analytics all=false truefalsefalsefalse root=false comment=Feeds the warehouse");
        List<String> tables = names("tables");
        int messages = tables.indexOf(find(tables, "_messages.sql"));
        assertThat(tables.indexOf(find(tables, "publication_supabase_realtime.sql")))
                .isGreaterThan(messages);
        // storage.objects belongs to Storage's role: its membership is added as supabase_admin
        assertThat(file("tables", "publication_supabase_realtime_as_admin"))
                .contains("-- migrator:as-admin", "ADD TABLE storage.objects");
    }

    @Test
    void policiesOnStorageObjectsRunAsAdminWithTheirComments() throws IOException {
        assertSame(line -> line.startsWith("policy ") || line.startsWith("table rls "));
        assertThat(target)
                .anyMatch(l -> l.startsWith("policy storage.objects Avatar upload")
                        && l.contains("foldername")
                        && l.endsWith("comment=Into the own folder only"))
                .anyMatch(l -> l.startsWith("policy public.messages Authors read")
                        && l.endsWith("comment=Only the author, for now"));
        assertThat(file("tables", "storage_objects_policies"))
                .contains("-- migrator:as-admin", "ALTER TABLE storage.objects ENABLE ROW LEVEL SECURITY");
    }

    @Test
    void bucketRowsGoIntoSeedAsData() throws IOException {
        assertSame(line -> line.startsWith("bucket "));
        assertThat(target.stream().filter(l -> l.startsWith("bucket "))).hasSize(2);
        assertThat(names("seed")).containsExactly("001_storage_buckets.sql");
        assertThat(file("seed", "storage_buckets")).contains("'avatars'::text").doesNotContain("migrator:as-admin");
    }

    @Test
    void schemaPrivilegesAreExactAfterRevokingFromPublicAndTheApiRoles() throws IOException {
        assertSame(line -> line.startsWith("grant schema ") || line.startsWith("schema "));
        // the source revoked everything from PUBLIC on public: the target's default grant is gone too
        assertThat(target).noneMatch(l -> l.startsWith("grant schema public PUBLIC"));
        assertThat(target).contains("grant schema app_private service_role USAGE");
        assertThat(file("tables", "schemas"))
                .contains("REVOKE ALL ON SCHEMA public FROM PUBLIC, anon, authenticated, service_role;");
    }

    @Test
    void defaultPrivilegesComeBeforeTheObjectsTheyGovernAndSupabaseAdminsAreNamed() throws Exception {
        assertSame(line -> line.startsWith("default acl "));
        assertThat(target)
                .contains("default acl postgres * f postgres=X/postgres")
                .anyMatch(l -> l.startsWith("default acl postgres public f") && !l.contains("anon="))
                .anyMatch(l -> l.startsWith("default acl supabase_admin public r"));
        assertThat(names("tables").get(0)).isEqualTo("001_schemas.sql");
        assertThat(file("tables", "schemas"))
                .contains("ALTER DEFAULT PRIVILEGES FOR ROLE postgres IN SCHEMA public REVOKE ALL ON FUNCTIONS")
                .doesNotContain("FOR ROLE supabase_admin");
        JsonNode json = json(pull("source", work.resolve("json"), "--schema", "public,app_private", "--json"));
        assertThat(json.get("leftToPlatform").toString())
                .contains("default privileges of supabase_admin on tables in schema public");
    }

    @Test
    void identitySequencesKeepTheirOwnPrivileges() {
        assertSame(line -> line.startsWith("grant public.messages_id_seq") || line.startsWith("grant app_private."));
        assertThat(target).contains("grant public.messages_id_seq authenticated USAGE false");
        assertThat(target).noneMatch(l -> l.startsWith("grant public.messages_id_seq anon"));
    }

    @Test
    void columnPrivilegesSurviveTheTablesRevokeAll() {
        assertSame(line -> line.startsWith("column public.profiles"));
        assertThat(target)
                .anyMatch(l -> l.startsWith("column public.profiles #2 username")
                        && l.contains("acl=anon=r/postgres,authenticated=w/postgres"));
    }

    @Test
    void partitionsWithBoundsAndWhatEachHasOfItsOwn() throws IOException {
        assertSame(line -> line.contains(" public.events"));
        assertThat(target)
                .anyMatch(l -> l.startsWith("relation public.events p") && l.contains("key=RANGE (at)"))
                .anyMatch(l -> l.startsWith("relation public.events_2025 p")
                        && l.contains("partition_of=public.events")
                        && l.contains("key=RANGE (id)"))
                .anyMatch(l -> l.startsWith("relation public.events_2024 r")
                        && l.contains("rls=true")
                        && l.contains("comment=Last year"))
                .contains("index CREATE INDEX events_2024_by_kind ON public.events_2024 USING btree (kind) comment=")
                .anyMatch(l -> l.startsWith("column public.events_default #3 kind") && l.contains("'debug'"))
                .anyMatch(l -> l.startsWith("column public.events_2023 #1 payload"));
        // the parent's index and key are created once, on the parent
        assertThat(file("tables", "_events_2024.sql"))
                .startsWith(PullPlanner.HEADER)
                .contains("PARTITION OF public.events")
                .doesNotContain("CREATE INDEX")
                .doesNotContain("PRIMARY KEY");
        assertThat(file("tables", "_events_2023.sql")).contains("ATTACH PARTITION public.events_2023");
    }

    @Test
    void enumsKeepTheLabelOrderOfValuesAddedLater() {
        assertSame(line -> line.startsWith("type "));
        assertThat(target)
                .anyMatch(l -> l.startsWith("type public.status e")
                        && l.contains("labels=draft,review," + "published,archived"));
    }

    @Test
    void commentsOnEverything() {
        assertSame(line -> line.startsWith("comment "));
        assertThat(target.stream().filter(l -> l.startsWith("comment ")))
                .anyMatch(l -> l.contains("constraint body_length"))
                .anyMatch(l -> l.contains("index public.messages_room_id"))
                .anyMatch(l -> l.contains("column n of view public.room_counts"))
                .anyMatch(l -> l.contains("column x of composite type public.point2"))
                .anyMatch(l -> l.contains("constraint email_has_at"))
                .anyMatch(l -> l.contains("statistics object public.messages_room_status"))
                .anyMatch(l -> l.contains("pg_rewrite"))
                .anyMatch(l -> l.contains("pg_trigger"))
                .anyMatch(l -> l.contains("pg_policy"))
                .anyMatch(l -> l.contains("schema app_private"));
    }

    @Test
    void tableOptionsStatisticsStorageClusterAndRules() {
        assertSame(line -> line.startsWith("rule ")
                || line.startsWith("statistics ")
                || line.startsWith("relation public.messages ")
                || line.startsWith("column public.messages "));
        assertThat(target)
                .anyMatch(l -> l.startsWith("relation public.messages r")
                        && l.contains("options={fillfactor=90,autovacuum_enabled=false}"))
                .anyMatch(l -> l.startsWith("column public.messages #3 body") && l.contains("statistics=500 storage=m"))
                .anyMatch(l -> l.startsWith("relation public.notes r") && l.contains("cluster=public.notes_pkey"));
    }

    @Test
    void webhooksOnSupabaseTablesStaySqlRunAsAdmin() throws IOException {
        assertSame(line -> line.startsWith("trigger "));
        assertThat(file("webhooks", "webhooks")).contains("message_sent").doesNotContain("avatar_uploaded");
        assertThat(file("triggers", "storage_objects_avatar_uploaded")).contains("-- migrator:as-admin");
    }

    @Test
    void twoPullsAreIdenticalAndTheSecondChangesNothing() throws IOException {
        CliRun again = pull("source", pulled, "--schema", "public,app_private");
        assertThat(again.out()).contains("up to date (0 changes");
        Path second = work.resolve("second");
        pull("source", second, "--schema", "public,app_private");
        assertThat(CliRun.tree(second)).isEqualTo(CliRun.tree(pulled));
        Path copy = work.resolve("copy");
        pull("target", copy, "--schema", "public,app_private");
        assertThat(CliRun.tree(copy)).isEqualTo(CliRun.tree(pulled));
    }

    @Test
    void includeSupabaseSchemasGivesFilesThatMigrateOntoAFreshDatabase() throws Exception {
        Path all = work.resolve("all");
        CliRun run = pull("source", all, "--schema", "public,app_private", "--include-supabase-schemas", "--json");
        assertThat(run.code()).as(run.toString()).isZero();
        assertThat(json(run).get("schemas").toString()).contains("auth", "storage", "extensions");
        assertThat(json(run).get("leftToPlatform").toString())
                .contains("table storage.objects (owned by supabase_storage_admin)", "function auth.uid()");
        server.createDatabase("include_target");
        CliRun applied = migrate("include_target", all);
        assertThat(applied.code()).as(applied.toString()).isZero();
        assertThat(snapshot("include_target")).containsExactlyElementsOf(source);
    }

    @Test
    void whatCannotBeReproducedIsNamedCountedAndExits3UnlessAllowed() throws Exception {
        createSupabaseDatabase("partial");
        server.execute("partial", resource("partial-schema.sql"));
        Path out = work.resolve("partial");
        CliRun refused = pull("partial", out, "--json");
        assertThat(refused.code()).as(refused.toString()).isEqualTo(3);
        JsonNode report = json(refused);
        assertThat(report.get("notReproducedCount").asInt())
                .isEqualTo(report.get("notReproduced").size());
        assertThat(report.get("exit").asInt()).isEqualTo(3);
        assertThat(report.get("notReproduced").toString())
                .contains("public.dogs", "reporting", "float_range", "concat_all", "c_copy");
        assertThat(refused.err())
                .contains("not reproduced: public.dogs")
                .contains("could not be reproduced")
                .contains("--allow-partial");
        CliRun allowed = pull("partial", out, "--allow-partial");
        assertThat(allowed.code()).as(allowed.toString()).isZero();
        assertThat(allowed.out()).contains("object(s) NOT reproduced");
        assertThat(allowed.err()).contains("not reproduced: public.dogs");
        // what is written migrates: the range type's own constructors (LANGUAGE internal, created with the type) are
        // not pulled as functions of their own
        assertThat(CliRun.tree(out).keySet()).noneMatch(path -> path.contains("float_multirange"));
        server.createDatabase("partial_target");
        CliRun applied = migrate("partial_target", out);
        assertThat(applied.code()).as(applied.toString()).isZero();
    }

    @Test
    void theAppsTriggerOnAuthUsersCallingAFunctionOfAnUnpulledSchemaIsNamed() throws Exception {
        createSupabaseDatabase("trigger_elsewhere");
        server.execute("trigger_elsewhere", """
                create schema app_hidden;
                create function app_hidden.on_signup() returns trigger language plpgsql as $$
                begin return new; end $$;
                create trigger on_signup after insert on auth.users
                  for each row execute function app_hidden.on_signup();
                """);
        CliRun refused = pull("trigger_elsewhere", work.resolve("trigger_elsewhere"), "--json");
        assertThat(refused.code()).as(refused.toString()).isEqualTo(3);
        JsonNode report = json(refused);
        assertThat(report.get("notReproducedCount").asInt()).isEqualTo(1);
        assertThat(report.get("notReproduced").toString())
                .contains("trigger on_signup on auth.users calls a function of schema app_hidden");
    }

    @Test
    void objectsWithoutAFileOfTheirOwnAreNamedOneByOneButNotAnExtensionsOrARangeTypesOwn() throws Exception {
        createSupabaseDatabase("unsupported");
        server.execute("unsupported", """
                create extension if not exists citext schema public;
                create type public.float_range as range (subtype = float8);
                create type public.shell_only;
                create table public.t (id integer primary key);
                create function public.t_to_text(public.t) returns text language sql as 'select ''t''';
                create cast (public.t as text) with function public.t_to_text(public.t);
                create function public.same(integer, bigint) returns boolean language sql as 'select $1 = $2';
                create operator public.=== (leftarg = integer, rightarg = bigint, function = public.same);
                create text search configuration public.my_english (copy = pg_catalog.english);
                """);
        CliRun refused = pull("unsupported", work.resolve("unsupported"), "--json");
        assertThat(refused.code()).as(refused.toString()).isEqualTo(3);
        JsonNode report = json(refused);
        List<String> lost = new ArrayList<>();
        report.get("notReproduced").forEach(node -> lost.add(node.asText()));
        assertThat(lost)
                .containsExactlyInAnyOrder(
                        "cast (public.t AS text) is not pulled",
                        "operator public.===(integer, bigint) is not pulled",
                        "range type public.float_range is not pulled",
                        "shell type public.shell_only is not pulled",
                        "text search configuration public.my_english is not pulled");
        assertThat(report.get("notReproducedCount").asInt()).isEqualTo(5);
    }

    private static void assertSame(Predicate<String> which) {
        List<String> expected = source.stream().filter(which).toList();
        assertThat(expected).isNotEmpty();
        assertThat(target.stream().filter(which).toList()).containsExactlyElementsOf(expected);
    }

    /** A database copied from template1, with webhooks enabled the way migrate's bootstrap does it. */
    static void createSupabaseDatabase(String name) throws Exception {
        server.createDatabase(name);
        Properties properties = new Properties();
        properties.setProperty("password", server.password());
        try (Connection admin = DriverManager.getConnection(server.adminJdbcUrl(name), properties)) {
            admin.setAutoCommit(false);
            Webhooks.bootstrap(admin);
            admin.commit();
        }
    }

    static CliRun pull(String database, Path out, String... args) {
        String[] all = new String[args.length + 5];
        all[0] = "pull";
        all[1] = "--database-url";
        all[2] = server.jdbcUrl(database);
        all[3] = "--out";
        all[4] = out.toString();
        System.arraycopy(args, 0, all, 5, args.length);
        return CliRun.run(Map.of("PGPASSWORD", server.password()), all);
    }

    static CliRun migrate(String database, Path folder) {
        Map<String, String> env = Map.of(
                "SUPABASE_MIGRATOR_DATABASE_URL", server.postgresUrl("postgres", database),
                "SUPABASE_MIGRATOR_ADMIN_URL", server.postgresUrl("supabase_admin", database),
                "POSTGRES_PASSWORD", server.password());
        return CliRun.run(env, "migrate", "-d", folder.toString());
    }

    static List<String> snapshot(String database) throws Exception {
        try (Connection connection = server.dataSource(database).getConnection()) {
            return CatalogSnapshot.take(connection, SCHEMAS);
        }
    }

    private static JsonNode json(CliRun run) throws IOException {
        return new ObjectMapper().readTree(run.out());
    }

    private static List<String> names(String phase) throws IOException {
        return CliRun.tree(pulled.resolve(phase)).keySet().stream().sorted().toList();
    }

    private static String file(String phase, String part) throws IOException {
        Map<String, String> files = CliRun.tree(pulled.resolve(phase));
        return files.get(find(List.copyOf(files.keySet()), part));
    }

    private static String find(List<String> names, String part) {
        return names.stream()
                .filter(n -> n.contains(part))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no file with " + part + " in " + names));
    }

    static String resource(String name) throws IOException {
        try (InputStream in = PullFeaturesIT.class.getResourceAsStream("/pull/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
