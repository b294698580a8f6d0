package dev.stackinit.provision.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stackinit.provision.cli.StackInitCommand;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.wait.strategy.Wait;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.utility.DockerImageName;

/**
 * provision against a real mongod started with --replSet (so rs-init runs for real) and the real supabase/postgres image
 * (real roles, real pg_net). Runs where a Docker engine exists; skipped elsewhere, with the reason printed.
 */
@Testcontainers(disabledWithoutDocker = true)
class ProvisionContainerIT {
    private static final String PASSWORD = "provision-it-password";

    @Container
    static final GenericContainer<?> MONGO = new GenericContainer<>(DockerImageName.parse("mongo:8.0"))
            .withCommand("--replSet", "rs0", "--bind_ip_all")
            .withExposedPorts(27017)
            .waitingFor(Wait.forLogMessage(".*Waiting for connections.*", 1));

    @Container
    static final GenericContainer<?> SUPABASE = new GenericContainer<>(
                    DockerImageName.parse("supabase/postgres:15.8.1.085"))
            .withEnv("POSTGRES_PASSWORD", PASSWORD)
            .withExposedPorts(5432)
            .waitingFor(Wait.forLogMessage(".*database system is ready to accept connections.*", 2));

    @TempDir
    Path dir;

    @Test
    void provisionsRealServersAndTheSecondRunIsUpToDate() throws Exception {
        Path config = dir.resolve("stack-init.yml");
        Path migrations = Path.of("..", "compose", "supabase", "migrations")
                .toAbsolutePath()
                .normalize();
        Path seed = Path.of("..", "compose", "mongo", "seed").toAbsolutePath().normalize();
        Files.writeString(config, """
                mongo:
                  uri: mongodb://%s:%d/?directConnection=true
                  replica_set: rs0
                  member_host: localhost:27017
                  seed_dir: %s
                supabase:
                  database_url: postgres://postgres@%s:%d/postgres
                  admin_url: postgres://supabase_admin@%s:%d/postgres
                  migrations: %s
                  wait_for_table: auth.users
                """.formatted(
                        MONGO.getHost(),
                        MONGO.getMappedPort(27017),
                        seed,
                        SUPABASE.getHost(),
                        SUPABASE.getMappedPort(5432),
                        SUPABASE.getHost(),
                        SUPABASE.getMappedPort(5432),
                        migrations));
        Map<String, String> env =
                Map.of("POSTGRES_PASSWORD", PASSWORD, "PGPASSWORD", PASSWORD, "STACKEND_URL", "http://stackend:8000");

        // the plan on the real servers: the replica-set state and the real webhook bootstrap, changing nothing
        StringWriter planned = new StringWriter();
        StringWriter planErr = new StringWriter();
        int plan = StackInitCommand.run(
                env, new PrintWriter(planned), new PrintWriter(planErr), "plan", "--config", config.toString());
        assertThat(plan).as(planErr.toString()).isZero();
        assertThat(planned.toString())
                .contains("replica set rs0 (localhost:27017)")
                .contains("would initiate")
                .contains("would apply 11 file(s)")
                .contains("plan: 2 step(s) would change something; nothing was changed");

        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int first = StackInitCommand.run(
                env, new PrintWriter(out), new PrintWriter(err), "provision", "--config", config.toString());
        assertThat(first).as(err.toString()).isZero();
        assertThat(out.toString()).contains("replica set rs0").containsPattern("supabase\\s+done");

        StringWriter again = new StringWriter();
        int second = StackInitCommand.run(
                env,
                new PrintWriter(again),
                new PrintWriter(new StringWriter()),
                "provision",
                "--config",
                config.toString());
        assertThat(second).isZero();
        assertThat(again.toString()).contains("everything up to date");

        StringWriter replanned = new StringWriter();
        assertThat(StackInitCommand.run(
                        env,
                        new PrintWriter(replanned),
                        new PrintWriter(new StringWriter()),
                        "plan",
                        "--config",
                        config.toString()))
                .isZero();
        assertThat(replanned.toString())
                .contains("already initiated, nothing to do")
                .contains("up to date (the recorded copy matches the source)")
                .contains("0 pending, 11 applied before")
                .contains("plan: everything is up to date; nothing was changed");
    }
}
