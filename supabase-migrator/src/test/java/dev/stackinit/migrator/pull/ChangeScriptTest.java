package dev.stackinit.migrator.pull;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stackinit.migrator.Phase;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/** From two catalogs to differences to change files, without a database. */
class ChangeScriptTest {
    private static final List<String> API_ROLES = List.of("anon", "authenticated", "service_role");

    @Test
    void equalCatalogsHaveNoDifferences() {
        assertThat(diff(base(), base())).isEmpty();
    }

    @Test
    void grantsAreComparedAsSets() {
        Catalog reordered = with(
                base(),
                t -> table(
                        t.name(),
                        t.columns(),
                        t.indexes(),
                        t.policies(),
                        List.of(grant("authenticated"), grant("anon"))));

        assertThat(diff(base(), reordered)).isEmpty();
    }

    @Test
    void aNewTableIsOneLineNotOnePerColumn() {
        Catalog live = base();
        List<Catalog.Table> tables = new ArrayList<>(live.tables());
        tables.add(table(name("notes"), List.of(column("id"), column("body")), List.of(), List.of(), List.of()));
        live = withTables(live, tables);

        List<SchemaDiff.Difference> all = diff(base(), live);

        assertThat(SchemaDiff.report(all))
                .extracting(SchemaDiff.Difference::line)
                .containsExactly("added table public.notes");
        String sql = only(script(base(), live, Phase.TABLES), Phase.TABLES);
        assertThat(sql).contains("CREATE TABLE public.notes").doesNotContain("ADD COLUMN");
    }

    @Test
    void anAddedColumnAndAChangedPolicyGoIntoTheTablesPhaseAndAFunctionIntoItsOwn() {
        Catalog live = with(
                base(),
                t -> table(
                        t.name(),
                        List.of(column("id"), column("priority")),
                        t.indexes(),
                        List.of(policy("own", "(id > 1)")),
                        t.grants()));
        live = withFunctions(live, List.of(function("touch", "select 2")));

        List<ChangeScript.ChangeFile> files = script(base(), live, Phase.TABLES);

        assertThat(files).extracting(ChangeScript.ChangeFile::phase).containsExactly(Phase.TABLES, Phase.FUNCTIONS);
        assertThat(only(files, Phase.TABLES))
                .contains("ALTER TABLE public.todos ADD COLUMN priority integer NOT NULL;")
                .contains("DROP POLICY own ON public.todos;\nCREATE POLICY own ON public.todos")
                .contains("USING ((id > 1))");
        assertThat(only(files, Phase.FUNCTIONS)).contains("select 2").contains("REVOKE ALL ON FUNCTION public.touch()");
    }

    @Test
    void aDroppedIndexIsDroppedWhereItWasMadeAndADroppedColumnInTheLastPhase() {
        Catalog live = with(base(), t -> table(t.name(), List.of(column("id")), List.of(), t.policies(), t.grants()));
        Catalog files = with(
                base(),
                t -> table(t.name(), List.of(column("id"), column("old")), t.indexes(), t.policies(), t.grants()));

        List<ChangeScript.ChangeFile> changes = script(files, live, Phase.TRIGGERS);

        assertThat(only(changes, Phase.TABLES)).contains("DROP INDEX public.todos_idx");
        assertThat(only(changes, Phase.TRIGGERS)).contains("ALTER TABLE public.todos DROP COLUMN old");
    }

    @Test
    void enumLabelsAddedBeforeOthersGetTheirOwnFileOutsideATransaction() {
        Catalog files = withTypes(base(), List.of(enumType("'draft'", "'published'")));
        Catalog live = withTypes(base(), List.of(enumType("'draft'", "'review'", "'published'", "'archived'")));

        List<ChangeScript.ChangeFile> changes = script(files, live, Phase.TABLES);

        assertThat(changes).extracting(ChangeScript.ChangeFile::label).containsExactly("_enum_values");
        assertThat(changes.get(0).content())
                .startsWith("-- migrator:no-transaction\n")
                .contains("ALTER TYPE public.status ADD VALUE 'review' BEFORE 'published';")
                .contains("ALTER TYPE public.status ADD VALUE 'archived' AFTER 'published';");
    }

    @Test
    void aLabelThatWentAwayCannotBeWrittenAndIsNamed() {
        Catalog files = withTypes(base(), List.of(enumType("'draft'", "'published'")));
        Catalog live = withTypes(base(), List.of(enumType("'published'", "'draft'")));

        ChangeScript.Result result = ChangeScript.of(diff(files, live), live, Phase.TABLES);

        assertThat(result.inexpressible()).singleElement().asString().contains("public.status", "reordered");
    }

    @Test
    void aPolicyOnAStorageTableIsWrittenAsAdmin() {
        Catalog.Table objects = new Catalog.Table(
                new Name("storage", "objects", "storage.objects"),
                false,
                List.of(),
                List.of(),
                List.of(),
                true,
                false,
                List.of(policy("avatars", "(bucket_id = 'avatars'::text)")),
                List.of(),
                null);
        Catalog live = new Catalog(
                base().schemas(),
                base().defaultPrivileges(),
                List.of(),
                List.of(),
                List.of(),
                base().tables(),
                List.of(),
                base().functions(),
                List.of(),
                List.of(),
                List.of(),
                List.of(objects),
                List.of(),
                List.of(),
                API_ROLES,
                base().findings());

        List<ChangeScript.ChangeFile> changes = script(base(), live, Phase.TABLES);

        assertThat(changes).singleElement().satisfies(f -> {
            assertThat(f.label()).isEqualTo("_as_admin");
            assertThat(f.content())
                    .startsWith("-- migrator:as-admin\n")
                    .contains("ALTER TABLE storage.objects ENABLE ROW LEVEL SECURITY")
                    .contains("CREATE POLICY avatars ON storage.objects");
        });
    }

    @Test
    void aRealtimeMemberIsAddedInTheTablesPhase() {
        Catalog.Publication empty = realtime(List.of());
        Catalog.Publication withTodos =
                realtime(List.of(new Catalog.PublicationTable(name("todos"), List.of("id"), "(id > 0)")));

        List<SchemaDiff.Difference> differences =
                diff(withPublications(base(), empty), withPublications(base(), withTodos));

        assertThat(differences)
                .extracting(SchemaDiff.Difference::line)
                .containsExactly("added publication-table supabase_realtime:public.todos");
        assertThat(only(
                        script(withPublications(base(), empty), withPublications(base(), withTodos), Phase.TABLES),
                        Phase.TABLES))
                .contains("ALTER PUBLICATION supabase_realtime ADD TABLE public.todos (id) WHERE ((id > 0));");
    }

    private static List<SchemaDiff.Difference> diff(Catalog files, Catalog live) {
        return SchemaDiff.compare(CatalogObjects.of(files), CatalogObjects.of(live));
    }

    private static List<ChangeScript.ChangeFile> script(Catalog files, Catalog live, Phase last) {
        ChangeScript.Result result = ChangeScript.of(diff(files, live), live, last);
        assertThat(result.inexpressible()).isEmpty();
        return result.files();
    }

    private static String only(List<ChangeScript.ChangeFile> files, Phase phase) {
        return files.stream()
                .filter(f -> f.phase() == phase)
                .map(ChangeScript.ChangeFile::content)
                .reduce((a, b) -> {
                    throw new AssertionError("more than one file in " + phase);
                })
                .orElseThrow();
    }

    /** public.todos (id) with an index, a policy and grants; one function. */
    private static Catalog base() {
        Catalog.Table todos = table(
                name("todos"),
                List.of(column("id")),
                List.of(new Catalog.Index("public.todos_idx", "CREATE INDEX todos_idx ON public.todos (id)", false)),
                List.of(policy("own", "(id > 0)")),
                List.of(grant("anon"), grant("authenticated")));
        return new Catalog(
                List.of(new Catalog.Schema("public", "public", null, List.of())),
                List.of(),
                List.of(),
                List.of(),
                List.of(todos),
                List.of(),
                List.of(function("valid", "select 1")),
                List.of(),
                List.of(),
                API_ROLES,
                List.of());
    }

    private static Catalog with(Catalog catalog, UnaryOperator<Catalog.Table> change) {
        return withTables(catalog, catalog.tables().stream().map(change).toList());
    }

    private static Catalog withTables(Catalog c, List<Catalog.Table> tables) {
        return new Catalog(
                c.schemas(),
                c.defaultPrivileges(),
                c.extensions(),
                c.types(),
                c.sequences(),
                tables,
                c.views(),
                c.functions(),
                c.triggers(),
                c.rules(),
                c.webhooks(),
                c.platformTables(),
                c.publications(),
                c.buckets(),
                c.apiRoles(),
                c.findings());
    }

    private static Catalog withFunctions(Catalog c, List<Catalog.Function> functions) {
        List<Catalog.Function> all = new ArrayList<>(c.functions());
        all.addAll(functions);
        return new Catalog(
                c.schemas(),
                c.defaultPrivileges(),
                c.extensions(),
                c.types(),
                c.sequences(),
                c.tables(),
                c.views(),
                all,
                c.triggers(),
                c.rules(),
                c.webhooks(),
                c.platformTables(),
                c.publications(),
                c.buckets(),
                c.apiRoles(),
                c.findings());
    }

    private static Catalog withTypes(Catalog c, List<Catalog.Type> types) {
        return new Catalog(
                c.schemas(),
                c.defaultPrivileges(),
                c.extensions(),
                types,
                c.sequences(),
                c.tables(),
                c.views(),
                c.functions(),
                c.triggers(),
                c.rules(),
                c.webhooks(),
                c.platformTables(),
                c.publications(),
                c.buckets(),
                c.apiRoles(),
                c.findings());
    }

    private static Catalog withPublications(Catalog c, Catalog.Publication publication) {
        return new Catalog(
                c.schemas(),
                c.defaultPrivileges(),
                c.extensions(),
                c.types(),
                c.sequences(),
                c.tables(),
                c.views(),
                c.functions(),
                c.triggers(),
                c.rules(),
                c.webhooks(),
                c.platformTables(),
                List.of(publication),
                c.buckets(),
                c.apiRoles(),
                c.findings());
    }

    private static Catalog.Publication realtime(List<Catalog.PublicationTable> tables) {
        return new Catalog.Publication(
                "supabase_realtime",
                "supabase_realtime",
                true,
                false,
                List.of("insert", "update", "delete", "truncate"),
                false,
                tables,
                List.of(),
                null);
    }

    private static Catalog.Type enumType(String... labels) {
        return new Catalog.Type(
                name("status"), 'e', List.of(labels), List.of(), null, false, null, List.of(), Set.of(), null);
    }

    private static Catalog.Table table(
            Name name,
            List<Catalog.Column> columns,
            List<Catalog.Index> indexes,
            List<Catalog.Policy> policies,
            List<Catalog.Grant> grants) {
        return new Catalog.Table(name, false, columns, List.of(), indexes, true, false, policies, grants, null);
    }

    private static Catalog.Column column(String name) {
        return new Catalog.Column(name, "integer", null, true, null, false, "", "", "", null);
    }

    private static Catalog.Policy policy(String name, String using) {
        return new Catalog.Policy(name, true, "SELECT", List.of("authenticated"), using, null, false);
    }

    private static Catalog.Grant grant(String role) {
        return new Catalog.Grant(role, "SELECT", false, null);
    }

    private static Catalog.Function function(String name, String body) {
        return new Catalog.Function(
                new Name("public", name + "()", "public." + name + "()"),
                false,
                false,
                "CREATE OR REPLACE FUNCTION public." + name + "()\n RETURNS integer\n LANGUAGE sql\nAS $function$"
                        + body + "$function$\n",
                Set.of(),
                List.of(),
                null);
    }

    private static Name name(String name) {
        return new Name("public", name, "public." + name);
    }
}
