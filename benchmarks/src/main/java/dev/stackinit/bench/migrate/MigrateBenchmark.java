package dev.stackinit.bench.migrate;

import dev.stackinit.bench.Report;
import dev.stackinit.bench.Row;
import dev.stackinit.bench.Samples;
import dev.stackinit.bench.Spawn;
import dev.stackinit.bench.Suite;
import dev.stackinit.bench.Tool;
import dev.stackinit.embedded.EmbeddedSupabase;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.flywaydb.core.Flyway;

/**
 * Row 2, migrate: N generated files (table, index, plpgsql function, trigger each) on fresh databases of one PostgreSQL
 * 15, applied four ways, interleaved, a different one first in each round:
 *
 * <ul>
 *   <li>supabase-migrator {@code migrate --flavor plain}, a process started by its launcher (what users run);
 *   <li>{@code psql}, one transaction per file ({@code BEGIN; \i file; COMMIT;}), a process: the database's own speed
 *       for the same work, with no history or checksums;
 *   <li>the Flyway CLI 10.22.0 from Maven Central (benchmarks/run fetches it into benchmarks/target/flyway), a process;
 *   <li>flyway-core (the project's version) used as a library in this warm JVM: Flyway without its start-up.
 * </ul>
 *
 * <p>The migrator's peak resident memory is read from each of its runs (row 6). Part of the suite
 * ({@code benchmarks/run}); alone: {@code mvn -B -q -pl benchmarks exec:java
 * -Dexec.mainClass=dev.stackinit.bench.migrate.MigrateBenchmark [-Dexec.args="500 5"]} (files, runs).
 */
public final class MigrateBenchmark {
    private final EmbeddedSupabase db;
    private final Tool migrator;
    private final Path flywayCli;
    private final Path psql;
    private final Path work;
    private int databases;

    /** One size's figures, for the memory rows. */
    public record Measured(List<Row> rows, Samples peakRssMb) {}

    public MigrateBenchmark(EmbeddedSupabase db, Tool migrator, Path work) {
        this.db = db;
        this.migrator = migrator;
        this.work = work;
        this.flywayCli = flywayCli(Suite.repository());
        this.psql = executable("psql", Path.of("/usr/bin/psql"));
    }

    public static void main(String[] args) throws Exception {
        int files = args.length > 0 ? Integer.parseInt(args[0]) : 500;
        int runs = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        Path repo = Suite.repository();
        Path dir = Files.createTempDirectory("migrate-bench");
        try (EmbeddedSupabase db = EmbeddedSupabase.start()) {
            db.requirePasswords();
            Report report = new Report();
            MigrateBenchmark benchmark = new MigrateBenchmark(db, Tool.find(repo, "supabase-migrator"), dir);
            Measured measured = benchmark.measure(GeneratedMigrations.write(dir.resolve("m" + files), files), runs);
            report.addAll(measured.rows());
            report.add(benchmark.memoryRow(files, measured.peakRssMb()));
            System.out.print(report.text());
        } finally {
            Suite.deleteTree(dir);
        }
        System.exit(0);
    }

    /** Where benchmarks/run unpacks the Flyway CLI, or -Dflyway.cli=path/to/flyway. */
    static Path flywayCli(Path repo) {
        String configured = System.getProperty("flyway.cli");
        Path cli = configured != null
                ? Path.of(configured)
                : repo.resolve("benchmarks/target/flyway/flyway-10.22.0/flyway");
        return Files.isRegularFile(cli) ? cli : null;
    }

    private static Path executable(String name, Path usual) {
        if (Files.isExecutable(usual)) {
            return usual;
        }
        for (String dir : System.getenv().getOrDefault("PATH", "").split(":")) {
            Path candidate = Path.of(dir, name);
            if (Files.isExecutable(candidate)) {
                return candidate;
            }
        }
        return null;
    }

    public String describe() {
        return "migrate: psql " + (psql == null ? "NOT FOUND (rows without it)" : psql) + ", Flyway CLI "
                + (flywayCli == null ? "NOT FOUND (benchmarks/run fetches it)" : flywayCli)
                + ", flyway-core " + flywayCoreVersion() + " in-process";
    }

    public Measured measure(GeneratedMigrations files, int runs) throws Exception {
        int n = files.count();
        Samples ours = new Samples("supabase-migrator");
        Samples perFile = new Samples("psql, one transaction per file");
        Samples cli = new Samples("Flyway CLI 10.22.0");
        Samples core = new Samples("flyway-core in-process");
        Samples rss = new Samples("peak RSS MB");
        List<Subject> subjects = new ArrayList<>();
        subjects.add(name -> {
            Spawn.Result result = Spawn.checked(
                    migrator.launch(
                            "migrate", "--flavor", "plain", "-d", files.dir().toString()),
                    Map.of("DATABASE_URL", db.postgresUrl("postgres", name)),
                    work,
                    "applied " + n + " file(s)");
            ours.addNanos(result.nanos());
            rss.add(result.peakRssMb());
        });
        if (psql != null) {
            subjects.add(name -> perFile.addNanos(Spawn.timed(
                    List.of(
                            psql.toString(),
                            "-X",
                            "-q",
                            "-v",
                            "ON_ERROR_STOP=1",
                            "-h",
                            "localhost",
                            "-p",
                            Integer.toString(db.port()),
                            "-U",
                            "postgres",
                            "-d",
                            name,
                            "-f",
                            files.psqlScript().toString()),
                    Map.of("PGPASSWORD", db.password()),
                    work,
                    "")));
        }
        if (flywayCli != null) {
            subjects.add(name -> cli.addNanos(Spawn.timed(
                    List.of(
                            "sh",
                            flywayCli.toString(),
                            "-url=" + jdbcUrl(name),
                            "-user=postgres",
                            "-locations=filesystem:" + files.flywayLocation(),
                            "-skipCheckForUpdate",
                            "migrate"),
                    Map.of(
                            "FLYWAY_PASSWORD",
                            db.password(),
                            "JAVA_HOME",
                            System.getProperty("java.home"),
                            "REDGATE_DISABLE_TELEMETRY",
                            "true"),
                    work,
                    "Successfully applied " + n + " migration")));
        }
        subjects.add(name -> {
            long start = System.nanoTime();
            int applied = Flyway.configure()
                    .dataSource(jdbcUrl(name), "postgres", db.password())
                    .locations("filesystem:" + files.flywayLocation())
                    .load()
                    .migrate()
                    .migrationsExecuted;
            core.addNanos(System.nanoTime() - start);
            if (applied != n) {
                throw new IllegalStateException("flyway-core applied " + applied + " of " + n + " migrations");
            }
        });
        // one untimed round: the files in the page cache, this JVM's Flyway warm (it is judged without its start)
        for (Subject subject : subjects) {
            String name = newDatabase();
            subject.run(name);
            db.execute("postgres", "drop database " + name + " with (force)");
        }
        ours.clear();
        rss.clear();
        perFile.clear();
        cli.clear();
        core.clear();
        for (int run = 0; run < runs; run++) {
            // databases are created outside the timed part (a copy of template1 each); CREATE DATABASE writes a
            // checkpoint, so one more here lets its disk writes settle before anything is timed
            List<String> names = new ArrayList<>();
            for (int i = 0; i < subjects.size(); i++) {
                names.add(newDatabase());
            }
            db.execute("postgres", "checkpoint");
            // a different one goes first each round, so that no subject always runs right after the checkpoint
            for (int i = 0; i < subjects.size(); i++) {
                int k = (i + run) % subjects.size();
                subjects.get(k).run(names.get(k));
            }
            System.err.printf(
                    Locale.ROOT,
                    "migrate %d files, run %d/%d: supabase-migrator %.2f s, psql %s, Flyway CLI %s, flyway-core %s%n",
                    n,
                    run + 1,
                    runs,
                    last(ours),
                    perFile.size() == 0 ? "-" : String.format(Locale.ROOT, "%.2f s", last(perFile)),
                    cli.size() == 0 ? "-" : String.format(Locale.ROOT, "%.2f s", last(cli)),
                    String.format(Locale.ROOT, "%.2f s", last(core)));
            for (String name : names) {
                db.execute("postgres", "drop database " + name + " with (force)");
            }
        }
        return new Measured(rows(n, ours, perFile, cli, core), rss);
    }

    private static List<Row> rows(int n, Samples ours, Samples perFile, Samples cli, Samples core) {
        String what = "migrate " + n + " files";
        List<Row> rows = new ArrayList<>();
        if (perFile.size() > 0) {
            Samples ratio = ours.over(perFile, "ratio");
            Double goal = n == 100 ? Double.valueOf(2.5) : n == 2000 ? Double.valueOf(1.1) : null;
            rows.add(new Row(
                    "2",
                    what + ": supabase-migrator (launcher) vs psql",
                    ours.format(2, " s"),
                    perFile.name() + " " + perFile.format(2, " s"),
                    ratio.format(2, "×"),
                    goal == null ? "(context)" : String.format(Locale.ROOT, "≤ %.1f×", goal),
                    goal == null ? null : ratio.median() <= goal));
        }
        if (cli.size() > 0) {
            Samples faster = cli.over(ours, "Flyway CLI / ours");
            rows.add(new Row(
                    "2",
                    what + ": Flyway CLI 10.22.0 vs supabase-migrator",
                    cli.format(2, " s"),
                    "supabase-migrator " + ours.format(2, " s"),
                    faster.format(1, "× slower"),
                    "≥ 3× slower",
                    faster.median() >= 3));
        }
        Samples library = core.over(ours, "flyway-core / ours");
        rows.add(new Row(
                "2",
                what + ": flyway-core " + flywayCoreVersion() + " in-process (warm JVM) vs supabase-migrator",
                core.format(2, " s"),
                "supabase-migrator " + ours.format(2, " s"),
                library.format(1, "× slower"),
                "(context)",
                null));
        return rows;
    }

    /** Row 6: the migrator's peak resident memory at this size. */
    public Row memoryRow(int n, Samples peakRssMb) {
        return new Row(
                "6",
                "peak RSS, supabase-migrator migrate " + n + " files (launcher)",
                peakRssMb.format(0, " MB"),
                "",
                "",
                n == 2000 ? "≤ 100 MB" : "(context)",
                n == 2000 ? peakRssMb.max() <= 100 : null);
    }

    /** flyway-core's version, from its Maven metadata (its manifest names none). */
    static String flywayCoreVersion() {
        try (java.io.InputStream in =
                Flyway.class.getResourceAsStream("/META-INF/maven/org.flywaydb/flyway-core/pom.properties")) {
            java.util.Properties properties = new java.util.Properties();
            if (in != null) {
                properties.load(in);
            }
            return properties.getProperty("version", "?");
        } catch (IOException e) {
            return "?";
        }
    }

    private String jdbcUrl(String database) {
        return "jdbc:postgresql://localhost:" + db.port() + "/" + database;
    }

    private static double last(Samples samples) {
        return samples.values().get(samples.size() - 1);
    }

    private String newDatabase() {
        String name = "bench" + (++databases);
        db.createDatabase(name);
        return name;
    }

    @FunctionalInterface
    private interface Subject {
        void run(String database) throws Exception;
    }

    /** For the no-op benchmark's set-up: the generated files, written once. */
    public static GeneratedMigrations writeMigrations(Path dir, int count) throws IOException {
        return GeneratedMigrations.write(dir, count);
    }
}
