package dev.stackinit.provision.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import dev.stackinit.provision.cli.StackInitCommand;
import dev.stackinit.provision.embedded.EmbeddedStack;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * provision end to end on the embedded PostgreSQL 15 and the MongoDB stand-in, configured the way a user configures a
 * real stack: a config file plus STACK_INIT_* variables. The stand-in has no replica set, so rs-init is covered by
 * mongo-seeder's own tests and container tier, not here.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ProvisionIT {
    private static EmbeddedStack stack;
    private static Path config;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @BeforeAll
    static void start() throws Exception {
        stack = EmbeddedStack.start();
        config = stack.workDir().resolve("stack-init.yml");
        Files.writeString(config, """
                keys:
                  mode: generate
                  env_files: [.env]
                  mapping: env-mapping.yml
                mongo:
                  seed_dir: mongo/seed
                supabase:
                  migrations: supabase/migrations
                  wait_for_table: auth.users
                  wait_timeout: 10s
                """);
    }

    @AfterAll
    static void stop() {
        stack.close();
    }

    private Map<String, String> env() {
        Map<String, String> env = new HashMap<>(stack.env(Map.of()));
        env.put("STACK_INIT_MONGO_URI", stack.mongo().connectionString());
        env.put("STACK_INIT_SUPABASE_DATABASE_URL", stack.postgres().postgresUrl());
        env.put("STACK_INIT_SUPABASE_ADMIN_URL", stack.postgres().postgresUrl("supabase_admin", "postgres"));
        env.put("STACK_INIT_SUPABASE_PLACEHOLDERS", "STACKEND_URL=http://stackend:8000");
        return env;
    }

    private int run(Map<String, String> env, String... args) {
        return StackInitCommand.run(env, new PrintWriter(out), new PrintWriter(err), args);
    }

    private static List<String> column(String sql) throws SQLException {
        try (Connection connection =
                        DriverManager.getConnection(stack.postgres().jdbcUrl());
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery(sql)) {
            List<String> values = new ArrayList<>();
            while (rows.next()) {
                values.add(rows.getString(1));
            }
            return values;
        }
    }

    @Test
    @Order(1)
    void aPlanAsksEveryServerAndChangesNothing() throws Exception {
        assertThat(run(env(), "plan", "--config", config.toString()))
                .as(err.toString())
                .isZero();

        assertThat(out.toString())
                .containsPattern("keys\\s+planned")
                .contains("would set")
                .contains("import mongo/seed into __models__: would copy 3 collection(s)")
                .contains("no completed copy is recorded in __models__")
                .contains("would apply 11 file(s) of supabase/migrations, 0 applied before:")
                .contains("tables/001_membership_role.sql")
                .contains("seed/001_demo_organization.sql")
                .contains("webhooks: declare new_user on public.profiles")
                .contains("bootstrap: database webhooks: would run")
                .contains("plan: 3 step(s) would change something; nothing was changed")
                .doesNotContain("provisioned");
        assertThat(column("select to_regclass('public.profiles')::text")).containsOnlyNulls();
        assertThat(column("select to_regclass('stackinit.migration_history')::text"))
                .containsOnlyNulls();
        assertThat(column("select to_regnamespace('supabase_functions')::text")).containsOnlyNulls();
        assertThat(Files.readString(stack.workDir().resolve(".env"))).doesNotContain("ANON_KEY=eyJ0");
        try (MongoClient client = MongoClients.create(stack.mongo().connectionString())) {
            assertThat(client.getDatabase("__models__").listCollectionNames()).isEmpty();
        }
    }

    @Test
    @Order(2)
    void provisionsEveryStepThenTheSecondRunIsUpToDate() throws Exception {
        assertThat(run(env(), "provision", "--config", config.toString()))
                .as(err.toString())
                .isZero();
        assertThat(out.toString()).contains("provisioned").doesNotContain("failed");
        // progress names each file once, relative to the migrations folder
        assertThat(err.toString())
                .contains("[1/11] tables/001_membership_role.sql")
                .doesNotContain("tables/tables");
        assertThat(column("select tablename from pg_tables where schemaname = 'public' order by 1"))
                .contains("organizations", "memberships", "profiles");
        assertThat(column("select proname from pg_proc where pronamespace = 'public'::regnamespace"))
                .contains("handle_new_user");
        assertThat(column("select tgname from pg_trigger where not tgisinternal"))
                .contains("new_user", "on_auth_user_created");
        try (MongoClient client = MongoClients.create(stack.mongo().connectionString())) {
            assertThat(client.getDatabase("__models__").listCollectionNames())
                    .contains("flow_templates", "categories", "node_types");
        }
        assertThat(Files.readString(stack.workDir().resolve("stackend.env"))).contains("SUPABASE_ANON_KEY=ey");

        out.getBuffer().setLength(0);
        assertThat(run(env(), "provision", "--config", config.toString(), "--json"))
                .isZero();
        assertThat(out.toString()).contains("\"upToDate\" : true").doesNotContain("\"status\" : \"done\"");

        out.getBuffer().setLength(0);
        assertThat(run(env(), "plan", "--config", config.toString()))
                .as(err.toString())
                .isZero();
        assertThat(out.toString())
                .containsPattern("keys\\s+up to date")
                .contains("import mongo/seed into __models__: up to date (the recorded copy matches the source)")
                .contains("0 pending, 11 applied before")
                .contains("plan: everything is up to date; nothing was changed");
    }

    @Test
    @Order(3)
    void theWebhookFiresIntoThePgNetStandIn() throws Exception {
        int before = stack.postgres().recordedRequests().size();
        column("insert into auth.users (email) values ('new@example.com') returning id");
        var requests = stack.postgres().recordedRequests();
        assertThat(requests).hasSize(before + 1);
        assertThat(requests.get(requests.size() - 1).url()).isEqualTo("http://stackend:8000/webhooks/new_user");
    }

    @Test
    @Order(4)
    void anUnreachableDatabaseFailsAtItsStepWithExitFour() {
        Map<String, String> env = env();
        env.put("STACK_INIT_SUPABASE_DATABASE_URL", "postgres://postgres:secret-pw@127.0.0.1:1/postgres");
        env.put("STACK_INIT_SUPABASE_WAIT_TIMEOUT", "1s");
        assertThat(run(env, "provision", "--config", config.toString())).isEqualTo(4);
        assertThat(out.toString())
                .containsPattern("mongo\\s+up to date")
                .containsPattern("supabase\\s+failed")
                .contains("stopped at supabase: exit code 4")
                .doesNotContain("provisioned");
        assertThat(err.toString().strip().lines().reduce((a, b) -> b).orElseThrow())
                .startsWith(
                        "stack-init: supabase: PostgreSQL at postgres://postgres@127.0.0.1:1/postgres did not answer");
        assertThat(out.toString() + err.toString()).doesNotContain("secret-pw").doesNotContain("[supabase] failed");
    }

    @Test
    @Order(4)
    void aPlanAgainstAnUnreachableDatabaseExitsFourAndNeverSaysProvisioned() {
        Map<String, String> env = env();
        env.put("STACK_INIT_SUPABASE_DATABASE_URL", "postgres://postgres@127.0.0.1:1/postgres");
        env.put("STACK_INIT_SUPABASE_WAIT_TIMEOUT", "0s");

        assertThat(run(env, "plan", "--config", config.toString())).isEqualTo(4);

        assertThat(out.toString())
                .containsPattern("supabase\\s+failed")
                .contains("plan stopped at supabase: exit code 4")
                .doesNotContain("provisioned");
        assertThat(err.toString())
                .contains("stack-init: supabase: PostgreSQL at postgres://postgres@127.0.0.1:1/postgres");

        // --wait-timeout on the command line wins over the config's wait_timeout (10s here)
        env.remove("STACK_INIT_SUPABASE_WAIT_TIMEOUT");
        err.getBuffer().setLength(0);
        assertThat(run(env, "plan", "--config", config.toString(), "--wait-timeout", "0s"))
                .isEqualTo(4);
        // one attempt for the reachable MongoDB stand-in too: its step still passes
        assertThat(err.toString()).contains("[mongo] up to date").contains("did not answer within 0 s (1 try)");

        out.getBuffer().setLength(0);
        assertThat(run(env, "plan", "--config", config.toString(), "--json", "--wait-timeout", "0s"))
                .isEqualTo(4);
        assertThat(out.toString())
                .contains("\"exit\" : 4")
                .contains("\"failedStep\" : \"supabase\"")
                .contains("\"error\" : \"supabase: PostgreSQL at");
    }

    @Test
    @Order(4)
    void aDatabaseUrlAloneIsEnoughForAPlanAndAnUnreachableOneIsExitFour() {
        Map<String, String> env = new HashMap<>();
        env.put("STACK_INIT_SUPABASE_DATABASE_URL", "postgres://postgres@127.0.0.1:1/postgres");
        env.put("STACK_INIT_SUPABASE_WAIT_TIMEOUT", "0s");

        assertThat(run(env, "plan")).isEqualTo(4);
        assertThat(out.toString()).containsPattern("supabase\\s+failed").doesNotContain("provisioned");

        out.getBuffer().setLength(0);
        env.put("STACK_INIT_SUPABASE_DATABASE_URL", stack.postgres().postgresUrl());
        env.putAll(stack.env(Map.of()));
        assertThat(run(env, "plan")).as(err.toString()).isZero();
        assertThat(out.toString())
                .contains("no migrations configured (supabase.migrations): the database is only bootstrapped");
    }

    @Test
    @Order(4)
    void aPlanAgainstAnUnreachableMongoNamesTheMongoStep() {
        Map<String, String> env = env();
        env.put("STACK_INIT_MONGO_URI", "mongodb://127.0.0.1:1/?directConnection=true");
        env.put("STACK_INIT_MONGO_WAIT_TIMEOUT", "500ms");

        assertThat(run(env, "plan", "--config", config.toString())).isEqualTo(4);

        assertThat(out.toString()).containsPattern("mongo\\s+failed").containsPattern("supabase\\s+skipped");
        assertThat(err.toString()).contains("stack-init: mongo: ");
    }

    @Test
    @Order(5)
    void anUnknownKeyIsOneLineAndExitThree() throws Exception {
        Path bad = stack.workDir().resolve("bad.yml");
        Files.writeString(bad, "mongo:\n  urii: x\n");
        assertThat(run(env(), "provision", "--config", bad.toString())).isEqualTo(3);
        assertThat(err.toString().strip()).startsWith("stack-init: ").contains("unknown key 'mongo.urii'");
    }

    @Test
    @Order(6)
    void verifyModePassesOnGeneratedKeysAndStopsTheRunOnBrokenOnes() throws Exception {
        Path verify = stack.workDir().resolve("verify.yml");
        Files.writeString(verify, "keys:\n  env_files: [.env]\n  mapping: env-mapping.yml\n");
        assertThat(run(stack.env(Map.of()), "provision", "--config", verify.toString()))
                .as(err.toString())
                .isZero();
        assertThat(out.toString()).containsPattern("keys\\s+up to date");

        Path env = stack.workDir().resolve(".env");
        String good = Files.readString(env);
        try {
            Files.writeString(env, good.replaceFirst("(?m)^SERVICE_ROLE_KEY=.*$", "SERVICE_ROLE_KEY=not.a.jwt"));
            out.getBuffer().setLength(0);
            assertThat(run(stack.env(Map.of()), "provision", "--config", verify.toString()))
                    .isEqualTo(3);
            assertThat(out.toString()).containsPattern("keys\\s+failed").contains("fix with: key-generator generate");
            assertThat(err.toString()).contains("stack-init: keys: ").contains("problem(s)");
        } finally {
            Files.writeString(env, good);
        }
    }
}
