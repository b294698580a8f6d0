package dev.stackinit.migrator.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.stackinit.migrator.AppliedMigration;
import dev.stackinit.migrator.FileState;
import dev.stackinit.migrator.FileStatus;
import dev.stackinit.migrator.MigratePlan;
import dev.stackinit.migrator.MigrateReport;
import dev.stackinit.migrator.MigrationLimit;
import dev.stackinit.migrator.Phase;
import dev.stackinit.migrator.ResetReport;
import dev.stackinit.migrator.StatusBoard;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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
            print(out, migrateNode(report));
            return;
        }
        migrateLines(out, report, verbose);
    }

    private static ObjectNode migrateNode(MigrateReport report) {
        ObjectNode node = Json.MAPPER.createObjectNode();
        node.set("applied", rows(report.applied()));
        node.set("adopted", rows(report.adopted()));
        node.put("upToDate", report.upToDate());
        node.put("pending", report.notApplied().size());
        node.set("notApplied", Json.MAPPER.valueToTree(report.notApplied()));
        node.set("bootstrap", Json.MAPPER.valueToTree(report.bootstrap()));
        node.set("warnings", Json.MAPPER.valueToTree(report.warnings()));
        node.put("elapsedMs", report.elapsedMillis());
        return node;
    }

    private static void migrateLines(PrintWriter out, MigrateReport report, boolean verbose) {
        if (verbose) {
            report.bootstrap().forEach(line -> out.println("bootstrap: " + line));
        }
        if (!report.adopted().isEmpty()) {
            out.println("adopted " + report.adopted().size()
                    + " file(s) already in supabase_migrations.schema_migrations (not run)");
        }
        String pending = report.notApplied().isEmpty()
                ? "0 pending"
                : report.notApplied().size() + " pending after the target (" + String.join(", ", report.notApplied())
                        + ")";
        if (report.applied().isEmpty()) {
            out.println("up to date: " + pending + ", "
                    + (report.upToDate() + report.adopted().size()) + " applied");
        } else {
            out.println("applied " + report.applied().size() + " file(s) (" + perPhase(report.applied()) + ") in "
                    + report.elapsedMillis() + " ms; " + pending);
        }
    }

    /** migrate --dry-run: every file a real run would apply and what it runs; the first line says nothing changed. */
    static void plan(PrintWriter out, MigratePlan plan, boolean json, Optional<MigrationLimit> limit) {
        if (json) {
            ObjectNode node = Json.MAPPER.createObjectNode();
            node.put("dryRun", true);
            ArrayNode pending = node.putArray("pending");
            plan.pending().forEach(file -> pending.add(planned(file)));
            node.set("adopt", Json.MAPPER.valueToTree(plan.adopt()));
            node.put("upToDate", plan.upToDate());
            node.set("notApplied", Json.MAPPER.valueToTree(plan.notApplied()));
            node.set("bootstrap", Json.MAPPER.valueToTree(plan.bootstrap()));
            node.set("warnings", Json.MAPPER.valueToTree(plan.warnings()));
            print(out, node);
            return;
        }
        out.println("dry run: nothing was changed");
        plan.bootstrap().forEach(line -> out.println("bootstrap: " + line));
        if (!plan.adopt().isEmpty()) {
            out.println("would record " + plan.adopt().size() + " Supabase CLI file(s) as adopted (not run): "
                    + String.join(", ", plan.adopt()));
        }
        if (plan.pending().isEmpty()) {
            out.println("up to date: 0 pending, " + plan.upToDate() + " applied");
        } else {
            out.println("would apply " + plan.pending().size() + " file(s) ("
                    + perPhase(
                            plan.pending().stream().map(p -> p.file().phase()).toList())
                    + "); " + plan.upToDate() + " applied before:");
            plan.pending().forEach(file -> plannedLines(out, file));
        }
        if (!plan.notApplied().isEmpty()) {
            out.println("left pending by --target "
                    + limit.map(Object::toString).orElse("") + ": " + String.join(", ", plan.notApplied()));
        }
    }

    private static final int STATEMENTS_SHOWN = 10;

    private static void plannedLines(PrintWriter out, MigratePlan.PlannedFile file) {
        String how = file.kind().equals(AppliedMigration.KIND_WEBHOOKS)
                ? "webhook-config"
                : file.statements()
                        + (file.statements() == 1 ? " statement" : " statements")
                        + (file.transactional() ? ", one transaction" : ", no transaction");
        String state = file.state() == FileState.OUTDATED ? ", changed: applied again" : "";
        out.println("  " + file.file().script() + " (" + how + (file.asAdmin() ? ", as admin" : "") + state + ")");
        file.runs().stream().limit(STATEMENTS_SHOWN).forEach(line -> out.println("      " + line));
        if (file.runs().size() > STATEMENTS_SHOWN) {
            out.println("      … " + (file.runs().size() - STATEMENTS_SHOWN) + " more");
        }
    }

    private static ObjectNode planned(MigratePlan.PlannedFile file) {
        ObjectNode node = Json.MAPPER.createObjectNode();
        node.put("phase", file.file().phase().id());
        node.put("version", file.file().version().toString());
        node.put("script", file.file().script());
        node.put("kind", file.kind());
        node.put("state", file.state().label());
        node.put("statements", file.statements());
        node.put("transactional", file.transactional());
        node.put("asAdmin", file.asAdmin());
        node.set("runs", Json.MAPPER.valueToTree(file.runs()));
        return node;
    }

    static void reset(PrintWriter out, ResetReport report, boolean json, boolean verbose) {
        if (json) {
            ObjectNode node = Json.MAPPER.createObjectNode();
            node.set("cleaned", Json.MAPPER.valueToTree(report.cleaned()));
            node.set("migrate", migrateNode(report.migrated()));
            print(out, node);
            return;
        }
        report.cleaned().forEach(out::println);
        migrateLines(out, report.migrated(), verbose);
    }

    /** A flat JSON object, e.g. what {@code new} created. */
    static void json(PrintWriter out, Map<String, String> fields) {
        ObjectNode node = Json.MAPPER.createObjectNode();
        new TreeMap<>(fields).forEach(node::put);
        print(out, node);
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
        return perPhase(rows.stream().map(AppliedMigration::phase).toList());
    }

    private static String perPhase(java.util.Collection<Phase> phases) {
        Map<Phase, Long> byPhase =
                phases.stream().collect(Collectors.groupingBy(p -> p, TreeMap::new, Collectors.counting()));
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
