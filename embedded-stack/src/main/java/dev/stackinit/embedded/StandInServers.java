package dev.stackinit.embedded;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * The stand-in servers in a process of their own, for whatever must talk to them from outside as the tools do: the
 * training runs of the tools' start-up caches at package time, and the benchmark's clone rows (the servers must not
 * share a JVM, or its CPUs' accounting, with the tool being timed).
 *
 * <pre>
 * java -cp … dev.stackinit.embedded.StandInServers [--postgres] [--mongo N] [--sets K] --env-file FILE [--until-eof]
 *     [--max-seconds S]
 * </pre>
 *
 * <p>Once every server is up, FILE is written (atomically, so a reader never sees half of it) as shell assignments:
 * {@code PG_URL}, {@code PG_ADMIN_URL} (libpq URLs with the password, user postgres and supabase_admin, database
 * postgres), {@code PG_PASSWORD}, {@code PG_PORT}, and {@code MONGO_URI}, {@code MONGO_URI_2}, … With {@code --sets K},
 * K independent sets side by side, for runs that must each start from nothing: set k has its own database
 * ({@code set_k}, a copy of the same bootstrap) on the one PostgreSQL and its own MongoDB servers, and its variables
 * are prefixed {@code S<k>_} ({@code S1_PG_URL}, {@code S2_MONGO_URI}, …). PostgreSQL logins over TCP need the password
 * (SCRAM-SHA-256, as on Supabase). The servers then run until
 * the process is terminated (shutdown hooks stop them), until standard input ends with {@code --until-eof} (a parent
 * that dies takes them along), or at the latest after {@code --max-seconds} (default 900).
 */
public final class StandInServers {
    private StandInServers() {}

    public static void main(String[] args) throws Exception {
        boolean postgres = false;
        int mongos = 0;
        int sets = 0;
        Path envFile = null;
        boolean untilEof = false;
        long maxSeconds = 900;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--postgres" -> postgres = true;
                case "--mongo" -> mongos = Integer.parseInt(args[++i]);
                case "--sets" -> sets = Integer.parseInt(args[++i]);
                case "--env-file" -> envFile = Path.of(args[++i]);
                case "--until-eof" -> untilEof = true;
                case "--max-seconds" -> maxSeconds = Long.parseLong(args[++i]);
                default -> {
                    System.err.println("usage: StandInServers [--postgres] [--mongo N] [--sets K] --env-file FILE"
                            + " [--until-eof] [--max-seconds S]");
                    System.exit(2);
                }
            }
        }
        if (envFile == null) {
            System.err.println("StandInServers: --env-file is required");
            System.exit(2);
        }
        List<AutoCloseable> running = new CopyOnWriteArrayList<>();
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> closeAll(running), "stand-in-servers-stop"));
        Map<String, String> variables = new LinkedHashMap<>();
        EmbeddedSupabase db = null;
        if (postgres) {
            db = EmbeddedSupabase.start();
            running.add(db);
        }
        for (int set = sets == 0 ? 0 : 1; set <= sets; set++) {
            String prefix = set == 0 ? "" : "S" + set + "_";
            if (db != null) {
                String database = set == 0 ? "postgres" : "set_" + set;
                if (set > 0) {
                    db.createDatabase(database);
                }
                variables.put(prefix + "PG_URL", db.postgresUrl("postgres", database));
                variables.put(prefix + "PG_ADMIN_URL", db.postgresUrl("supabase_admin", database));
                variables.put(prefix + "PG_PASSWORD", db.password());
                variables.put(prefix + "PG_PORT", Integer.toString(db.port()));
            }
            for (int n = 1; n <= mongos; n++) {
                EmbeddedMongo mongo = EmbeddedMongo.start();
                running.add(mongo);
                variables.put(prefix + (n == 1 ? "MONGO_URI" : "MONGO_URI_" + n), mongo.connectionString());
            }
        }
        if (db != null) {
            db.requirePasswords(); // as on Supabase: the clients' SCRAM logins are part of what runs
        }
        write(envFile, variables);
        System.out.println("stand-in servers up: " + String.join(", ", variables.keySet()));
        if (untilEof) {
            Thread reader = new Thread(() -> drain(System.in, stopped), "stand-in-servers-stdin");
            reader.setDaemon(true);
            reader.start();
        }
        stopped.await(maxSeconds, TimeUnit.SECONDS);
        System.exit(0); // the shutdown hook stops the servers
    }

    private static void write(Path envFile, Map<String, String> variables) throws IOException {
        StringBuilder text = new StringBuilder();
        variables.forEach((name, value) -> text.append(name)
                .append("='")
                .append(value.replace("'", "'\\''"))
                .append("'\n"));
        Path parent = envFile.toAbsolutePath().getParent();
        Files.createDirectories(parent);
        Path temporary = Files.createTempFile(parent, ".stand-in", ".env");
        Files.writeString(temporary, text, StandardCharsets.UTF_8);
        Files.move(temporary, envFile, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    private static void drain(InputStream in, CountDownLatch stopped) {
        try {
            while (in.read() >= 0) {
                // nothing to read: the end of input is the signal
            }
        } catch (IOException e) {
            // a closed pipe ends it as well
        }
        stopped.countDown();
    }

    private static void closeAll(List<AutoCloseable> running) {
        for (int i = running.size() - 1; i >= 0; i--) {
            try {
                running.get(i).close();
            } catch (Exception e) {
                System.err.println("StandInServers: stopping a server failed: " + e);
            }
        }
    }
}
