package dev.stackinit.keygen.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stackinit.keygen.DemoValues;
import dev.stackinit.keygen.IndependentJwt;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Bad input, one row each: the documented exit code, one line on stderr and no stack trace, nothing on stdout, no
 * secret printed, and (on failure) every file exactly as it was. The rows are counted in the closing note of #13.
 */
class HostileInputTest {
    private static final String SECRET = "a-test-secret-that-is-long-enough-for-hs256";
    private static final String REAL = "JWT_SECRET=" + "r".repeat(40) + "\n";
    private static final String DEMO = "JWT_SECRET=" + DemoValues.JWT_SECRET + "\nANON_KEY=\nSERVICE_ROLE_KEY=\n";

    @TempDir
    Path dir;

    /** Prepares files in the folder; {@code $D} in arguments and env values is replaced by the folder. */
    @FunctionalInterface
    interface Setup {
        void in(Path dir) throws IOException;
    }

    record Case(String name, Setup setup, Map<String, String> env, int exit, String stderr, String... args) {
        @Override
        public String toString() {
            return name;
        }
    }

    private static Case usage(String name, String stderr, String... args) {
        return new Case(name, d -> {}, Map.of(), 2, stderr, args);
    }

    private static Case invalid(String name, Setup setup, String stderr, String... args) {
        return new Case(name, setup, Map.of(), 3, stderr, args);
    }

    private static Setup file(String name, String text) {
        return d -> Files.writeString(d.resolve(name), text);
    }

    private static Setup bytes(String name, byte[] content) {
        return d -> Files.write(d.resolve(name), content);
    }

    private static Setup both(Setup... setups) {
        return d -> {
            for (Setup setup : setups) {
                setup.in(d);
            }
        };
    }

    private static byte[] latin1(String text) {
        return text.getBytes(StandardCharsets.ISO_8859_1);
    }

    private static Setup mapping(String yaml) {
        return both(file(".env", REAL), file("m.yml", yaml));
    }

    static Stream<Case> cases() {
        List<Case> cases = new ArrayList<>();
        // options and values (exit 2)
        cases.add(usage("unknown option", "Unknown option", "generate", "--nope"));
        cases.add(usage("no subcommand", "Missing command"));
        cases.add(usage("unknown subcommand", "Unmatched argument", "explode"));
        cases.add(usage("duration word", "not a duration", "generate", "--expires-in", "soon"));
        cases.add(usage("negative duration", "must not be negative", "generate", "--expires-in", "-1d"));
        cases.add(usage("zero duration", "must be positive", "generate", "--expires-in", "0s"));
        cases.add(usage("duration past the clock", "at most 100y", "generate", "--expires-in", "9999999999y"));
        cases.add(usage("ISO duration past 100y", "at most 100y", "generate", "--expires-in", "P99999999999D"));
        cases.add(new Case(
                "token duration past the clock",
                d -> {},
                Map.of("JWT_SECRET", SECRET),
                2,
                "at most 100y",
                "token",
                "--expires-in",
                "999999y"));
        cases.add(usage("token negative duration", "must not be negative", "token", "--expires-in", "-1h"));
        cases.add(usage("duration overflow", "not a duration", "generate", "--expires-in", "99999999999999999999s"));
        cases.add(usage("unknown format", "unknown --format", "generate", "--format", "yaml"));
        cases.add(usage("rotate without files", "--rotate needs --env-file", "generate", "--rotate"));
        cases.add(usage("dry run without files", "--dry-run needs --env-file", "generate", "--dry-run"));
        cases.add(usage("empty format", "unknown --format", "generate", "--format", ""));
        cases.add(usage("bad k8s name", "not a Kubernetes name", "generate", "--secret-name", "Bad_Name"));
        cases.add(usage("k8s name too long", "not a Kubernetes name", "generate", "--secret-name", "a".repeat(254)));
        cases.add(usage("bad namespace", "not a Kubernetes name", "generate", "--namespace", "a.b"));
        cases.add(usage("negative warn days", "--warn-days must be 0 or more", "verify", "--warn-days", "-5"));
        cases.add(usage("warn days word", "is not an int", "verify", "--warn-days", "abc"));
        cases.add(usage("warn days overflow", "is not an int", "verify", "--warn-days", "999999999999"));
        cases.add(usage("claim without value", "KEY=VALUE", "token", "--claim", "noequals"));
        cases.add(new Case(
                "claim exp not a date",
                d -> {},
                Map.of("JWT_SECRET", SECRET),
                2,
                "--claim value",
                "token",
                "--claim",
                "exp=soon"));
        cases.add(usage("token without a secret", "no JWT secret", "token"));
        cases.add(new Case(
                "format with files",
                file(".env", REAL),
                Map.of(),
                2,
                "cannot be combined",
                "generate",
                "--env-file",
                "$D/.env",
                "--format",
                "k8s-secret"));
        cases.add(new Case(
                "rotate with a given secret",
                d -> {},
                Map.of("JWT_SECRET", SECRET),
                2,
                "--rotate",
                "generate",
                "--rotate",
                "--env-file",
                "$D/.env"));
        cases.add(new Case(
                "env default not an int",
                d -> {},
                Map.of("KEY_GENERATOR_WARN_DAYS", "x"),
                2,
                "is not an int",
                "verify"));
        cases.add(new Case(
                "env default bad duration",
                d -> {},
                Map.of("KEY_GENERATOR_EXPIRES_IN", "-3s"),
                2,
                "must not be negative",
                "generate"));
        cases.add(usage("NUL in a path", "Nul character not allowed", "generate", "--env-file", "a\u0000b"));
        // files (exit 3): nothing written
        cases.add(invalid("missing env file", d -> {}, "copy the example first", "generate", "--env-file", "$D/.env"));
        cases.add(invalid("missing env file, verify", d -> {}, "does not exist", "verify", "--env-file", "$D/.env"));
        cases.add(invalid(
                "missing file named in env", d -> {}, "does not exist", "generate", "--env-file", "$D/sub/.env"));
        cases.add(invalid(
                "env file is a folder",
                d -> Files.createDirectory(d.resolve("conf")),
                "is a folder",
                "generate",
                "--env-file",
                "$D/conf"));
        cases.add(invalid("empty env file path", d -> {}, "is a folder", "generate", "--env-file", ""));
        cases.add(invalid(
                "invalid UTF-8",
                bytes(".env", latin1("A=caf\u00e9\n")),
                "invalid UTF-8 at line 1",
                "generate",
                "--env-file",
                "$D/.env"));
        cases.add(invalid(
                "invalid UTF-8 on line 3",
                bytes(".env", latin1("A=1\nB=2\nC=\u00ff\n")),
                "line 3, byte offset 10",
                "verify",
                "--env-file",
                "$D/.env"));
        cases.add(invalid(
                "lone continuation byte",
                bytes(".env", new byte[] {'A', '=', (byte) 0x80, '\n'}),
                "invalid UTF-8",
                "generate",
                "--env-file",
                "$D/.env"));
        cases.add(invalid(
                "overlong encoding",
                bytes(".env", new byte[] {'A', '=', (byte) 0xC0, (byte) 0xAF}),
                "invalid UTF-8",
                "generate",
                "--env-file",
                "$D/.env"));
        cases.add(invalid(
                "UTF-16 file",
                d -> Files.writeString(d.resolve(".env"), "A=1\n", StandardCharsets.UTF_16),
                "invalid UTF-8",
                "generate",
                "--env-file",
                "$D/.env"));
        cases.add(invalid(
                "truncated UTF-8 at the end",
                bytes(".env", new byte[] {'A', '=', (byte) 0xE2, (byte) 0x82}),
                "invalid UTF-8",
                "generate",
                "--env-file",
                "$D/.env"));
        cases.add(invalid(
                "not an assignment",
                file(".env", "JWT_SECRET\n"),
                "not a VARIABLE=value line",
                "generate",
                "--env-file",
                "$D/.env"));
        cases.add(invalid(
                "shell command line",
                file(".env", "rm -rf /\n"),
                "not a VARIABLE=value line",
                "generate",
                "--env-file",
                "$D/.env"));
        cases.add(invalid(
                "name with a dash",
                file(".env", "MY-VAR=1\n"),
                "not a VARIABLE=value line",
                "generate",
                "--env-file",
                "$D/.env"));
        cases.add(invalid(
                "unterminated quote",
                file(".env", "A=\"open\n"),
                "unterminated quote",
                "generate",
                "--env-file",
                "$D/.env"));
        cases.add(invalid(
                "read-only file",
                d -> {
                    Files.writeString(d.resolve(".env"), DEMO);
                    Files.setPosixFilePermissions(d.resolve(".env"), PosixFilePermissions.fromString("r--r--r--"));
                },
                "is read-only",
                "generate",
                "--env-file",
                "$D/.env"));
        cases.add(invalid(
                "dangling symlink",
                d -> Files.createSymbolicLink(d.resolve(".env"), d.resolve("gone.env")),
                "does not exist",
                "generate",
                "--env-file",
                "$D/.env"));
        cases.add(invalid(
                "symlink loop",
                d -> {
                    Files.createSymbolicLink(d.resolve("a.env"), d.resolve("b.env"));
                    Files.createSymbolicLink(d.resolve("b.env"), d.resolve("a.env"));
                },
                "symbolic links",
                "generate",
                "--env-file",
                "$D/a.env"));
        cases.add(invalid(
                "one file twice through a link",
                d -> {
                    Files.writeString(d.resolve(".env"), DEMO);
                    Files.createSymbolicLink(d.resolve("link.env"), d.resolve(".env"));
                },
                "are the same file",
                "generate",
                "--env-file",
                "$D/.env",
                "--env-file",
                "$D/link.env"));
        cases.add(invalid(
                "short secret in the file",
                file(".env", "JWT_SECRET=short\n"),
                "at least 32 characters",
                "generate",
                "--env-file",
                "$D/.env"));
        cases.add(new Case(
                "short secret given",
                file(".env", DEMO),
                Map.of("JWT_SECRET", "short"),
                3,
                "at least 32 characters",
                "generate",
                "--env-file",
                "$D/.env"));
        cases.add(invalid(
                "conflicting secrets",
                both(file("a.env", REAL), file("b.env", "JWT_SECRET=" + "b".repeat(40))),
                "differs between",
                "generate",
                "--env-file",
                "$D/a.env",
                "--env-file",
                "$D/b.env"));
        cases.add(invalid(
                "demo values, verify", file(".env", DEMO), "problem(s) found", "verify", "--env-file", "$D/.env"));
        cases.add(invalid("secret file missing", d -> {}, "no such file", "generate", "--jwt-secret-file", "$D/s"));
        cases.add(invalid("secret file empty", file("s", ""), "is empty", "generate", "--jwt-secret-file", "$D/s"));
        cases.add(invalid(
                "secret file newline only", file("s", "\n"), "is empty", "generate", "--jwt-secret-file", "$D/s"));
        cases.add(invalid(
                "secret file invalid UTF-8",
                bytes("s", latin1("\u00e9" + "x".repeat(40))),
                "invalid UTF-8",
                "generate",
                "--jwt-secret-file",
                "$D/s"));
        cases.add(invalid(
                "secret file is a folder",
                d -> Files.createDirectory(d.resolve("s")),
                "Is a directory",
                "generate",
                "--jwt-secret-file",
                "$D/s"));
        cases.add(invalid(
                "short secret file", file("s", "short\n"), "at least 32", "generate", "--jwt-secret-file", "$D/s"));
        cases.add(new Case(
                "token env file without secret",
                file(".env", "A=1\n"),
                Map.of(),
                2,
                "has no JWT_SECRET",
                "token",
                "--env-file",
                "$D/.env"));
        // mapping files (exit 3)
        cases.add(
                invalid("mapping missing", file(".env", REAL), "does not exist", "generate", "--mapping", "$D/m.yml"));
        cases.add(invalid(
                "mapping is a folder",
                d -> Files.createDirectory(d.resolve("m.yml")),
                "",
                "generate",
                "--mapping",
                "$D/m.yml"));
        cases.add(invalid(
                "mapping not YAML",
                mapping("source: 'open\n"),
                "m.yml:2:1: found unexpected end of stream",
                "generate",
                "--mapping",
                "$D/m.yml"));
        cases.add(invalid(
                "mapping tab indentation",
                mapping("source: .env\ntargets:\n\t- file: x\n"),
                "m.yml:3:1:",
                "generate",
                "--mapping",
                "$D/m.yml"));
        cases.add(invalid(
                "mapping unknown key",
                mapping("source: .env\nsauce: x\n"),
                "m.yml:2:1: unknown key 'sauce'",
                "generate",
                "--mapping",
                "$D/m.yml"));
        cases.add(invalid(
                "mapping duplicate key",
                mapping("source: .env\nsource: .env\n"),
                "Duplicate field",
                "generate",
                "--mapping",
                "$D/m.yml"));
        cases.add(invalid(
                "mapping invalid UTF-8",
                both(file(".env", REAL), bytes("m.yml", latin1("source: \u00e9\n"))),
                "invalid UTF-8",
                "generate",
                "--mapping",
                "$D/m.yml"));
        cases.add(invalid(
                "mapping without source",
                mapping("targets: []\n"),
                "has no 'source'",
                "generate",
                "--mapping",
                "$D/m.yml"));
        cases.add(invalid(
                "mapping source is a list",
                mapping("source: [a]\n"),
                "source: expected text value",
                "generate",
                "--mapping",
                "$D/m.yml"));
        cases.add(invalid(
                "mapping targets not a list",
                mapping("source: .env\ntargets: {a: b}\n"),
                "targets: expected list",
                "generate",
                "--mapping",
                "$D/m.yml"));
        cases.add(invalid(
                "mapping target escapes",
                mapping("source: .env\ntargets:\n - file: ../../x.env\n" + "   vars: {X: JWT_SECRET}\n"),
                "is outside the mapping's folder",
                "generate",
                "--mapping",
                "$D/m.yml"));
        cases.add(invalid(
                "mapping source escapes",
                mapping("source: ../.env\n"),
                "is outside the mapping's folder",
                "generate",
                "--mapping",
                "$D/m.yml"));
        cases.add(invalid(
                "mapping target is the folder",
                mapping("source: .env\ntargets:\n - file: .\n" + "   vars: {X: JWT_SECRET}\n"),
                "is outside the mapping's folder",
                "generate",
                "--mapping",
                "$D/m.yml"));
        cases.add(invalid(
                "mapping target without file",
                mapping("source: .env\ntargets:\n - vars: {X: JWT_SECRET}\n"),
                "needs a 'file'",
                "generate",
                "--mapping",
                "$D/m.yml"));
        cases.add(invalid(
                "mapping target without vars",
                mapping("source: .env\ntargets:\n - file: x.env\n"),
                "has no 'vars'",
                "generate",
                "--mapping",
                "$D/m.yml"));
        cases.add(invalid(
                "mapping bad variable name",
                mapping("source: .env\ntargets:\n - file: x.env\n" + "   vars: {1X: JWT_SECRET}\n"),
                "is not TARGET_VARIABLE",
                "generate",
                "--mapping",
                "$D/m.yml"));
        cases.add(invalid(
                "mapping from an undefined variable",
                mapping("source: .env\ntargets:\n - file: x.env\n" + "   vars: {X: NOT_THERE}\n"),
                "maps from NOT_THERE",
                "generate",
                "--mapping",
                "$D/m.yml"));
        cases.add(invalid(
                "mapping target is a device",
                mapping("source: .env\ntargets:\n - file: /dev/null\n" + "   vars: {X: JWT_SECRET}\n"),
                "not a regular file",
                "generate",
                "--mapping",
                "$D/m.yml"));
        cases.add(invalid(
                "mapping target is a folder",
                both(
                        mapping("source: .env\ntargets:\n - file: sub\n" + "   vars: {X: JWT_SECRET}\n"),
                        d -> Files.createDirectory(d.resolve("sub"))),
                "is a folder",
                "generate",
                "--mapping",
                "$D/m.yml"));
        cases.add(invalid(
                "mapping target with NUL",
                mapping("source: .env\ntargets:\n - file: \"a\\0b\"\n" + "   vars: {X: JWT_SECRET}\n"),
                "not a file path",
                "generate",
                "--mapping",
                "$D/m.yml"));
        cases.add(invalid(
                "mapping target in a missing folder",
                mapping("source: .env\ntargets:\n - file: no/x.env\n" + "   vars: {X: JWT_SECRET}\n"),
                "No such file or directory",
                "generate",
                "--mapping",
                "$D/m.yml"));
        return cases.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void badInputIsOneLineAndChangesNothing(Case bad) throws Exception {
        bad.setup().in(dir);
        Map<String, String> before = snapshot();
        String[] args =
                Stream.of(bad.args()).map(a -> a.replace("$D", dir.toString())).toArray(String[]::new);
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        Map<String, String> env = new HashMap<>(bad.env());
        int exit = KeyGeneratorCommand.run(
                env,
                Clock.fixed(Instant.parse("2026-11-22T10:00:00Z"), ZoneOffset.UTC),
                IndependentJwt.seeded(3),
                new PrintWriter(out),
                new PrintWriter(err),
                args);

        assertThat(exit).as(err.toString()).isEqualTo(bad.exit());
        List<String> errLines = err.toString().lines().toList();
        assertThat(errLines).as("one error line").hasSize(1);
        assertThat(errLines.get(0)).startsWith("key-generator: ").contains(bad.stderr());
        assertThat(err.toString()).doesNotContain("\tat ").doesNotContainPattern("(?m)^(java|dev)\\.");
        if (exit == 2 || bad.name().contains("given") || bad.name().contains("argv")) {
            assertThat(out.toString()).as("stdout").isEmpty();
        }
        assertThat(out + err.toString()).doesNotContain(SECRET, "r".repeat(40), "b".repeat(40));
        assertThat(snapshot()).as("files after a refused run").isEqualTo(before);
    }

    /** Every entry under the folder: path → type, mode, owner and content, so any change shows. */
    private Map<String, String> snapshot() throws IOException {
        Map<String, String> entries = new TreeMap<>();
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path path : paths.toList()) {
                String key = dir.relativize(path).toString();
                if (key.equals(dev.stackinit.keygen.io.StackLock.NAME)) {
                    continue; // the lock's file stays by design (see StackLock)
                }
                if (Files.isSymbolicLink(path)) {
                    entries.put(key, "link " + Files.readSymbolicLink(path));
                } else if (Files.isRegularFile(path)) {
                    entries.put(
                            key,
                            PosixFilePermissions.toString(Files.getPosixFilePermissions(path)) + " "
                                    + Files.getAttribute(path, "unix:uid") + " "
                                    + new String(Files.readAllBytes(path), StandardCharsets.ISO_8859_1));
                } else {
                    entries.put(key, "folder");
                }
            }
        }
        return entries;
    }
}
