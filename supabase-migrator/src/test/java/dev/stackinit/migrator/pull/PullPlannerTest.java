package dev.stackinit.migrator.pull;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.stackinit.migrator.Phase;
import dev.stackinit.migrator.SqlScript;
import dev.stackinit.webhooks.DeclarationWriter;
import dev.stackinit.webhooks.Event;
import dev.stackinit.webhooks.HttpMethod;
import dev.stackinit.webhooks.WebhookSpec;
import dev.stackinit.webhooks.Webhooks;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PullPlannerTest {
    private static final List<String> API_ROLES = List.of("anon", "authenticated", "service_role");

    @Test
    void tablesFollowTheirForeignKeyTargetsAndCyclesGetTheirKeysAfterBothTables() {
        Catalog catalog = catalog(
                List.of(
                        table("a_log", List.of(fk("a_log_task_fkey", "tasks")), false),
                        table("tasks", List.of(fk("tasks_org_fkey", "orgs")), false),
                        table("orgs", List.of(fk("orgs_contact_fkey", "members")), false),
                        table("members", List.of(fk("members_org_fkey", "orgs")), false)),
                List.of());

        List<String> names = names(PullPlanner.plan(catalog), Phase.TABLES);

        assertThat(names)
                .containsExactly(
                        "tables/001_schemas.sql",
                        "tables/002_members.sql",
                        "tables/003_orgs.sql",
                        "tables/004_tasks.sql",
                        "tables/005_a_log.sql",
                        "tables/006_members_foreign_keys.sql");
        String members = content(PullPlanner.plan(catalog), "tables/002_members.sql");
        assertThat(members).doesNotContain("members_org_fkey");
        assertThat(content(PullPlanner.plan(catalog), "tables/006_members_foreign_keys.sql"))
                .isEqualTo("ALTER TABLE public.members ADD CONSTRAINT members_org_fkey"
                        + " FOREIGN KEY (x) REFERENCES public.orgs(id);\n");
        assertThat(content(PullPlanner.plan(catalog), "tables/003_orgs.sql")).contains("orgs_contact_fkey");
    }

    @Test
    void aCheckCallingAPulledFunctionMovesToTheStartOfTheTriggersPhase() {
        Catalog.Constraint check = new Catalog.Constraint("slug_ok", 'c', "CHECK (public.valid(slug))", null, true);
        Catalog.Table orgs = table("orgs", List.of(check), false);
        Catalog catalog = catalog(List.of(orgs), List.of(trigger("orgs", "touch")));

        List<PulledFile> files = PullPlanner.plan(catalog);

        assertThat(content(files, "tables/002_orgs.sql")).doesNotContain("valid(");
        assertThat(names(files, Phase.FUNCTIONS)).containsExactly("functions/001_valid.sql");
        assertThat(names(files, Phase.TRIGGERS))
                .containsExactly("triggers/001_orgs_after_functions.sql", "triggers/002_orgs_touch.sql");
        assertThat(content(files, "triggers/001_orgs_after_functions.sql"))
                .isEqualTo("ALTER TABLE public.orgs ADD CONSTRAINT slug_ok CHECK (public.valid(slug));\n");
    }

    @Test
    void functionsComeAfterTheFunctionsTheyCallAndFilesAreNumberedWithOneWidth() {
        List<Catalog.Function> functions = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            functions.add(function(String.format("f%04d", i), Set.of()));
        }
        functions.add(function("a_caller", Set.of(signature("z_callee"))));
        functions.add(function("z_callee", Set.of()));
        Catalog catalog = new Catalog(
                List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), functions, List.of(), List.of(),
                API_ROLES, List.of());

        List<String> names = names(PullPlanner.plan(catalog), Phase.FUNCTIONS);

        assertThat(names).hasSize(1002).allMatch(n -> n.matches("functions/\\d{4}_.+\\.sql"));
        assertThat(names).isSorted();
        assertThat(names.indexOf("functions/1001_z_callee.sql"))
                .isLessThan(names.indexOf("functions/1002_a_caller.sql"));
    }

    @Test
    void grantsAreExactWhateverTheTargetsDefaults() {
        Catalog.Table table = new Catalog.Table(
                name("notes"),
                false,
                List.of(column("id")),
                List.of(),
                List.of(),
                true,
                false,
                List.of(),
                List.of(
                        new Catalog.Grant("anon", "SELECT", false, null),
                        new Catalog.Grant("authenticated", "SELECT", false, null),
                        new Catalog.Grant("authenticated", "INSERT", true, null),
                        new Catalog.Grant("anon", "UPDATE", false, "id")),
                "it's mine");

        String sql = content(PullPlanner.plan(catalog(List.of(table), List.of())), "tables/002_notes.sql");

        assertThat(sql).isEqualTo("""
                        CREATE TABLE public.notes (
                            id integer NOT NULL
                        );

                        ALTER TABLE public.notes ENABLE ROW LEVEL SECURITY;

                        REVOKE ALL ON TABLE public.notes FROM PUBLIC, anon, authenticated, service_role;
                        GRANT INSERT ON TABLE public.notes TO authenticated WITH GRANT OPTION;
                        GRANT SELECT ON TABLE public.notes TO anon, authenticated;
                        GRANT UPDATE (id) ON TABLE public.notes TO anon;

                        COMMENT ON TABLE public.notes IS 'it''s mine';
                        """);
    }

    @Test
    void webhooksGoToOneYamlFileThatWebhookConfigLoadsBack(@TempDir Path dir) throws Exception {
        WebhookSpec hook = new WebhookSpec(
                "new_user",
                "public",
                "profiles",
                Set.of(Event.INSERT),
                "http://stackend:8000/webhooks/new_user",
                HttpMethod.POST,
                JsonNodeFactory.instance.objectNode().put("Content-Type", "application/json"),
                null,
                5000);
        Catalog catalog = new Catalog(
                List.of(),
                List.of(),
                List.of(),
                List.of(),
                List.of(),
                List.of(),
                List.of(),
                List.of(),
                List.of(hook),
                API_ROLES,
                List.of());

        List<PulledFile> files = PullPlanner.plan(catalog);

        assertThat(names(files, Phase.WEBHOOKS)).containsExactly("webhooks/001_webhooks.yml");
        // webhook-config's own writer and loader: what pull writes loads back as exactly the same declaration
        String yaml = raw(files, "webhooks/001_webhooks.yml");
        assertThat(yaml)
                .isEqualTo("# pulled by supabase-migrator pull: a new pull rewrites or removes this file\n"
                        + DeclarationWriter.write(List.of(hook)));
        Path file = Files.writeString(dir.resolve("001_webhooks.yml"), yaml);
        assertThat(Webhooks.load(List.of(file), Map.of(), List.of())).containsExactly(hook);
    }

    @Test
    void aTriggerOnASupabaseOwnedTableRunsAsAdminAndOneOnAnAppTableDoesNot() {
        Catalog.Trigger onAuthUsers = new Catalog.Trigger(
                new Name("auth", "users", "auth.users"),
                "on_auth_user_created",
                "on_auth_user_created",
                "CREATE TRIGGER on_auth_user_created AFTER INSERT ON auth.users"
                        + " FOR EACH ROW EXECUTE FUNCTION public.valid()",
                'O',
                "creates the profile");
        Catalog catalog = catalog(List.of(table("orgs", List.of(), false)), List.of(onAuthUsers, trigger("orgs", "t")));

        List<PulledFile> files = PullPlanner.plan(catalog);

        String admin = raw(files, "triggers/001_auth_users_on_auth_user_created.sql");
        assertThat(admin)
                .startsWith(PullPlanner.HEADER + "\n" + SqlScript.AS_ADMIN_MARKER + "\n\nCREATE TRIGGER")
                .contains("COMMENT ON TRIGGER on_auth_user_created ON auth.users");
        assertThat(SqlScript.parse(admin, "t.sql").asAdmin()).isTrue();
        assertThat(SqlScript.parse(raw(files, "triggers/002_orgs_t.sql"), "t.sql")
                        .asAdmin())
                .isFalse();
        assertThat(files)
                .filteredOn(f -> f.phase() != Phase.TRIGGERS)
                .allSatisfy(f -> assertThat(f.content()).doesNotContain(SqlScript.AS_ADMIN_MARKER));
    }

    @Test
    void publicationsComeAfterTheTablesAndWhatNeedsAdminIsApart() {
        Catalog.Publication realtime = new Catalog.Publication(
                "supabase_realtime",
                "supabase_realtime",
                true,
                false,
                List.of("insert", "update"),
                false,
                List.of(
                        new Catalog.PublicationTable(name("orgs"), List.of("id"), "(id > 0)"),
                        new Catalog.PublicationTable(
                                new Name("storage", "objects", "storage.objects"), List.of(), null)),
                List.of(),
                null);
        Catalog base = catalog(List.of(table("orgs", List.of(), false)), List.of());
        Catalog catalog = new Catalog(
                base.schemas(),
                List.of(),
                List.of(),
                List.of(),
                List.of(),
                base.tables(),
                List.of(),
                base.functions(),
                List.of(),
                List.of(),
                List.of(),
                List.of(),
                List.of(realtime),
                List.of(new Catalog.Bucket(
                        "avatars", List.of("id", "name"), List.of("'avatars'::text", "'avatars'::text"))),
                API_ROLES,
                base.findings());

        List<PulledFile> files = PullPlanner.plan(catalog);

        assertThat(names(files, Phase.TABLES))
                .containsExactly(
                        "tables/001_schemas.sql",
                        "tables/002_orgs.sql",
                        "tables/003_publication_supabase_realtime.sql",
                        "tables/004_publication_supabase_realtime_as_admin.sql");
        assertThat(content(files, "tables/003_publication_supabase_realtime.sql"))
                .contains("IF NOT EXISTS (SELECT FROM pg_catalog.pg_publication WHERE pubname = 'supabase_realtime')")
                .contains("ALTER PUBLICATION supabase_realtime SET (publish = 'insert, update',"
                        + " publish_via_partition_root = false);")
                .contains("ALTER PUBLICATION supabase_realtime ADD TABLE public.orgs (id) WHERE ((id > 0));")
                .doesNotContain("storage.objects");
        assertThat(raw(files, "tables/004_publication_supabase_realtime_as_admin.sql"))
                .contains(SqlScript.AS_ADMIN_MARKER, "ADD TABLE storage.objects;");
        assertThat(content(files, "seed/001_storage_buckets.sql"))
                .isEqualTo("INSERT INTO storage.buckets (id, name) VALUES\n    ('avatars'::text, 'avatars'::text)\n"
                        + "ON CONFLICT (id) DO UPDATE SET (name) = ROW(EXCLUDED.name);\n");
    }

    @Test
    void aPartitionTakesItsParentsColumnsAndSetsOnlyWhatDiffers() {
        Catalog.Column kind = new Catalog.Column("kind", "text", null, false, "'info'::text", false, "", "", "", null);
        Catalog.Column debug =
                new Catalog.Column("kind", "text", null, false, "'debug'::text", false, "", "", "", null);
        Catalog.Table parent = new Catalog.Table(
                name("events"),
                false,
                List.of(column("id"), kind),
                List.of(),
                List.of(),
                false,
                false,
                List.of(),
                List.of(),
                null,
                'd',
                null,
                null,
                List.of(),
                "RANGE (id)",
                null,
                List.of());
        Catalog.Table child = new Catalog.Table(
                name("events_low"),
                false,
                List.of(column("id"), debug),
                List.of(),
                List.of(),
                true,
                false,
                List.of(),
                List.of(),
                "low ids",
                'f',
                null,
                null,
                List.of(),
                null,
                new Catalog.Partition(name("events"), "FOR VALUES FROM (0) TO (100)", false, List.of()),
                List.of());
        // the partition's name sorts first: its parent still comes before it
        Catalog catalog = catalog(List.of(child, parent), List.of());

        List<PulledFile> files = PullPlanner.plan(catalog);

        assertThat(names(files, Phase.TABLES)).containsSequence("tables/002_events.sql", "tables/003_events_low.sql");
        assertThat(content(files, "tables/002_events.sql")).contains(") PARTITION BY RANGE (id);");
        assertThat(content(files, "tables/003_events_low.sql"))
                .startsWith("CREATE TABLE public.events_low PARTITION OF public.events FOR VALUES FROM (0) TO (100);\n"
                        + "ALTER TABLE public.events_low ALTER COLUMN kind SET DEFAULT 'debug'::text;\n")
                .contains("ALTER TABLE public.events_low REPLICA IDENTITY FULL;")
                .contains("ALTER TABLE public.events_low ENABLE ROW LEVEL SECURITY;")
                .contains("COMMENT ON TABLE public.events_low IS 'low ids';")
                .doesNotContain("id integer");
    }

    @Test
    void withSupabaseSchemasTheAppsSchemasAndSequencesStayPostgressAndOnlySupabasesRunAsAdmin() {
        // --include-supabase-schemas: one admin file for everything would make app_private and public.ticket_no
        // supabase_admin's, and postgres (not a superuser on Supabase) could then not create functions in it
        Catalog.Schema app = new Catalog.Schema(
                "app_private", "app_private", null, List.of(new Catalog.Grant("service_role", "USAGE", false, null)));
        Catalog.Schema auth =
                new Catalog.Schema("auth", "auth", null, List.of(new Catalog.Grant("anon", "USAGE", false, null)));
        Catalog.DefaultPrivilege defaults = new Catalog.DefaultPrivilege(
                "postgres",
                "postgres",
                "app_private",
                "app_private",
                'f',
                List.of(new Catalog.Grant("postgres", "EXECUTE", false, null)));
        Catalog catalog = new Catalog(
                List.of(app, auth),
                List.of(defaults),
                List.of(),
                List.of(),
                List.of(sequence("public", "ticket_no"), sequence("auth", "app_counter")),
                List.of(),
                List.of(),
                List.of(),
                List.of(),
                List.of(),
                List.of(),
                List.of(),
                List.of(),
                List.of(),
                API_ROLES,
                new Catalog.Findings(List.of(), List.of(), List.of()));

        List<PulledFile> files = PullPlanner.plan(catalog);

        assertThat(names(files, Phase.TABLES))
                .containsExactly(
                        "tables/001_schemas.sql",
                        "tables/002_supabase_schemas.sql",
                        "tables/003_sequences.sql",
                        "tables/004_supabase_sequences.sql");
        assertThat(content(files, "tables/001_schemas.sql"))
                .doesNotContain(SqlScript.AS_ADMIN_MARKER)
                .contains("CREATE SCHEMA IF NOT EXISTS app_private;")
                .contains("ALTER DEFAULT PRIVILEGES FOR ROLE postgres IN SCHEMA app_private")
                .doesNotContain("SCHEMA auth");
        assertThat(raw(files, "tables/002_supabase_schemas.sql"))
                .contains(SqlScript.AS_ADMIN_MARKER)
                .contains("CREATE SCHEMA IF NOT EXISTS auth;")
                .doesNotContain("app_private");
        assertThat(content(files, "tables/003_sequences.sql"))
                .contains("CREATE SEQUENCE public.ticket_no")
                .doesNotContain("auth.");
        assertThat(raw(files, "tables/004_supabase_sequences.sql"))
                .contains(SqlScript.AS_ADMIN_MARKER)
                .contains("CREATE SEQUENCE auth.app_counter");
    }

    private static Catalog catalog(List<Catalog.Table> tables, List<Catalog.Trigger> triggers) {
        Catalog.Schema publicSchema =
                new Catalog.Schema("public", "public", null, List.of(new Catalog.Grant("anon", "USAGE", false, null)));
        return new Catalog(
                List.of(publicSchema),
                List.of(),
                List.of(),
                List.of(),
                tables,
                List.of(),
                List.of(function("valid", Set.of())),
                triggers,
                List.of(),
                API_ROLES,
                List.of());
    }

    private static Catalog.Sequence sequence(String schema, String name) {
        return new Catalog.Sequence(
                new Name(schema, name, schema + "." + name),
                "bigint",
                1,
                1,
                1,
                Long.MAX_VALUE,
                1,
                false,
                null,
                List.of(),
                null);
    }

    private static Catalog.Table table(String name, List<Catalog.Constraint> constraints, boolean rls) {
        return new Catalog.Table(
                name(name),
                false,
                List.of(column("id")),
                constraints,
                List.of(),
                rls,
                false,
                List.of(),
                List.of(),
                null);
    }

    private static Catalog.Column column(String name) {
        return new Catalog.Column(name, "integer", null, true, null, false, "", "", "", null);
    }

    private static Catalog.Constraint fk(String name, String target) {
        return new Catalog.Constraint(
                name, 'f', "FOREIGN KEY (x) REFERENCES public." + target + "(id)", name(target), false);
    }

    private static Catalog.Trigger trigger(String table, String name) {
        return new Catalog.Trigger(
                name(table),
                name,
                name,
                "CREATE TRIGGER " + name + " BEFORE UPDATE ON public." + table
                        + " FOR EACH ROW EXECUTE FUNCTION public.valid()",
                'O',
                null);
    }

    private static Catalog.Function function(String name, Set<Name> calls) {
        return new Catalog.Function(
                signature(name),
                false,
                false,
                "CREATE OR REPLACE FUNCTION public." + name
                        + "()\n RETURNS integer\n LANGUAGE sql\nAS $function$select 1$function$\n",
                calls,
                List.of(),
                null);
    }

    private static Name signature(String name) {
        return new Name("public", name + "()", "public." + name + "()");
    }

    private static Name name(String name) {
        return new Name("public", name, "public." + name);
    }

    private static List<String> names(List<PulledFile> files, Phase phase) {
        return files.stream()
                .filter(f -> f.phase() == phase)
                .map(PulledFile::path)
                .toList();
    }

    /** The file without the pull header and the blank line after it. */
    private static String content(List<PulledFile> files, String path) {
        String text = raw(files, path);
        String header = PullPlanner.HEADER + "\n\n";
        assertThat(text).startsWith(header);
        return text.substring(header.length());
    }

    private static String raw(List<PulledFile> files, String path) {
        return files.stream()
                .filter(f -> f.path().equals(path))
                .findFirst()
                .orElseThrow()
                .content();
    }
}
