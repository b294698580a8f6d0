package dev.stackinit.migrator;

import dev.stackinit.errors.InvalidInputException;
import dev.stackinit.errors.UsageException;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.regex.Pattern;

/**
 * {@code new <phase> <name>}: the next file of a phase, numbered after its last file with the same number width
 * ({@code 001} in an empty phase), or a UTC timestamp in the Supabase CLI phase as {@code supabase migration new} does.
 * It never overwrites: if the file exists, nothing is written.
 */
public final class MigrationCreator {
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_-]*");
    private static final DateTimeFormatter TIMESTAMP =
            DateTimeFormatter.ofPattern("yyyyMMddHHmmss").withZone(ZoneOffset.UTC);
    private static final int DEFAULT_WIDTH = 3;

    /** What was created; {@code script} is relative to the migrations directory, as the history records it. */
    public record Created(Path path, String script, Phase phase, BigInteger version) {}

    private final MigrationScanner scanner;
    private final Clock clock;

    public MigrationCreator(MigrationScanner scanner, Clock clock) {
        this.scanner = scanner;
        this.clock = clock;
    }

    /**
     * The one rule for the name part of a migration file, for {@code new} and {@code diff --write}: a bad name is a
     * usage error (exit 2), before anything is read or written.
     *
     * @param what how the command line calls it, for the message
     */
    public static void checkName(String what, String name) {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new UsageException(
                    what + " may hold letters, digits, '_' and '-' only (e.g. add_orders), got '" + name + "'");
        }
    }

    /** @param root the migrations directory; created with the phase folder when missing */
    public Created create(Path root, String phaseId, String name) {
        Phase phase = Phase.byId(phaseId)
                .orElseThrow(() -> new UsageException("unknown phase '" + phaseId + "'; one of: " + phaseIds()));
        checkName("the name", name);
        List<MigrationFile> existing = Files.isDirectory(root) ? scanner.phase(root, phase) : List.of();
        String number = next(phase, existing);
        String extension = phase == Phase.WEBHOOKS ? ".yml" : ".sql";
        String fileName = number + "_" + name + extension;
        // beside the phase's files: -d may point straight at a Supabase CLI folder, whose files are at its top
        Path folder = existing.isEmpty()
                ? root.resolve(phase.folder())
                : existing.get(existing.size() - 1).path().getParent();
        Path path = folder.resolve(fileName);
        String script = root.relativize(path).toString().replace('\\', '/');
        write(folder, path, script, template(phase, script));
        return new Created(path, script, phase, new BigInteger(number));
    }

    private String next(Phase phase, List<MigrationFile> existing) {
        if (phase != Phase.MIGRATIONS) {
            return next(existing);
        }
        BigInteger now = new BigInteger(TIMESTAMP.format(clock.instant()));
        BigInteger last = last(existing);
        // after a file from a clock ahead of this one (or a second file in one second) all the same: the order holds
        return (now.compareTo(last) > 0 ? now : last.add(BigInteger.ONE)).toString();
    }

    /** The last file's number plus one, zero-padded to that file's width ({@code 001} when there is none). */
    static String next(List<MigrationFile> existing) {
        BigInteger last = last(existing);
        int width = existing.stream()
                .filter(f -> f.version().equals(last))
                .findFirst()
                .map(MigrationCreator::digits)
                .orElse(DEFAULT_WIDTH);
        String digits = last.add(BigInteger.ONE).toString();
        return digits.length() >= width ? digits : "0".repeat(width - digits.length()) + digits;
    }

    private static BigInteger last(List<MigrationFile> existing) {
        return existing.stream()
                .map(MigrationFile::version)
                .max(BigInteger::compareTo)
                .orElse(BigInteger.ZERO);
    }

    /** The number as written in the file name: {@code 007_x.sql} is 3 digits wide. */
    private static int digits(MigrationFile file) {
        String name = file.path().getFileName().toString();
        return name.indexOf('_');
    }

    private static void write(Path folder, Path path, String script, String content) {
        try {
            Files.createDirectories(folder);
            try (OutputStream out = Files.newOutputStream(path, StandardOpenOption.CREATE_NEW)) {
                out.write(content.getBytes(StandardCharsets.UTF_8));
            }
        } catch (FileAlreadyExistsException e) {
            throw new InvalidInputException(script + " already exists: not overwritten, nothing written");
        } catch (IOException e) {
            throw new InvalidInputException("cannot create " + path + ": " + e.getMessage(), e);
        }
    }

    static String template(Phase phase, String script) {
        if (phase == Phase.WEBHOOKS) {
            return """
                    # %s: database webhooks, applied through webhook-config when migrate reaches this file.
                    # Declarative: editing this file later applies it again (no new file needed). ${VAR} and
                    # ${VAR:-default} come from the environment or --placeholder; see webhook-config/README.md.
                    webhooks: []
                    #  - name: order_created
                    #    table: public.orders
                    #    events: [INSERT]            # INSERT, UPDATE, DELETE
                    #    url: ${STACKEND_URL:-http://stackend:8000}/webhooks/order_created
                    #    method: POST
                    #    headers:
                    #      Content-Type: application/json
                    #    timeout_ms: 5000
                    """.formatted(script);
        }
        String how = phase.admin()
                ? "runs once, in its own transaction, on the admin connection (supabase_admin)"
                : "runs once, in its own transaction, as postgres";
        return "-- " + script + ": " + how + ".\n"
                + "-- Markers: '-- migrator:no-transaction', '-- migrator:as-admin' (see supabase-migrator/README.md).\n";
    }

    private static String phaseIds() {
        return String.join(
                ", ", java.util.stream.Stream.of(Phase.values()).map(Phase::id).toList());
    }
}
