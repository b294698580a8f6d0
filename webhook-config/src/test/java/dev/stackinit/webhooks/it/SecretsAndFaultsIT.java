package dev.stackinit.webhooks.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stackinit.embedded.EmbeddedSupabase;
import dev.stackinit.webhooks.cli.WebhookConfigCommand;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Secrets in a webhook's URL, params and headers never reach apply, list, plan or their JSON; a wrong password is exit
 * 3 as in every tool; bad URLs, bad files and lost connections are one line with the documented code.
 */
class SecretsAndFaultsIT {
    private static final String URL_TOKEN = "url-token-4f9a1c";
    private static final String PARAM_KEY = "param-key-77d0e2";
    private static final String HEADER_KEY = "header-key-5b3e08";
    private static final String PATH_TOKEN = "path-token-c0ffee";
    private static final List<String> SECRETS = List.of(URL_TOKEN, PARAM_KEY, HEADER_KEY, PATH_TOKEN);
    private static final String ROLE = "whpw";

    static EmbeddedSupabase server;
    static TestDatabases databases;

    @TempDir
    Path dir;

    String db;
    String out;
    String err;

    @BeforeAll
    static void start() throws Exception {
        server = EmbeddedSupabase.start();
        databases = new TestDatabases(server);
        // the embedded server trusts local logins; one role checks its password, as a real stack does
        databases.sql("postgres", "CREATE ROLE " + ROLE + " LOGIN SUPERUSER PASSWORD 'right-password'");
        try (Connection c = databases.connect("postgres", "postgres");
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SHOW hba_file")) {
            rs.next();
            Path hba = Path.of(rs.getString(1));
            Files.writeString(
                    hba,
                    "host all " + ROLE + " 127.0.0.1/32 scram-sha-256\nhost all " + ROLE + " ::1/128 scram-sha-256\n"
                            + Files.readString(hba));
            s.execute("SELECT pg_reload_conf()");
        }
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @BeforeEach
    void freshDatabase() throws Exception {
        db = databases.fresh();
        databases.sql(db, "CREATE TABLE public.profiles (id serial PRIMARY KEY, name text)");
        assertThat(cli("bootstrap", "--admin-url", databases.adminUrl(db))).isZero();
    }

    int cli(String... args) {
        return cli(Map.of(), args);
    }

    int cli(Map<String, String> extraEnv, String... args) {
        StringWriter o = new StringWriter();
        StringWriter e = new StringWriter();
        Map<String, String> env = new HashMap<>(extraEnv);
        env.putIfAbsent("DATABASE_URL", databases.url(db));
        int code = WebhookConfigCommand.run(env, new PrintWriter(o), new PrintWriter(e), args);
        out = o.toString();
        err = e.toString();
        return code;
    }

    private void assertNoSecretPrinted() {
        for (String secret : SECRETS) {
            assertThat(out).as("stdout").doesNotContain(secret);
            assertThat(err).as("stderr").doesNotContain(secret);
        }
    }

    private Path declaration(String url) throws Exception {
        return Files.writeString(
                dir.resolve("hooks.yml"),
                "webhooks:\n"
                        + "  - name: new_profile\n"
                        + "    table: public.profiles\n"
                        + "    events: [INSERT]\n"
                        + "    url: " + url + "\n"
                        + "    headers: {Content-Type: application/json, X-Api-Key: " + HEADER_KEY + "}\n"
                        + "    params: {apikey: " + PARAM_KEY + ", page: '2'}\n");
    }

    @Test
    void noCommandPrintsASecretOfTheUrlParamsOrHeaders() throws Exception {
        Map<String, String> env = Map.of("HOOK_TOKEN", PATH_TOKEN);
        Path file = declaration("https://hooks.example.com/${HOOK_TOKEN}/in?token=" + URL_TOKEN + "&team=a");

        for (String[] args : List.of(
                new String[] {"plan", "-f", file.toString()},
                new String[] {"plan", "-f", file.toString(), "--json"},
                new String[] {"apply", "-f", file.toString(), "--json"},
                new String[] {"plan", "-f", file.toString(), "--json"},
                new String[] {"list"},
                new String[] {"list", "--json"})) {
            assertThat(cli(env, args)).as(String.join(" ", args) + ": " + err).isZero();
            assertNoSecretPrinted();
        }
        assertThat(out).contains("\"apikey\" : \"****\"").contains("token=****").contains("\"page\" : \"2\"");

        // a changed URL: the update's differences show both URLs, masked
        Path changed = declaration("https://hooks.example.com/${HOOK_TOKEN}/v2?token=" + URL_TOKEN);
        assertThat(cli(env, "plan", "-f", changed.toString())).isZero();
        assertThat(out).contains("~ update").contains("token=****");
        assertNoSecretPrinted();
        assertThat(cli(env, "apply", "-f", changed.toString())).isZero();
        assertNoSecretPrinted();
        assertThat(cli(env, "delete", "new_profile", "--json")).isZero();
        assertNoSecretPrinted();

        // the trigger itself carries the real values: masking is for output only
        assertThat(cli(env, "apply", "-f", changed.toString())).isZero();
        assertThat(databases.triggerDefinitions(db)).singleElement().asString().contains(URL_TOKEN, PARAM_KEY);
    }

    @Test
    void aWrongPasswordIsExitThreeInOneLine() throws Exception {
        String url = "postgres://" + ROLE + ":wrong-password@localhost:" + server.port() + "/" + db;
        assertThat(cli(Map.of("DATABASE_URL", url), "list")).isEqualTo(3);
        assertThat(err.lines().toList()).singleElement().asString().contains("authentication failed");
        assertThat(err).doesNotContain("wrong-password");
        String right = "postgres://" + ROLE + ":right-password@localhost:" + server.port() + "/" + db;
        assertThat(cli(Map.of("DATABASE_URL", right), "list")).as(err).isZero();
    }

    @Test
    void badUrlsAreExitThreeBeforeAnyWaiting() {
        for (String url : List.of(
                "postgres://postgres@localhost:99999/" + db,
                "jdbc:postgresql://localhost:" + server.port() + "/" + db + "?PGPORT=abc",
                "jdbc:postgresql://localhost:" + server.port() + "/" + db + "?service=nowhere")) {
            long started = System.nanoTime();
            assertThat(cli(Map.of("DATABASE_URL", url), "list"))
                    .as(url + ": " + err)
                    .isEqualTo(3);
            assertThat(err.lines().toList()).singleElement().asString().contains("invalid database URL");
            assertThat(TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - started))
                    .isLessThan(5);
        }
    }

    @Test
    void aDeclarationWithInvalidUtf8OrBrokenYamlIsOneLineAndChangesNothing() throws Exception {
        Path latin1 = dir.resolve("latin1.yml");
        Files.write(
                latin1,
                ("webhooks:\n  - name: caf\u00e9\n    table: profiles\n    events: [INSERT]\n    url: http://x/\n")
                        .getBytes(StandardCharsets.ISO_8859_1));
        assertThat(cli("apply", "-f", latin1.toString())).isEqualTo(3);
        assertThat(err.lines().toList()).singleElement().asString().contains("invalid UTF-8 at line 2, byte offset 23");

        Path broken = Files.writeString(dir.resolve("broken.yml"), "webhooks:\n  - name: a\n   table: b\n");
        assertThat(cli("apply", "-f", broken.toString())).isEqualTo(3);
        assertThat(err.lines().toList()).singleElement().asString().contains("broken.yml:3:");
        assertThat(databases.triggerDefinitions(db)).isEmpty();
    }

    @Test
    void aConnectionTerminatedMidTransactionIsExitFourNeverFive() throws Exception {
        // a table whose lock the apply has to wait for, so there is time to terminate its backend
        databases.sql(db, "CREATE TABLE public.locked (id int)");
        Path file = Files.writeString(
                dir.resolve("hooks.yml"),
                "webhooks:\n  - name: h\n    table: public.locked\n    events: [INSERT]\n    url: http://x/\n");
        try (Connection holder = databases.connect(db, "postgres")) {
            holder.setAutoCommit(false);
            try (Statement s = holder.createStatement()) {
                s.execute("LOCK TABLE public.locked IN ACCESS EXCLUSIVE MODE");
            }
            Thread killer = new Thread(() -> {
                try {
                    for (int i = 0; i < 100; i++) {
                        Thread.sleep(100);
                        List<String> killed = databases.column(
                                db,
                                "SELECT pg_terminate_backend(pid)::text FROM pg_stat_activity WHERE"
                                        + " application_name = 'webhook-config' AND wait_event_type = 'Lock'");
                        if (!killed.isEmpty()) {
                            return;
                        }
                    }
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            killer.start();
            int exit = cli("apply", "-f", file.toString());
            killer.join(15_000);
            holder.rollback();
            assertThat(exit).as(err).isEqualTo(4);
        }
        assertThat(err.lines().toList()).singleElement().asString().contains("lost the database connection");
        assertThat(databases.triggerDefinitions(db)).isEmpty();
    }
}
