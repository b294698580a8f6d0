package dev.stackinit.webhooks.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stackinit.shared.Retry;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Bad input, one row each, refused before any connection: the documented exit code, one error line and no stack trace,
 * nothing on stdout, no secret printed. (The database is unreachable on purpose: a row that got as far as connecting
 * would exit 4 and fail.) The rows are counted in the closing note of #13.
 */
class HostileInputTest {
    private static final String SECRET = "tok-91f2c3d4";
    private static final String UNREACHABLE = "postgres://postgres:pw-7a7a7a@127.0.0.1:1/postgres";
    private static final String OK_HOOK =
            "  - name: h\n    table: public.t\n    events: [INSERT]\n    url: http://stackend:8000/x\n";

    @TempDir
    Path dir;

    record Case(String name, byte[] yaml, Map<String, String> env, int exit, String stderr, String... args) {
        @Override
        public String toString() {
            return name;
        }
    }

    private static Case yaml(String name, String yaml, String stderr) {
        return new Case(name, yaml.getBytes(StandardCharsets.UTF_8), Map.of(), 3, stderr, "plan", "-f", "$F");
    }

    private static Case hook(String name, String fields, String stderr) {
        return yaml(name, "webhooks:\n  - " + fields.replace("\n", "\n    ") + "\n", stderr);
    }

    private static Case args(String name, int exit, String stderr, String... args) {
        return new Case(name, ("webhooks:\n" + OK_HOOK).getBytes(StandardCharsets.UTF_8), Map.of(), exit, stderr, args);
    }

    private static final String BASE = "name: h\ntable: public.t\nevents: [INSERT]\n";

    static Stream<Case> cases() {
        List<Case> cases = new ArrayList<>();
        // YAML and file problems (exit 3)
        cases.add(yaml("not YAML", "webhooks: [\n", "hooks.yml:2:1"));
        cases.add(yaml("tab indentation", "webhooks:\n\t- name: h\n", "hooks.yml:2:1"));
        cases.add(yaml("unclosed quote", "webhooks:\n  - name: 'h\n", "hooks.yml:3:1"));
        cases.add(yaml("duplicate key", "webhooks:\n" + OK_HOOK + "    name: g\n", "Duplicate field 'name'"));
        cases.add(yaml("unknown top-level key", "hooks: []\n", "unknown top-level key 'hooks'"));
        cases.add(yaml("webhooks not a list", "webhooks: {a: b}\n", "'webhooks' must be a list"));
        cases.add(yaml("top level a list", "- a\n", "expected a mapping"));
        cases.add(yaml("item not a mapping", "webhooks:\n  - just text\n", "must be a mapping"));
        cases.add(yaml("YAML tag", "webhooks:\n  - !!java.io.File {}\n", ""));
        cases.add(yaml("anchor to nowhere", "webhooks:\n  - *nowhere\n", "must be a mapping"));
        cases.add(new Case(
                "invalid UTF-8",
                ("webhooks:\n  - name: caf\u00e9\n").getBytes(StandardCharsets.ISO_8859_1),
                Map.of(),
                3,
                "invalid UTF-8 at line 2",
                "plan",
                "-f",
                "$F"));
        cases.add(new Case(
                "UTF-16",
                "webhooks: []\n".getBytes(StandardCharsets.UTF_16),
                Map.of(),
                3,
                "invalid UTF-8",
                "plan",
                "-f",
                "$F"));
        cases.add(new Case("missing file", new byte[0], Map.of(), 3, "not found", "plan", "-f", "$F.missing"));
        cases.add(new Case("file is a folder", new byte[0], Map.of(), 3, "is a folder", "plan", "-f", "$D"));
        // one webhook's fields (exit 3)
        cases.add(hook("unknown field", BASE + "url: http://x/\nretries: 3", "unknown field 'retries'"));
        cases.add(hook("no name", "table: t\nevents: [INSERT]\nurl: http://x/", "'name' is required"));
        cases.add(hook("no table", "name: h\nevents: [INSERT]\nurl: http://x/", "'table' is required"));
        cases.add(hook("no url", BASE, "'url' is required"));
        cases.add(hook("no events", "name: h\ntable: t\nurl: http://x/", "'events' is required"));
        cases.add(hook("unknown event", "name: h\ntable: t\nevents: [TRUNCATE]\nurl: http://x/", "unknown event"));
        cases.add(hook("event twice", "name: h\ntable: t\nevents: [INSERT, insert]\nurl: http://x/", "listed twice"));
        cases.add(hook("empty events", "name: h\ntable: t\nevents: []\nurl: http://x/", "at least one event"));
        cases.add(hook("bad method", BASE + "url: http://x/\nmethod: DELETE", "method must be GET or POST"));
        cases.add(hook("timeout word", BASE + "url: http://x/\ntimeout_ms: soon", "whole number"));
        cases.add(hook("timeout negative", BASE + "url: http://x/\ntimeout_ms: -1", "between 1000 and 10000"));
        cases.add(hook("timeout too long", BASE + "url: http://x/\ntimeout_ms: 60000", "between 1000 and 10000"));
        cases.add(hook("timeout overflow", BASE + "url: http://x/\ntimeout_ms: 99999999999", "whole number"));
        cases.add(hook("url not http", BASE + "url: ftp://x/", "must start with http"));
        cases.add(hook("url javascript", BASE + "url: javascript:alert(1)", "must start with http"));
        cases.add(hook("url empty", BASE + "url: ''", "url is empty"));
        cases.add(hook("url without host", BASE + "url: http:///x", "has no host"));
        cases.add(hook("url with space", BASE + "url: 'http://x/a b'", "whitespace"));
        cases.add(hook("url with newline", BASE + "url: \"http://x/\\nHost: evil\"", "whitespace or control"));
        cases.add(hook("url with NUL", BASE + "url: \"http://x/\\0\"", "control characters"));
        cases.add(hook("headers a list", BASE + "url: http://x/\nheaders: [a]", "'headers' must be a mapping"));
        cases.add(hook("header value a list", BASE + "url: http://x/\nheaders: {A: [1]}", "must be a text value"));
        cases.add(hook("params a string", BASE + "url: http://x/\nparams: a=b", "'params' must be a mapping"));
        cases.add(hook("param value a map", BASE + "url: http://x/\nparams: {a: {b: c}}", "must be a text value"));
        cases.add(hook(
                "POST with form content type",
                BASE + "url: http://x/\nheaders: {Content-Type: text/plain}",
                "Content-Type application/json"));
        cases.add(hook(
                "name with control character",
                "name: \"h\\u0001\"\ntable: t\nevents: [INSERT]\nurl: http://x/",
                "control characters"));
        cases.add(hook(
                "name too long",
                "name: " + "n".repeat(64) + "\ntable: t\nevents: [INSERT]\nurl: http://x/",
                "longer than 63 bytes"));
        cases.add(hook(
                "table too long",
                "name: h\ntable: " + "t".repeat(64) + "\nevents: [INSERT]\nurl: http://x/",
                "longer than 63 bytes"));
        cases.add(hook("empty schema", "name: h\nschema: ''\ntable: t\nevents: [INSERT]\nurl: http://x/", "empty"));
        cases.add(yaml("name twice", "webhooks:\n" + OK_HOOK + OK_HOOK, "declared more than once"));
        cases.add(hook("unset variable", BASE + "url: ${NOPE}/x", "variable NOPE is not set"));
        cases.add(hook(
                "malformed variable",
                BASE + "url: 'http://x/?token=" + SECRET + "&a=${'",
                "malformed variable reference"));
        cases.add(hook("variable with an empty default", BASE + "url: ${U:-}", "url is empty"));
        cases.add(new Case(
                "variable value with a secret query and a newline",
                ("webhooks:\n  - " + BASE.replace("\n", "\n    ") + "url: ${U}\n").getBytes(StandardCharsets.UTF_8),
                Map.of("U", "http://x/?token=" + SECRET + "\n"),
                3,
                "whitespace or control",
                "plan",
                "-f",
                "$F"));
        // options and URLs (exit 2 or 3), all before connecting
        cases.add(args("no file", 2, "no declaration file", "plan"));
        cases.add(args("no database", 2, "no database", "plan", "-f", "$F", "--database-url", ""));
        cases.add(args("negative wait", 2, "must not be negative", "plan", "-f", "$F", "--wait-timeout", "-1"));
        cases.add(args("wait word", 2, "not a duration", "plan", "-f", "$F", "--wait-timeout", "forever"));
        cases.add(args("unknown option", 2, "Unknown option", "plan", "--nope"));
        cases.add(args("unknown command", 2, "Unmatched argument", "explode"));
        cases.add(args(
                "not postgres",
                3,
                "must start with postgres://",
                "plan",
                "-f",
                "$F",
                "--database-url",
                "mysql://root:" + SECRET + "@db/x"));
        cases.add(args(
                "port 99999",
                3,
                "invalid database URL",
                "plan",
                "-f",
                "$F",
                "--database-url",
                "postgres://u:" + SECRET + "@localhost:99999/db"));
        cases.add(args(
                "port 0",
                3,
                "invalid database URL",
                "plan",
                "-f",
                "$F",
                "--database-url",
                "postgres://localhost:0/db"));
        cases.add(args(
                "port word",
                3,
                "invalid database URL",
                "plan",
                "-f",
                "$F",
                "--database-url",
                "postgres://localhost:http/db"));
        cases.add(args(
                "jdbc port param",
                3,
                "invalid database URL",
                "plan",
                "-f",
                "$F",
                "--database-url",
                "jdbc:postgresql://localhost/db?PGPORT=abc"));
        cases.add(args(
                "unknown service",
                3,
                "invalid database URL",
                "plan",
                "-f",
                "$F",
                "--database-url",
                "jdbc:postgresql://localhost/db?service=nowhere"));
        cases.add(args(
                "host and port counts differ",
                3,
                "invalid database URL",
                "plan",
                "-f",
                "$F",
                "--database-url",
                "jdbc:postgresql://localhost/db?PGHOST=a,b"));
        cases.add(args(
                "stray percent in the password",
                3,
                "not followed by two hex digits",
                "plan",
                "-f",
                "$F",
                "--database-url",
                "postgres://u:" + SECRET + "%zz@localhost/db"));
        cases.add(args(
                "percent escapes not UTF-8",
                3,
                "not UTF-8",
                "plan",
                "-f",
                "$F",
                "--database-url",
                "postgres://u:" + SECRET + "%ff@localhost/db"));
        cases.add(args("rewrite without arrow", 3, "", "plan", "-f", "$F", "--url-rewrite", "http://a"));
        cases.add(args("password file missing", 3, "no such file", "plan", "-f", "$F", "--password-file", "$D/none"));
        cases.add(new Case(
                "password file empty",
                ("webhooks:\n" + OK_HOOK).getBytes(StandardCharsets.UTF_8),
                Map.of(),
                3,
                "is empty",
                "plan",
                "-f",
                "$F",
                "--password-file",
                "$F.empty"));
        return cases.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void badInputIsOneLineBeforeAnyConnection(Case bad) throws IOException {
        Path file = Files.write(dir.resolve("hooks.yml"), bad.yaml());
        Files.writeString(dir.resolve("hooks.yml.empty"), "\n");
        String[] args = Stream.of(bad.args())
                .map(a -> a.replace("$F", file.toString()).replace("$D", dir.toString()))
                .toArray(String[]::new);
        Map<String, String> env = new HashMap<>(bad.env());
        env.putIfAbsent("DATABASE_URL", UNREACHABLE);
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        Instant[] now = {Instant.EPOCH};
        Clock clock = new Clock() {
            @Override
            public ZoneId getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(ZoneId zone) {
                return this;
            }

            @Override
            public Instant instant() {
                return now[0];
            }
        };
        Retry retry = new Retry(clock, d -> now[0] = now[0].plus(d));

        int exit = WebhookConfigCommand.run(
                new WebhookConfigCommand(env, retry), new PrintWriter(out), new PrintWriter(err), args);

        assertThat(exit).as(err.toString()).isEqualTo(bad.exit());
        List<String> lines =
                err.toString().lines().filter(l -> !l.contains(": warning: ")).toList();
        assertThat(lines).as(err.toString()).hasSize(1);
        assertThat(lines.get(0)).startsWith("webhook-config: ").contains(bad.stderr());
        assertThat(err.toString()).doesNotContain("\tat ").doesNotContainPattern("(?m)^(java|dev)\\.");
        assertThat(out.toString()).isEmpty();
        assertThat(out + err.toString()).doesNotContain(SECRET, "pw-7a7a7a");
    }
}
