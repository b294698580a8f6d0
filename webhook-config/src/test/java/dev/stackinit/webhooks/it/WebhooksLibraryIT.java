package dev.stackinit.webhooks.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stackinit.embedded.EmbeddedSupabase;
import dev.stackinit.errors.InvalidInputException;
import dev.stackinit.webhooks.ApplyReport;
import dev.stackinit.webhooks.BootstrapReport;
import dev.stackinit.webhooks.SqlQuoting;
import dev.stackinit.webhooks.UrlRewrite;
import dev.stackinit.webhooks.WebhookSpec;
import dev.stackinit.webhooks.Webhooks;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The facade the migrator uses, and the bootstrap, on embedded PostgreSQL. */
class WebhooksLibraryIT {
    static EmbeddedSupabase server;
    static TestDatabases databases;

    @BeforeAll
    static void start() {
        server = EmbeddedSupabase.start();
        databases = new TestDatabases(server);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void bootstrapCreatesEverythingOnceAndThenChangesNothing() throws Exception {
        String db = databases.fresh();
        BootstrapReport first;
        try (Connection admin = databases.connect(db, "supabase_admin")) {
            first = Webhooks.bootstrap(admin);
        }
        assertThat(first.changed()).isTrue();
        assertThat(first.actions())
                .contains(
                        "create function supabase_functions.http_request()",
                        "create table supabase_functions.hooks",
                        "create table supabase_functions.migrations");
        try (Connection admin = databases.connect(db, "supabase_admin")) {
            BootstrapReport second = Webhooks.bootstrap(admin);
            assertThat(second.actions()).isEmpty();
            assertThat(second.summary()).isEqualTo("database webhooks already enabled: 0 changes");
        }
        assertThat(databases.column(
                        db,
                        "SELECT nspowner::regrole::text FROM pg_namespace" + " WHERE nspname = 'supabase_functions'"))
                .containsExactly("supabase_admin");
        assertThat(databases.column(
                        db,
                        "SELECT proowner::regrole::text || ' ' || prosecdef FROM pg_proc"
                                + " WHERE oid = 'supabase_functions.http_request()'::regprocedure"))
                .containsExactly("supabase_functions_admin true");
        assertThat(databases.column(db, "SELECT version FROM supabase_functions.migrations ORDER BY 1"))
                .containsExactly("20210809183423_update_grants", "initial");
        assertThat(databases.column(
                        db,
                        "SELECT has_function_privilege('anon',"
                                + " 'supabase_functions.http_request()', 'EXECUTE')::text"))
                .containsExactly("true");
    }

    @Test
    void applyRunsInsideTheCallersTransaction() throws Exception {
        String db = databases.fresh();
        try (Connection admin = databases.connect(db, "supabase_admin")) {
            Webhooks.bootstrap(admin);
        }
        databases.sql(db, "CREATE TABLE public.profiles (id int)");
        List<WebhookSpec> specs = Webhooks.load(
                List.of(Path.of("samples/webhooks.yml")),
                Map.of(),
                List.of(UrlRewrite.parse("http://stackend:8000=>http://host.docker.internal:8000")));
        try (Connection connection = databases.connect(db, "postgres")) {
            connection.setAutoCommit(false);
            ApplyReport report = Webhooks.apply(connection, specs, false);
            assertThat(report.created()).containsExactly("new_user");
            connection.rollback();
        }
        assertThat(databases.triggerDefinitions(db)).isEmpty();
        try (Connection connection = databases.connect(db, "postgres")) {
            connection.setAutoCommit(false);
            Webhooks.apply(connection, specs, false);
            connection.commit();
            assertThat(Webhooks.apply(connection, specs, false).changes()).isZero();
            connection.commit();
        }
        assertThat(databases.triggerDefinitions(db))
                .singleElement()
                .asString()
                .contains("'http://host.docker.internal:8000/webhooks/new_user'");
    }

    @Test
    void applyWithoutBootstrapFailsTheCheck() throws Exception {
        String db = databases.fresh();
        databases.sql(db, "CREATE TABLE public.profiles (id int)");
        List<WebhookSpec> specs = Webhooks.load(List.of(Path.of("samples/webhooks.yml")), Map.of(), List.of());
        try (Connection connection = databases.connect(db, "postgres")) {
            assertThatThrownBy(() -> Webhooks.apply(connection, specs, false))
                    .isInstanceOf(InvalidInputException.class)
                    .hasMessageContaining("database webhooks are not enabled");
        }
    }

    @Test
    void everyKeywordPostgresDoesNotTreatAsUnreservedIsQuoted() throws Exception {
        List<String> keywords = databases.column("postgres", "SELECT word FROM pg_get_keywords() WHERE catcode <> 'U'");
        assertThat(keywords).hasSizeGreaterThan(100);
        assertThat(keywords)
                .allSatisfy(word -> assertThat(SqlQuoting.ident(word)).startsWith("\""));
    }
}
