package dev.stackinit.bench.noop;

import dev.stackinit.bench.Row;
import dev.stackinit.bench.Samples;
import dev.stackinit.bench.Spawn;
import dev.stackinit.bench.Tool;
import dev.stackinit.embedded.EmbeddedSupabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Row 3: each tool's "already done" run as an init container makes it on every start, as a fresh process (JVM start
 * included), with its launcher (target/bin/<tool>, what the image runs) and with plain {@code java -jar}, interleaved
 * with {@code java -Xshare:auto -version} runs, the floor of any JVM program. Every timed run must exit 0 and say that
 * nothing was to do.
 */
public final class NoopBenchmark {
    private static final double GOAL_SECONDS = 0.20;
    private static final double GOAL_RATIO = 6.0;

    private final Path repo;
    private final Path work;
    private final EmbeddedSupabase db;
    private final String mongoUri;
    private final List<Case> cases = new ArrayList<>();

    /** One tool's no-op: the command, its environment, and what its output must say. */
    record Case(Tool tool, String label, List<String> args, Map<String, String> env, String expected) {}

    public NoopBenchmark(Path repo, Path work, EmbeddedSupabase db, String mongoUri) {
        this.repo = repo;
        this.work = work;
        this.db = db;
        this.mongoUri = mongoUri;
    }

    /** Brings every target to its "already done" state with a first run of the tool itself. */
    public void prepare(List<String> migrationTexts, Path migrations) throws Exception {
        Tool keys = Tool.find(repo, "key-generator");
        Path envFile = work.resolve("stack.env");
        String envArg = envFile.toString();
        setUp(keys, Map.of(), "generate", "--create", "--env-file", envArg);
        cases.add(new Case(keys, "key-generator verify", List.of("verify", "--env-file", envArg), Map.of(), "ok:"));

        Tool seeder = Tool.find(repo, "mongo-seeder");
        // compose's init service, configured by env only; mongo-java-server has no replica set, hence no rs-init
        Map<String, String> seedEnv = Map.of(
                "MONGO_SEEDER_TARGET_URI",
                mongoUri,
                "MONGO_SEEDER_SEED_DIR",
                repo.resolve("compose/mongo/seed").toString(),
                "MONGO_SEEDER_RS_INIT",
                "false");
        setUp(seeder, seedEnv, "init");
        cases.add(new Case(seeder, "mongo-seeder init (seeded, no rs-init)", List.of("init"), seedEnv, "up to date"));

        Tool hooks = Tool.find(repo, "webhook-config");
        db.createDatabase("hooks");
        db.execute("hooks", "create table public.items (id bigint primary key, name text)");
        Path declarations = work.resolve("webhooks.yml");
        Files.writeString(declarations, Declarations.yaml(3));
        Map<String, String> hooksEnv = Map.of(
                "DATABASE_URL", db.postgresUrl("postgres", "hooks"),
                "WEBHOOK_CONFIG_ADMIN_URL", db.postgresUrl("supabase_admin", "hooks"));
        setUp(hooks, hooksEnv, "bootstrap");
        setUp(hooks, hooksEnv, "apply", "-f", declarations.toString());
        cases.add(new Case(
                hooks,
                "webhook-config apply (3 webhooks, 0 changes)",
                List.of("apply", "-f", declarations.toString()),
                hooksEnv,
                "0 changes"));

        Tool migrator = Tool.find(repo, "supabase-migrator");
        db.createDatabase("noop");
        Map<String, String> migrateEnv =
                Map.of("DATABASE_URL", db.postgresUrl("postgres", "noop"), "POSTGRES_PASSWORD", db.password());
        setUp(migrator, migrateEnv, "migrate", "-d", migrations.toString());
        cases.add(new Case(
                migrator,
                "supabase-migrator migrate (" + migrationTexts.size() + " applied)",
                List.of("migrate", "-d", migrations.toString()),
                migrateEnv,
                "0 pending"));
        // the same on a plain PostgreSQL database: no Supabase checks or bootstrap
        db.createDatabase("noop_plain");
        Map<String, String> plainEnv =
                Map.of("DATABASE_URL", db.postgresUrl("postgres", "noop_plain"), "POSTGRES_PASSWORD", db.password());
        setUp(migrator, plainEnv, "migrate", "--flavor", "plain", "-d", migrations.toString());
        cases.add(new Case(
                migrator,
                "supabase-migrator migrate --flavor plain (" + migrationTexts.size() + " applied)",
                List.of("migrate", "--flavor", "plain", "-d", migrations.toString()),
                plainEnv,
                "0 pending"));
    }

    private void setUp(Tool tool, Map<String, String> env, String... args) throws Exception {
        Spawn.Result result = Spawn.run(tool.plain(args), env, work);
        if (result.exit() != 0) {
            throw new IllegalStateException(tool.name() + " " + String.join(" ", args) + " failed while preparing the "
                    + "no-op benchmark (exit " + result.exit() + "):\n" + result.output());
        }
    }

    public List<Row> measure(int runs) throws Exception {
        List<String> javaVersion = List.of(Tool.java().toString(), "-Xshare:auto", "-version");
        Map<Case, Samples> plain = new java.util.LinkedHashMap<>();
        Map<Case, Samples> launch = new java.util.LinkedHashMap<>();
        Map<Case, Samples> baseline = new java.util.LinkedHashMap<>();
        for (Case c : cases) {
            plain.put(c, new Samples(c.label()));
            launch.put(c, new Samples(c.label()));
            baseline.put(c, new Samples("java -Xshare:auto -version"));
        }
        for (Case c : cases) { // one untimed run each: the files they read are in the page cache for all
            Spawn.timed(c.tool().launch(array(c.args())), c.env(), work, c.expected());
        }
        for (int run = 0; run < runs; run++) {
            for (Case c : cases) {
                // the three interleaved, so that a busy moment of the shared machine hits all of them alike
                baseline.get(c).addNanos(Spawn.timed(javaVersion, Map.of(), work, "version"));
                launch.get(c).addNanos(Spawn.timed(c.tool().launch(array(c.args())), c.env(), work, c.expected()));
                plain.get(c).addNanos(Spawn.timed(c.tool().plain(array(c.args())), c.env(), work, c.expected()));
            }
        }
        List<Row> rows = new ArrayList<>();
        for (Case c : cases) {
            Samples java = baseline.get(c);
            rows.add(row(c.label() + ", launcher", launch.get(c), java, true));
            rows.add(row(c.label() + ", java -jar", plain.get(c), java, false));
        }
        return rows;
    }

    /** Judged: the launcher's wall time (and its ratio to the JVM's own start); java -jar is context. */
    private static Row row(String what, Samples subject, Samples java, boolean judged) {
        Samples ratio = subject.over(java, "ratio");
        return new Row(
                "3",
                what,
                subject.format(3, " s"),
                "java -Xshare:auto -version " + java.format(3, " s"),
                ratio.format(1, "×"),
                judged ? "≤ 0.20 s; ≤ 6×" : "(context)",
                judged ? subject.median() <= GOAL_SECONDS && ratio.median() <= GOAL_RATIO : null);
    }

    private static String[] array(List<String> args) {
        return args.toArray(String[]::new);
    }
}
