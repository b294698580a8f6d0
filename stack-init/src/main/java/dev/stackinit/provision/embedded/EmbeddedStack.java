package dev.stackinit.provision.embedded;

import dev.stackinit.embedded.EmbeddedMongo;
import dev.stackinit.embedded.EmbeddedSupabase;
import dev.stackinit.errors.InvalidInputException;
import dev.stackinit.provision.ProvisionConfig;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;

/**
 * {@code provision --embedded}: an embedded PostgreSQL 15 with the Supabase bootstrap, the in-process MongoDB stand-in,
 * and the compose samples in a folder, so the whole sequence runs on a laptop without Docker. Closing it stops both
 * servers and removes their data; the folder with the samples and the generated env files goes too, unless it was
 * given ({@code --workdir}), in which case it is kept for the next run.
 */
public final class EmbeddedStack implements AutoCloseable {
    /** The seed data the samples import, and the database the "next commands" look at. */
    public static final String MODELS = "__models__";

    /**
     * @param port PostgreSQL's port, 0 for any free one
     * @param mongoPort the MongoDB stand-in's port, 0 for any free one
     * @param workDir where the samples and env files go and stay; empty for a temporary folder removed at the end
     */
    public record Options(int port, int mongoPort, Optional<Path> workDir) {
        public static Options defaults() {
            return new Options(0, 0, Optional.empty());
        }

        /** A pinned port that is taken fails here, in one line, rather than deep inside a server's start-up. */
        public void requireFreePorts() {
            requireFree("--port", port);
            requireFree("--mongo-port", mongoPort);
        }
    }

    private final EmbeddedSupabase postgres;
    private final EmbeddedMongo mongo;
    private final Path workDir;
    private final boolean keepWorkDir;
    private final AtomicBoolean closed = new AtomicBoolean();

    private EmbeddedStack(EmbeddedSupabase postgres, EmbeddedMongo mongo, Path workDir, boolean keepWorkDir) {
        this.postgres = postgres;
        this.mongo = mongo;
        this.workDir = workDir;
        this.keepWorkDir = keepWorkDir;
    }

    public static EmbeddedStack start() {
        return start(Options.defaults());
    }

    public static EmbeddedStack start(Options options) {
        options.requireFreePorts();
        boolean keep = options.workDir().isPresent();
        Path workDir = keep ? prepare(options.workDir().get()) : temporaryFolder();
        try {
            fill(workDir);
        } catch (RuntimeException e) {
            if (!keep) {
                delete(workDir);
            }
            throw e;
        }
        EmbeddedSupabase postgres = null;
        try {
            postgres = EmbeddedSupabase.start(EmbeddedSupabase.Options.defaults(), options.port());
            return new EmbeddedStack(postgres, EmbeddedMongo.start(options.mongoPort()), workDir, keep);
        } catch (RuntimeException e) {
            if (postgres != null) {
                postgres.close();
            }
            if (!keep) {
                delete(workDir);
            }
            throw e;
        }
    }

    /** The samples where missing, so a kept folder keeps its edits and its generated env files. */
    private static void fill(Path workDir) {
        Samples.extractTo(workDir);
        Path env = workDir.resolve(".env");
        if (Files.exists(env)) {
            return;
        }
        try {
            // the stack's first run: .env starts as a copy of .env.example, then keys fills in the secrets
            Files.copy(workDir.resolve(".env.example"), env);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create .env in " + workDir, e);
        }
    }

    private static void requireFree(String option, int port) {
        if (port == 0) {
            return;
        }
        if (port < 1 || port > 65535) {
            throw new InvalidInputException(option + " must be a port from 1 to 65535, got " + port);
        }
        try (ServerSocket probe = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
            probe.setReuseAddress(true);
        } catch (IOException e) {
            throw new InvalidInputException(option + " " + port + " is in use on this machine: pick another, or leave "
                    + option + " out for a free port (" + e.getMessage() + ")");
        }
    }

    private static Path prepare(Path dir) {
        try {
            return Files.createDirectories(dir).toAbsolutePath().normalize();
        } catch (IOException e) {
            throw new InvalidInputException("--workdir " + dir + " cannot be created: " + e, e);
        }
    }

    private static Path temporaryFolder() {
        try {
            return Files.createTempDirectory("stack-init-embedded-");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a temporary folder", e);
        }
    }

    /** The configuration that provisions these servers with the samples. */
    public ProvisionConfig config() {
        return new ProvisionConfig(
                new ProvisionConfig.Keys("generate", List.of(".env"), "env-mapping.yml", false),
                // the stand-in has no replica-set commands, so rs-init is left out (replica_set unset)
                new ProvisionConfig.Mongo(
                        mongo.connectionString(), null, null, null, "mongo/seed", List.of(MODELS), null, "10s", null),
                new ProvisionConfig.Supabase(
                        postgres.postgresUrl(),
                        postgres.postgresUrl("supabase_admin", "postgres"),
                        "supabase/migrations",
                        "auth.users",
                        Map.of("STACKEND_URL", "http://stackend:8000"),
                        true,
                        "10s",
                        null));
    }

    /** Where the samples and the generated env files are; relative paths in {@link #config()} start here. */
    public Path workDir() {
        return workDir;
    }

    public boolean keepsWorkDir() {
        return keepWorkDir;
    }

    /** The embedded server trusts local connections, so these URLs need no password. */
    public String postgresUrl() {
        return "postgres://postgres@localhost:" + postgres.port() + "/postgres";
    }

    /** The stand-in's URI as the tools take it (a direct connection: it has no replica set to discover). */
    public String mongoConnectionString() {
        return mongo.connectionString();
    }

    /** The stand-in's URI with the sample database, as a MongoDB client (mongosh, Compass) takes it. */
    public String mongoUrl() {
        return "mongodb://127.0.0.1:" + mongo.port() + "/" + MODELS + "?directConnection=true";
    }

    public Map<String, String> connections() {
        Map<String, String> connections = new LinkedHashMap<>();
        connections.put("postgres", postgresUrl());
        connections.put("postgres (admin)", "postgres://supabase_admin@localhost:" + postgres.port() + "/postgres");
        connections.put("mongodb (" + EmbeddedMongo.LABEL + ")", mongo.connectionString());
        connections.put(
                "env files", workDir + (keepWorkDir ? " (kept)" : " (removed at the end; keep with --workdir)"));
        return connections;
    }

    /** What the steps read from the environment here: the embedded server's password stands in for the stack's. */
    public Map<String, String> env(Map<String, String> outer) {
        Map<String, String> env = new HashMap<>(outer);
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
                if (!keepWorkDir) {
                    delete(workDir);
                }
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
