package dev.stackinit.bench.migrate;

import dev.stackinit.embedded.EmbeddedSupabase;
import dev.stackinit.migrator.cli.SupabaseMigratorCommand;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * supabase-migrator against its baseline, measured interleaved in one run on one embedded PostgreSQL 15:
 *
 * <ol>
 *   <li>500 generated files (table, index, plpgsql function, trigger each) applied by the migrator — in-process, and as
 *       {@code java -jar supabase-migrator.jar migrate} including JVM start — against the same SQL over one JDBC
 *       connection, three ways: autocommit, one transaction per file (what the migrator does), one transaction for all
 *       (psql -1) (goal ≤ 1.5×);
 *   <li>a no-op migrate (all 500 applied) as a fresh {@code java -jar} process, wall time including JVM start (goal ≤ 1.0
 *       s), also with the JVM flags an image can set (an AppCDS archive made by one run, C1 only), next to {@code java
 *       -jar … --version} as the floor.
 * </ol>
 *
 * Run (after {@code mvn -q install -DskipTests}): {@code mvn -B -q -pl benchmarks compile exec:java
 * -Dexec.mainClass=dev.stackinit.bench.migrate.MigrateBenchmark [-Dexec.args="500 5 7"]} (files, runs, no-op runs).
 */
public final class MigrateBenchmark {
    private final EmbeddedSupabase db;
    private final Path jar;
    private int databases;

    private MigrateBenchmark(EmbeddedSupabase db, Path jar) {
        this.db = db;
        this.jar = jar;
    }

    public static void main(String[] args) throws Exception {
        int files = args.length > 0 ? Integer.parseInt(args[0]) : 500;
        int runs = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        int noopRuns = args.length > 2 ? Integer.parseInt(args[2]) : 7;
        Path jar = findJar();
        Path dir = Files.createTempDirectory("migrate-bench");
        List<String> texts = GeneratedMigrations.write(dir, files);
        try (EmbeddedSupabase db = EmbeddedSupabase.start()) {
            new MigrateBenchmark(db, jar).run(dir, texts, runs, noopRuns);
        } finally {
            deleteTree(dir);
        }
    }

    private void run(Path dir, List<String> texts, int runs, int noopRuns) throws Exception {
        Samples autocommit = new Samples("same SQL, one JDBC connection, file by file, autocommit");
        Samples perFile = new Samples("same SQL, one JDBC connection, one transaction per file");
        Samples single = new Samples("same SQL, one JDBC connection, one transaction (psql -1)");
        Samples inProcess = new Samples("migrator in-process (one transaction + history row per file)");
        Samples process = new Samples("migrator as java -jar … migrate (incl. JVM start)");
        inProcessMigrate(dir, newDatabase()); // warm-up: class loading, JIT
        plainJdbc(newDatabase(), texts, Mode.AUTOCOMMIT);
        for (int run = 1; run <= runs; run++) {
            // databases are created outside the timed part (a copy of template1 each)
            List<String> names = List.of(newDatabase(), newDatabase(), newDatabase(), newDatabase(), newDatabase());
            autocommit.add(time(() -> plainJdbc(names.get(0), texts, Mode.AUTOCOMMIT)));
            perFile.add(time(() -> plainJdbc(names.get(1), texts, Mode.PER_FILE)));
            single.add(time(() -> plainJdbc(names.get(2), texts, Mode.SINGLE)));
            inProcess.add(time(() -> inProcessMigrate(dir, names.get(3))));
            process.add(time(() -> jarMigrate(dir, names.get(4))));
            System.err.printf("run %d/%d done%n", run, runs);
        }
        String applied = newDatabase();
        jarMigrate(dir, applied);
        Samples noop = new Samples("no-op migrate, java -jar (" + texts.size() + " applied, incl. JVM start)");
        Samples tuned = new Samples("no-op migrate, image JVM flags (CDS archive, C1 only)");
        Samples version = new Samples("java -jar supabase-migrator.jar --version (floor)");
        // outside the migrations folder (the scanner would warn about it), deleted with it
        Path archive = Files.createDirectories(dir.resolveSibling(dir.getFileName() + "-cds"))
                .resolve("supabase-migrator.jsa");
        spawn(List.of("-XX:ArchiveClassesAtExit=" + archive), List.of("migrate", "-d", dir.toString()), env(applied));
        List<String> imageFlags = List.of("-XX:SharedArchiveFile=" + archive, "-XX:TieredStopAtLevel=1");
        for (int run = 1; run <= noopRuns; run++) {
            noop.add(time(() -> jarMigrate(dir, applied)));
            tuned.add(time(() -> spawn(imageFlags, List.of("migrate", "-d", dir.toString()), env(applied))));
            version.add(time(() -> spawn(List.of("--version"), Map.of())));
        }
        System.out.println();
        System.out.printf(
                "supabase-migrator benchmark: %d files, %d runs, %d no-op runs, %d cores%n",
                texts.size(), runs, noopRuns, Runtime.getRuntime().availableProcessors());
        for (Samples s : List.of(autocommit, perFile, single, inProcess, process, noop, tuned, version)) {
            System.out.println(s.line());
        }
        for (Samples baseline : List.of(autocommit, perFile, single)) {
            System.out.printf(
                    "migrator / %-58s in-process %.2f×, java -jar %.2f×  (goal ≤ 1.5×)%n",
                    baseline.name(), inProcess.median() / baseline.median(), process.median() / baseline.median());
        }
        System.out.printf(
                "no-op migrate wall time: %.3f s (goal ≤ 1.0 s); %.3f s with image flags%n",
                noop.median(), tuned.median());
    }

    private enum Mode {
        AUTOCOMMIT,
        PER_FILE,
        SINGLE
    }

    private void plainJdbc(String name, List<String> texts, Mode mode) throws SQLException {
        try (Connection c = DriverManager.getConnection(db.jdbcUrl(name), "postgres", db.password());
                Statement s = c.createStatement()) {
            c.setAutoCommit(mode == Mode.AUTOCOMMIT);
            for (String sql : texts) {
                s.execute(sql);
                if (mode == Mode.PER_FILE) {
                    c.commit();
                }
            }
            if (mode == Mode.SINGLE) {
                c.commit();
            }
        }
    }

    private void inProcessMigrate(Path dir, String name) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = SupabaseMigratorCommand.run(
                env(name), new PrintWriter(out), new PrintWriter(err), "migrate", "-d", dir.toString());
        if (code != 0) {
            throw new IllegalStateException("migrate failed (" + code + "): " + err);
        }
    }

    private void jarMigrate(Path dir, String database) throws IOException, InterruptedException {
        spawn(List.of("migrate", "-d", dir.toString()), env(database));
    }

    private Map<String, String> env(String database) {
        return Map.of("DATABASE_URL", db.postgresUrl("postgres", database), "POSTGRES_PASSWORD", db.password());
    }

    private void spawn(List<String> args, Map<String, String> env) throws IOException, InterruptedException {
        spawn(List.of(), args, env);
    }

    private void spawn(List<String> jvmFlags, List<String> args, Map<String, String> env)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmFlags);
        command.addAll(List.of("-jar", jar.toString()));
        command.addAll(args);
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().putAll(env);
        Process p = builder.start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (p.waitFor() != 0) {
            throw new IllegalStateException("supabase-migrator " + args + " failed: " + output);
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        for (Path root : List.of(dir, dir.resolveSibling(dir.getFileName() + "-cds"))) {
            if (Files.exists(root)) {
                try (var paths = Files.walk(root)) {
                    for (Path p :
                            paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                        Files.delete(p);
                    }
                }
            }
        }
    }

    private String newDatabase() {
        String name = "bench" + (++databases);
        db.createDatabase(name);
        return name;
    }

    private static Path findJar() {
        String configured = System.getProperty("migrator.jar");
        for (String candidate : new String[] {
            configured,
            "supabase-migrator/target/supabase-migrator.jar",
            "../supabase-migrator/target/supabase-migrator.jar"
        }) {
            if (candidate != null && Files.isRegularFile(Path.of(candidate))) {
                return Path.of(candidate).toAbsolutePath();
            }
        }
        throw new IllegalStateException("supabase-migrator.jar not found: run mvn -q install -DskipTests first"
                + " (or pass -Dmigrator.jar=path)");
    }

    @FunctionalInterface
    private interface Work {
        void run() throws Exception;
    }

    private static long time(Work work) throws Exception {
        long start = System.nanoTime();
        work.run();
        return System.nanoTime() - start;
    }
}
