package dev.stackinit.provision.embedded;

import dev.stackinit.embedded.EmbeddedMongo;
import dev.stackinit.embedded.EmbeddedSupabase;
import dev.stackinit.provision.ProvisionConfig;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;

/**
 * {@code provision --embedded}: an embedded PostgreSQL 15 with the Supabase bootstrap, the in-process MongoDB stand-in,
 * and the compose samples in a temporary folder, so the whole sequence runs on a laptop without Docker. Closing it stops
 * both servers and removes the temporary data.
 */
public final class EmbeddedStack implements AutoCloseable {
    private final EmbeddedSupabase postgres;
    private final EmbeddedMongo mongo;
    private final Path workDir;
    private final AtomicBoolean closed = new AtomicBoolean();

    private EmbeddedStack(EmbeddedSupabase postgres, EmbeddedMongo mongo, Path workDir) {
        this.postgres = postgres;
        this.mongo = mongo;
        this.workDir = workDir;
    }

    public static EmbeddedStack start() {
        Path workDir;
        try {
            workDir = Files.createTempDirectory("stack-init-embedded-");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a temporary folder", e);
        }
        Samples.extractTo(workDir);
        try {
            // the stack's first run: .env starts as a copy of .env.example, then keys fills in the secrets
            Files.copy(workDir.resolve(".env.example"), workDir.resolve(".env"));
        } catch (IOException e) {
            delete(workDir);
            throw new UncheckedIOException("cannot create .env in " + workDir, e);
        }
        EmbeddedSupabase postgres = null;
        try {
            postgres = EmbeddedSupabase.start();
            return new EmbeddedStack(postgres, EmbeddedMongo.start(), workDir);
        } catch (RuntimeException e) {
            if (postgres != null) {
                postgres.close();
            }
            delete(workDir);
            throw e;
        }
    }

    /** The configuration that provisions these servers with the samples. */
    public ProvisionConfig config() {
        return new ProvisionConfig(
                new ProvisionConfig.Keys("generate", List.of(".env"), "env-mapping.yml", false),
                // the stand-in has no replica-set commands, so rs-init is left out (replica_set unset)
                new ProvisionConfig.Mongo(
                        mongo.connectionString(), null, null, null, "mongo/seed", List.of("__models__"), null, 10),
                new ProvisionConfig.Supabase(
                        postgres.postgresUrl(),
                        postgres.postgresUrl("supabase_admin", "postgres"),
                        "supabase/migrations",
                        "auth.users",
                        Map.of("STACKEND_URL", "http://stackend:8000"),
                        true,
                        10));
    }

    /** Where the samples and the generated env files are; relative paths in {@link #config()} start here. */
    public Path workDir() {
        return workDir;
    }

    public Map<String, String> connections() {
        Map<String, String> connections = new LinkedHashMap<>();
        // the embedded server trusts local connections, so the URLs shown need no password
        String base = "postgres://%s@localhost:" + postgres.port() + "/postgres";
        connections.put("postgres", base.formatted("postgres"));
        connections.put("postgres (admin)", base.formatted("supabase_admin"));
        connections.put("mongodb (" + EmbeddedMongo.LABEL + ")", mongo.connectionString());
        connections.put("env files", workDir.toString());
        return connections;
    }

    /** What the steps read from the environment here: the embedded server's password stands in for the stack's. */
    public Map<String, String> env(Map<String, String> outer) {
        Map<String, String> env = new java.util.HashMap<>(outer);
        env.put("POSTGRES_PASSWORD", postgres.password());
        return env;
    }

    public EmbeddedSupabase postgres() {
        return postgres;
    }

    public EmbeddedMongo mongo() {
        return mongo;
    }

    @Override
    public void close() {
        // both the Ctrl-C hook and the normal end of a run close it: only the first does the work
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        try {
            mongo.close();
        } finally {
            try {
                postgres.close();
            } finally {
                delete(workDir);
            }
        }
    }

    private static void delete(Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        } catch (IOException e) {
            // best effort: a leftover temp folder is not worth failing a finished run
        }
    }
}
