package dev.stackinit.migrator.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Bad input, one row each, refused before any connection (the database is unreachable on purpose, with a zero wait:
 * a row that got as far as connecting would exit 4 and fail): the documented exit code, one error line, no stack trace,
 * no password printed. The rows are counted in the closing note of #13.
 */
class HostileInputTest {
    private static final String PASSWORD = "pw-3e3e3e";
    private static final String UNREACHABLE = "postgres://postgres:" + PASSWORD + "@127.0.0.1:1/postgres";

    @TempDir
    Path dir;

    /** Files to create under the migrations folder: relative path → bytes. */
    record Case(String name, Map<String, byte[]> files, int exit, String stderr, String... args) {
        @Override
        public String toString() {
            return name;
        }
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] latin1(String text) {
        return text.getBytes(StandardCharsets.ISO_8859_1);
    }

    private static byte[] concat(String prefix, byte... bytes) {
        byte[] head = utf8(prefix);
        byte[] all = new byte[head.length + bytes.length];
        System.arraycopy(head, 0, all, 0, head.length);
        System.arraycopy(bytes, 0, all, head.length, bytes.length);
        return all;
    }

    private static Case files(String name, Map<String, byte[]> files, String stderr) {
        return new Case(name, files, 3, stderr, "migrate", "-d", "$D");
    }

    private static Case one(String name, String path, byte[] content, String stderr) {
        return files(name, Map.of(path, content), stderr);
    }

    private static Case migrate(String name, int exit, String stderr, String... more) {
        List<String> args = new ArrayList<>(List.of("migrate", "-d", "$D"));
        args.addAll(List.of(more));
        return new Case(
                name,
                Map.of("tables/001_t.sql", utf8("create table t (id int);\n")),
                exit,
                stderr,
                args.toArray(String[]::new));
    }

    private static Case url(String name, int exit, String stderr, String url) {
        return migrate(name, exit, stderr, "--database-url", url);
    }

    private static Case clean(String name, int exit, String stderr, String url) {
        return new Case(name, Map.of(), exit, stderr, "clean", "--i-understand", "--database-url", url);
    }

    private static final String WEBHOOK = "webhooks:\n  - name: h\n    table: t\n    events: [INSERT]\n    url: ";

    static Stream<Case> cases() {
        List<Case> cases = new ArrayList<>();
        // files (exit 3), found before connecting
        cases.add(new Case("migrations folder missing", Map.of(), 3, "does not exist", "migrate", "-d", "$D/none"));
        cases.add(new Case(
                "migrations folder is a file", Map.of("f", utf8("x")), 3, "not a directory", "migrate", "-d", "$D/f"));
        cases.add(one("name without number", "tables/profiles.sql", utf8("select 1;"), "<number>_<name>"));
        cases.add(one("name with a space only", "tables/001_.sql", utf8("select 1;"), "<number>_<name>"));
        cases.add(one("YAML outside webhooks", "tables/001_x.yml", utf8("a: b"), "YAML files belong in webhooks/"));
        cases.add(files(
                "one version twice",
                Map.of("tables/001_a.sql", utf8("select 1;"), "tables/1_b.sql", utf8("select 1;")),
                "two files with version 1"));
        cases.add(one("Latin-1 é", "tables/001_a.sql", latin1("select 'caf\u00e9';\n"), "invalid UTF-8 at line 1"));
        cases.add(one("UTF-16", "tables/001_a.sql", "select 1;".getBytes(StandardCharsets.UTF_16), "invalid UTF-8"));
        cases.add(one(
                "lone continuation byte",
                "tables/001_a.sql",
                concat("select '", (byte) 0x80, (byte) '\''),
                "invalid UTF-8"));
        cases.add(one(
                "overlong slash",
                "tables/001_a.sql",
                concat("select '", (byte) 0xC0, (byte) 0xAF, (byte) '\''),
                "invalid UTF-8"));
        cases.add(one(
                "encoded surrogate",
                "tables/001_a.sql",
                concat("select '", (byte) 0xED, (byte) 0xA0, (byte) 0x80, (byte) '\''),
                "invalid UTF-8"));
        cases.add(one(
                "truncated at the end",
                "tables/001_a.sql",
                concat("select 1; -- \u20ac", (byte) 0xE2, (byte) 0x82),
                "invalid UTF-8"));
        cases.add(one(
                "beyond U+10FFFF",
                "tables/001_a.sql",
                concat("select '", (byte) 0xF4, (byte) 0x90, (byte) 0x80, (byte) 0x80),
                "invalid UTF-8"));
        cases.add(one(
                "invalid byte on line 3",
                "functions/001_f.sql",
                latin1("select 1;\nselect 2;\n-- \u00ff\n"),
                "functions/001_f.sql: invalid UTF-8 at line 3, byte offset 23"));
        cases.add(one("invalid byte in bootstrap/", "bootstrap/001_b.sql", latin1("-- \u00e9\n"), "invalid UTF-8"));
        cases.add(one(
                "invalid byte in a CLI folder",
                "supabase/migrations/20240101000000_x.sql",
                latin1("-- \u00e9\n"),
                "invalid UTF-8"));
        cases.add(files(
                "invalid byte in the last of many",
                Map.of(
                        "tables/001_a.sql", utf8("create table a (id int);"),
                        "functions/001_b.sql", utf8("select 1;"),
                        "seed/001_c.sql", latin1("insert into a values (1); -- \u00e9")),
                "seed/001_c.sql: invalid UTF-8"));
        cases.add(one(
                "webhook YAML invalid UTF-8",
                "webhooks/001_h.yml",
                latin1(WEBHOOK + "http://x/\u00e9\n"),
                "invalid UTF-8"));
        cases.add(
                one("webhook YAML broken", "webhooks/001_h.yml", utf8("webhooks:\n  - name: h\n   table: t\n"), ":3:"));
        cases.add(one(
                "webhook YAML unknown field",
                "webhooks/001_h.yml",
                utf8(WEBHOOK + "http://x/\n    retry: 1\n"),
                "unknown field 'retry'"));
        cases.add(one(
                "webhook YAML unset variable",
                "webhooks/001_h.yml",
                utf8(WEBHOOK + "${NOT_SET_X}/h\n"),
                "variable NOT_SET_X is not set"));
        cases.add(one(
                "webhook YAML bad URL", "webhooks/001_h.yml", utf8(WEBHOOK + "ftp://x/\n"), "must start with http"));
        // URLs (exit 2 or 3)
        cases.add(url("port 99999", 3, "invalid database URL: port 99999", "postgres://postgres@localhost:99999/db"));
        cases.add(url("port 0", 3, "invalid database URL: port 0", "postgres://localhost:0/db"));
        cases.add(url("port 65536", 3, "invalid database URL: port 65536", "jdbc:postgresql://localhost:65536/db"));
        cases.add(url(
                "port overflow",
                3,
                "invalid database URL: port",
                "postgres://u:" + PASSWORD + "@localhost:99999999999999/db"));
        cases.add(url("PGPORT word", 3, "driver cannot read", "jdbc:postgresql://localhost/db?PGPORT=abc"));
        cases.add(url("unknown service", 3, "driver cannot read", "jdbc:postgresql://localhost/db?service=nowhere"));
        cases.add(url("hosts and ports differ", 3, "driver cannot read", "jdbc:postgresql://localhost/db?PGHOST=a,b"));
        cases.add(url("not postgres", 2, "not a PostgreSQL URL", "mysql://root:" + PASSWORD + "@db/x"));
        cases.add(url("not a URL", 2, "not a PostgreSQL URL", "just words"));
        cases.add(migrate(
                "admin port 99999",
                3,
                "invalid database URL: port 99999",
                "--admin-url",
                "postgres://supabase_admin@localhost:99999/db"));
        // options (exit 2 or 3)
        cases.add(migrate("unknown flavour", 2, "flavor", "--flavor", "mysql"));
        cases.add(migrate("negative wait", 2, "must not be negative", "--wait-timeout", "-1"));
        cases.add(migrate("wait word", 2, "not a duration", "--wait-timeout", "forever"));
        cases.add(migrate("placeholder without =", 2, "", "--placeholder", "NAME"));
        cases.add(migrate("unknown option", 2, "Unknown option", "--nope"));
        cases.add(migrate(
                "history table without schema",
                2,
                "--history-table must be schema.table",
                "--history-table",
                "history"));
        cases.add(migrate(
                "history table with three parts",
                2,
                "--history-table must be schema.table",
                "--history-table",
                "a.b.c"));
        cases.add(migrate("history table too long", 2, "at most 63 bytes", "--history-table", "s." + "t".repeat(64)));
        cases.add(migrate("history table with a newline", 2, "control characters", "--history-table", "s.t\nx"));
        cases.add(migrate("table name with SQL", 3, "is not a table name", "--wait-for-table", "auth.users;drop"));
        cases.add(migrate("table name with three parts", 3, "is not a table name", "--wait-for-table", "a.b.c"));
        cases.add(migrate("table name empty", 3, "is not a table name", "--wait-for-table", " "));
        cases.add(migrate("table name unclosed quote", 3, "is not a table name", "--wait-for-table", "\"unclosed"));
        cases.add(migrate("table name starting with a digit", 3, "is not a table name", "--wait-for-table", "1abc"));
        cases.add(migrate("table name too long", 3, "is not a table name", "--wait-for-table", "a".repeat(300)));
        cases.add(migrate("table name with NUL", 3, "is not a table name", "--wait-for-table", "\"a\u0000b\""));
        cases.add(migrate("rewrite without arrow", 3, "", "--url-rewrite", "http://a"));
        // clean (exit 2 without confirmation, 3 for any host that is not this machine)
        cases.add(new Case("clean without confirmation", Map.of(), 2, "--i-understand", "clean"));
        cases.add(clean("clean on a remote address", 3, "clean refused: host 10.1.2.3", "postgres://10.1.2.3/db"));
        cases.add(clean(
                "clean with PGHOST elsewhere",
                3,
                "clean refused: host 10.0.0.7",
                "jdbc:postgresql://localhost/db?PGHOST=10.0.0.7"));
        cases.add(clean(
                "clean with host= elsewhere",
                3,
                "clean refused: host 10.0.0.8",
                "jdbc:postgresql://localhost/db?host=10.0.0.8"));
        cases.add(clean(
                "clean with Host= elsewhere",
                3,
                "clean refused: host 10.0.0.9",
                "jdbc:postgresql://localhost/db?Host=10.0.0.9"));
        cases.add(clean(
                "clean with a host list",
                3,
                "clean refused: host 10.0.0.10",
                "postgres://postgres@localhost,10.0.0.10/db"));
        cases.add(clean(
                "clean with hostaddr",
                3,
                "clean refused: host 10.0.0.11",
                "jdbc:postgresql://localhost/db?hostaddr=10.0.0.11"));
        cases.add(clean(
                "clean with a socket factory",
                3,
                "sets socketFactory",
                "jdbc:postgresql://localhost/db?socketFactory=javax.net.ssl.SSLSocketFactory"));
        cases.add(clean("clean on 0.0.0.0", 3, "clean refused: host 0.0.0.0", "postgres://0.0.0.0/db"));
        cases.add(clean("clean on a link-local address", 3, "clean refused", "postgres://[fe80::1]/db"));
        cases.add(clean("clean on an IPv4-mapped remote", 3, "clean refused", "postgres://[::ffff:10.0.0.1]/db"));
        cases.add(clean(
                "clean on a name that does not resolve", 3, "does not resolve", "postgres://no-such-host.invalid/db"));
        cases.add(clean(
                "clean on a socket folder",
                3,
                "Unix socket",
                "jdbc:postgresql://localhost/db?host=/var/run/postgresql"));
        cases.add(clean(
                "clean with the password in the URL",
                3,
                "clean refused",
                "postgres://postgres:" + PASSWORD + "@10.2.2.2/db"));
        return cases.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void badInputIsOneLineBeforeAnyConnection(Case bad) throws IOException {
        for (Map.Entry<String, byte[]> file : bad.files().entrySet()) {
            Path path = dir.resolve(file.getKey());
            Files.createDirectories(path.getParent());
            Files.write(path, file.getValue());
        }
        String[] args =
                Stream.of(bad.args()).map(a -> a.replace("$D", dir.toString())).toArray(String[]::new);
        Map<String, String> env = new HashMap<>();
        env.put("SUPABASE_MIGRATOR_DATABASE_URL", UNREACHABLE);
        env.put("SUPABASE_MIGRATOR_WAIT_TIMEOUT", "0s");
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();

        int exit = SupabaseMigratorCommand.run(env, new PrintWriter(out), new PrintWriter(err), args);

        assertThat(exit).as(err.toString()).isEqualTo(bad.exit());
        List<String> lines =
                err.toString().lines().filter(l -> !l.contains("warning: ")).toList();
        assertThat(lines).as(err.toString()).hasSize(1);
        assertThat(lines.get(0)).startsWith("supabase-migrator: ").contains(bad.stderr());
        assertThat(err.toString()).doesNotContain("\tat ").doesNotContainPattern("(?m)^(java|dev)\\.");
        assertThat(out.toString()).isEmpty();
        assertThat(out + err.toString()).doesNotContain(PASSWORD);
    }
}
