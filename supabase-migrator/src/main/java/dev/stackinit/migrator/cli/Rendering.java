package dev.stackinit.migrator.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.stackinit.migrator.AppliedMigration;
import dev.stackinit.migrator.FileState;
import dev.stackinit.migrator.FileStatus;
import dev.stackinit.migrator.MigrateReport;
import dev.stackinit.migrator.Phase;
import dev.stackinit.migrator.StatusBoard;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/** Text and JSON for stdout. Nothing here holds a secret: reports carry file names, checksums and counts only. */
final class Rendering {
    /** Loaded on first use: Jackson's start-up is a third of a no-op run's budget, and text output needs none of it. */
    private static final class Json {
        static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    }

    private Rendering() {}

    static void migrate(PrintWriter out, MigrateReport report, boolean json, boolean verbose) {
        if (json) {
            ObjectNode node = Json.MAPPER.createObjectNode();
            node.set("applied", rows(report.applied()));
            node.set("adopted", rows(report.adopted()));
            node.put("upToDate", report.upToDate());
            node.put("pending", 0);
            node.set("bootstrap", Json.MAPPER.valueToTree(report.bootstrap()));
            node.set("warnings", Json.MAPPER.valueToTree(report.warnings()));
            node.put("elapsedMs", report.elapsedMillis());
            print(out, node);
            return;
        }
        if (verbose) {
            report.bootstrap().forEach(line -> out.println("bootstrap: " + line));
        }
        if (!report.adopted().isEmpty()) {
            out.println("adopted " + report.adopted().size()
                    + " file(s) already in supabase_migrations.schema_migrations (not run)");
        }
        if (report.applied().isEmpty()) {
            out.println("up to date: 0 pending, "
                    + (report.upToDate() + report.adopted().size()) + " applied");
        } else {
            out.println("applied " + report.applied().size() + " file(s) (" + perPhase(report.applied()) + ") in "
                    + report.elapsedMillis() + " ms; 0 pending");
        }
    }

    static void info(PrintWriter out, StatusBoard board, boolean json) {
        if (json) {
            ArrayNode files = Json.MAPPER.createArrayNode();
            board.entries().forEach(e -> files.add(entry(e)));
            ObjectNode node = Json.MAPPER.createObjectNode();
            node.set("files", files);
            node.set("counts", Json.MAPPER.valueToTree(counts(board)));
            print(out, node);
            return;
        }
        out.printf("%-10s %-15s %-32s %-9s %-20s %s%n", "PHASE", "VERSION", "NAME", "STATE", "INSTALLED", "MS");
        for (FileStatus e : board.entries()) {
            String installed = e.applied()
                    .map(a -> a.installedOn() == null
                            ? ""
                            : a.installedOn().toString().substring(0, 19))
                    .orElse("");
            String millis =
                    e.applied().map(a -> Long.toString(a.executionMillis())).orElse("");
            out.printf(
                    "%-10s %-15s %-32s %-9s %-20s %s%n",
                    e.key().phase().id(), e.key().version(), name(e), e.state().label(), installed, millis);
        }
        out.println(counts(board).entrySet().stream()
                .map(c -> c.getValue() + " " + c.getKey())
                .collect(Collectors.joining(", ")));
    }

    static void lines(PrintWriter out, List<String> lines, String whenEmpty) {
        if (lines.isEmpty()) {
            out.println(whenEmpty);
        }
        lines.forEach(out::println);
    }

    /** The result of a command that reports what it changed, one line per change: {"changes": n, "lines": [...]}. */
    static void lines(PrintWriter out, List<String> lines, String whenEmpty, boolean json) {
        if (!json) {
            lines(out, lines, whenEmpty);
            return;
        }
        ObjectNode node = Json.MAPPER.createObjectNode();
        node.put("changes", lines.size());
        lines.forEach(node.putArray("lines")::add);
        print(out, node);
    }

    static void validate(PrintWriter out, StatusBoard board, boolean json) {
        if (!json) {
            out.println("valid: " + board.count(FileState.APPLIED) + " applied file(s) match, "
                    + board.pending().size() + " pending");
            return;
        }
        ObjectNode node = Json.MAPPER.createObjectNode();
        node.put("valid", true);
        node.put("applied", board.count(FileState.APPLIED));
        node.put("pending", board.pending().size());
        print(out, node);
    }

    static void baseline(PrintWriter out, List<AppliedMigration> recorded, boolean json) {
        if (!json) {
            out.println("baselined " + recorded.size() + " file(s): recorded as applied, not run");
            return;
        }
        ObjectNode node = Json.MAPPER.createObjectNode();
        node.put("baselined", recorded.size());
        node.set("files", rows(recorded));
        print(out, node);
    }

    private static String name(FileStatus e) {
        String script = e.script();
        return script.substring(script.lastIndexOf('/') + 1);
    }

    private static Map<String, Long> counts(StatusBoard board) {
        Map<String, Long> counts = new java.util.LinkedHashMap<>();
        Arrays.stream(FileState.values())
                .filter(s -> board.count(s) > 0 || s == FileState.APPLIED || s == FileState.PENDING)
                .forEach(s -> counts.put(s.label(), board.count(s)));
        return counts;
    }

    private static String perPhase(List<AppliedMigration> rows) {
        Map<Phase, Long> byPhase = rows.stream()
                .collect(Collectors.groupingBy(AppliedMigration::phase, TreeMap::new, Collectors.counting()));
        return byPhase.entrySet().stream()
                .map(e -> e.getKey().id() + " " + e.getValue())
                .collect(Collectors.joining(", "));
    }

    private static ObjectNode entry(FileStatus e) {
        ObjectNode node = Json.MAPPER.createObjectNode();
        node.put("phase", e.key().phase().id());
        node.put("version", e.key().version().toString());
        node.put("script", e.script());
        node.put("state", e.state().label());
        e.applied().ifPresent(a -> {
            node.put("checksum", a.checksum());
            node.put("kind", a.kind());
            node.put("installedBy", a.installedBy());
            node.put(
                    "installedOn",
                    a.installedOn() == null ? null : a.installedOn().toString());
            node.put("executionMs", a.executionMillis());
        });
        return node;
    }

    private static ArrayNode rows(List<AppliedMigration> rows) {
        ArrayNode array = Json.MAPPER.createArrayNode();
        for (AppliedMigration row : rows) {
            ObjectNode node = array.addObject();
            node.put("phase", row.phase().id());
            node.put("version", row.version().toString());
            node.put("script", row.script());
            node.put("kind", row.kind());
            node.put("checksum", row.checksum());
            node.put("executionMs", row.executionMillis());
        }
        return array;
    }

    private static void print(PrintWriter out, ObjectNode node) {
        try {
            out.println(Json.MAPPER.writeValueAsString(node));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
