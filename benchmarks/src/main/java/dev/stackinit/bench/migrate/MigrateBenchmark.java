package dev.stackinit.bench.migrate;

import dev.stackinit.bench.Report;
import dev.stackinit.bench.Row;
import dev.stackinit.bench.Samples;
import dev.stackinit.bench.Spawn;
import dev.stackinit.bench.Tool;
import dev.stackinit.embedded.EmbeddedSupabase;
import dev.stackinit.migrator.cli.SupabaseMigratorCommand;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;

/**
 * Row 2, migrate: N generated files (table, index, plpgsql function, trigger each) applied by supabase-migrator against
 * the same SQL over one JDBC connection, interleaved on one embedded PostgreSQL 15, each run on a fresh database. The
 * migrator runs twice per round: in-process (the work alone) and as a fresh process with the launch command (what an
 * init container pays, JVM start included). The baseline runs the texts two ways: one transaction per file (what the
 * migrator does) and one transaction for all (like {@code psql -1}, the strictest).
 *
 * <p>Part of the suite ({@code benchmarks/run}); alone: {@code mvn -B -q -pl benchmarks exec:java
 * -Dexec.mainClass=dev.stackinit.bench.migrate.MigrateBenchmark [-Dexec.args="500 5"]} (files, runs).
 */
public final class MigrateBenchmark {
    private static final double GOAL_RATIO = 1.5;

    private final EmbeddedSupabase db;
    private final Tool migrator;
    private int databases;

    public MigrateBenchmark(EmbeddedSupabase db, Tool migrator) {
        this.db = db;
        this.migrator = migrator;
    }

    public static void main(String[] args) throws Exception {
        int files = args.length > 0 ? Integer.parseInt(args[0]) : 500;
        int runs = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        Path repo = dev.stackinit.bench.Suite.repository();
        Path dir = Files.createTempDirectory("migrate-bench");
        try (EmbeddedSupabase db = EmbeddedSupabase.start()) {
            List<String> texts = GeneratedMigrations.write(dir, files);
            Report report = new Report();
            report.addAll(new MigrateBenchmark(db, Tool.find(repo, "supabase-migrator")).measure(dir, texts, runs));
            System.out.print(report.text());
        } finally {
            dev.stackinit.bench.Suite.deleteTree(dir);
        }
        System.exit(0);
    }

    public List<Row> measure(Path dir, List<String> texts, int runs) throws Exception {
        Samples perFile = new Samples("same SQL, one transaction per file");
        Samples single = new Samples("same SQL, one transaction for all");
        Samples inProcess = new Samples("migrator in-process");
        Samples launched = new Samples("migrator, launch command");
        inProcessMigrate(dir, newDatabase()); // warm-up: class loading, JIT
        plainJdbc(newDatabase(), texts, false);
        for (int run = 1; run <= runs; run++) {
            // databases are created outside the timed part (a copy of template1 each); CREATE DATABASE writes a
            // checkpoint, so one more here lets its disk writes settle before anything is timed
            List<String> names = List.of(newDatabase(), newDatabase(), newDatabase(), newDatabase());
            db.execute("postgres", "checkpoint");
            List<Work> subjects = List.of(
                    () -> perFile.addNanos(time(() -> plainJdbc(names.get(0), texts, false))),
                    () -> single.addNanos(time(() -> plainJdbc(names.get(1), texts, true))),
                    () -> inProcess.addNanos(time(() -> inProcessMigrate(dir, names.get(2)))),
                    () -> launched.addNanos(Spawn.timed(
                            migrator.launch("migrate", "-d", dir.toString()), env(names.get(3)), dir, "0 pending")));
            // a different one goes first each round, so that no subject always runs right after the checkpoint
            for (int i = 0; i < subjects.size(); i++) {
                subjects.get((i + run) % subjects.size()).run();
            }
            System.err.printf(
                    java.util.Locale.ROOT,
                    "migrate run %d/%d: per-file %.2f s, one transaction %.2f s, in-process %.2f s, launch command %.2f s%n",
                    run,
                    runs,
                    last(perFile),
                    last(single),
                    last(inProcess),
                    last(launched));
            for (String name : names) {
                db.execute("postgres", "drop database " + name + " with (force)");
            }
        }
        String files = texts.size() + " files";
        // judged like for like: the migrator's work in a warm JVM against the same SQL in the same JVM; the process
        // figure adds JVM start and a cold JIT, a fixed cost that row 3 measures on its own
        return List.of(
                ratio("migrate " + files + ", in-process", inProcess, perFile, true),
                ratio("migrate " + files + ", in-process", inProcess, single, false),
                ratio("migrate " + files + ", launch command (incl. JVM start)", launched, perFile, false),
                ratio("migrate " + files + ", launch command (incl. JVM start)", launched, single, false));
    }

    private static double last(Samples samples) {
        return samples.values().get(samples.size() - 1);
    }

    private static Row ratio(String what, Samples subject, Samples baseline, boolean judged) {
        Samples ratio = subject.over(baseline, "ratio");
        return new Row(
                "2",
                what,
                subject.format(2, " s"),
                baseline.name() + " " + baseline.format(2, " s"),
                ratio.format(2, "×"),
                judged ? "≤ 1.5×" : "(context)",
                judged ? ratio.median() <= GOAL_RATIO : null);
    }

    private void plainJdbc(String name, List<String> texts, boolean oneTransaction) throws SQLException {
        try (Connection c = DriverManager.getConnection(db.jdbcUrl(name), "postgres", db.password());
                Statement s = c.createStatement()) {
            c.setAutoCommit(false);
            for (String sql : texts) {
                s.execute(sql);
                if (!oneTransaction) {
                    c.commit();
                }
            }
            c.commit();
        }
    }

    private void inProcessMigrate(Path dir, String name) {
        StringWriter err = new StringWriter();
        int code = SupabaseMigratorCommand.run(
                env(name), new PrintWriter(new StringWriter()), new PrintWriter(err), "migrate", "-d", dir.toString());
        if (code != 0) {
            throw new IllegalStateException("migrate failed (" + code + "): " + err);
        }
    }

    private Map<String, String> env(String database) {
        return Map.of("DATABASE_URL", db.postgresUrl("postgres", database), "POSTGRES_PASSWORD", db.password());
    }

    private String newDatabase() {
        String name = "bench" + (++databases);
        db.createDatabase(name);
        return name;
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

    /** For the no-op row: the generated files, written once. */
    public static List<String> writeMigrations(Path dir, int count) throws IOException {
        return GeneratedMigrations.write(dir, count);
    }
}
