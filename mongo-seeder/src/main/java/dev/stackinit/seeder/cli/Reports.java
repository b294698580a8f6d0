package dev.stackinit.seeder.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.stackinit.errors.ToolException;
import dev.stackinit.seeder.CloneReport;
import dev.stackinit.seeder.CloneReport.DatabaseReport;
import dev.stackinit.seeder.ExportService.ExportReport;
import dev.stackinit.seeder.ReplicaSetResult;
import dev.stackinit.seeder.Unrestored;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import picocli.CommandLine;

/** Renders results for people (one summary line each) and for CI ({@code --json}). URIs arrive masked. */
final class Reports {
    private Reports() {}

    /** Made on the first --json output only: building a mapper loads Jackson, a third of a no-op init's time. */
    private static final class Json {
        static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    }

    static String text(ReplicaSetResult result) {
        String what = switch (result.action()) {
            case INITIATED -> "initiated";
            case INITIATED_CONCURRENTLY -> "initiated by another client at the same time";
            case RECONFIGURED -> "member host repaired (forced reconfig)";
            case UNCHANGED -> "up to date, nothing to do";
        };
        StringBuilder text = new StringBuilder(String.format(
                Locale.ROOT,
                "replica set %s: %s (member %s, writable primary after %.1f s)",
                result.setName(),
                what,
                result.memberHost(),
                result.took().toMillis() / 1000.0));
        text.append(
                switch (result.access()) {
                    case NO_ACCESS_CONTROL -> "\naccess control: off (mongod runs without --keyFile)";
                    case AUTHENTICATED -> "\naccess control: on, authenticated as the root user";
                    case ROOT_CREATED -> "\naccess control: on, root user created through the localhost exception";
                });
        result.appUser()
                .ifPresent(app -> text.append("\napp user ")
                        .append(app.user())
                        .append(" (readWrite on ")
                        .append(String.join(", ", app.databases()))
                        .append("): ")
                        .append(app.changes().isEmpty() ? "up to date" : changes(app.changes())));
        return text.toString();
    }

    /** Warnings about what rs-init found and left alone; never a value. */
    static List<String> notes(ReplicaSetResult result) {
        return result.appUser().map(ReplicaSetResult.AppUserResult::notes).orElse(List.of());
    }

    private static String changes(List<ReplicaSetResult.AppUserChange> changes) {
        return changes.stream()
                .map(change -> switch (change) {
                    case CREATED -> "created";
                    case PASSWORD_UPDATED -> "password updated";
                    case ROLES_GRANTED -> "missing roles granted";
                })
                .reduce((a, b) -> a + ", " + b)
                .orElse("");
    }

    static Map<String, Object> json(ReplicaSetResult result) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("setName", result.setName());
        map.put("memberHost", result.memberHost());
        map.put("action", result.action().name().toLowerCase(Locale.ROOT));
        map.put("access", result.access().name().toLowerCase(Locale.ROOT));
        result.appUser().ifPresent(app -> {
            Map<String, Object> user = new LinkedHashMap<>();
            user.put("user", app.user());
            user.put("databases", app.databases());
            user.put(
                    "changes",
                    app.changes().stream()
                            .map(c -> c.name().toLowerCase(Locale.ROOT))
                            .toList());
            user.put("notes", app.notes());
            map.put("appUser", user);
        });
        map.put("changed", result.changed());
        map.put("seconds", result.took().toMillis() / 1000.0);
        return map;
    }

    /**
     * Prints a copy's report (summary or JSON on stdout); for an incomplete copy also its error line on stderr, and
     * the JSON carries {@code error} and {@code exit}. Returns the exit code.
     */
    static int printCopy(
            CommandLine commandLine, boolean json, String verb, CloneReport report, ToolException failure) {
        int exit = failure == null ? 0 : failure.exitCode().code();
        if (json) {
            Map<String, Object> map = json(report);
            if (failure != null) {
                map.put("error", failure.getMessage());
                map.put("exit", exit);
            }
            print(commandLine.getOut(), map);
        } else {
            commandLine.getOut().println(text(verb, report));
        }
        if (failure != null) {
            commandLine.getErr().println(commandLine.getCommandSpec().root().name() + ": " + failure.getMessage());
        }
        return exit;
    }

    static String text(String verb, CloneReport report) {
        StringBuilder text = new StringBuilder();
        for (DatabaseReport database : report.databases()) {
            if (database.upToDate()) {
                text.append(database.target())
                        .append(": up to date (a completed copy of the same source is recorded), 0 changes\n");
            }
        }
        if (!report.upToDate()) {
            text.append(String.format(
                    Locale.ROOT,
                    "%s %d collections, %d documents, %.1f MB, %d indexes, %d views in %.1f s%n",
                    verb,
                    report.collections(),
                    report.documents(),
                    report.bytes() / 1e6,
                    report.indexes(),
                    report.views(),
                    report.seconds()));
        }
        for (String note : report.notes()) {
            text.append("note: ").append(note).append('\n');
        }
        for (Unrestored item : report.skipped()) {
            text.append("skipped: ").append(item).append('\n');
        }
        if (!report.notRestored().isEmpty()) {
            text.append("NOT RESTORED (").append(report.notRestored().size()).append("):\n");
            for (Unrestored item : report.notRestored()) {
                text.append("  ").append(item).append('\n');
            }
        }
        return text.toString().stripTrailing();
    }

    static Map<String, Object> json(CloneReport report) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("upToDate", report.upToDate());
        map.put("collections", report.collections());
        map.put("documents", report.documents());
        map.put("bytes", report.bytes());
        map.put("indexes", report.indexes());
        map.put("views", report.views());
        map.put("seconds", report.seconds());
        map.put("databases", report.databases());
        map.put("complete", report.complete());
        map.put("notRestoredCount", report.notRestored().size());
        map.put("notRestored", report.notRestored());
        map.put("skipped", report.skipped());
        map.put("notes", report.notes());
        return map;
    }

    static String text(ExportReport report, String directory) {
        return report.upToDate()
                ? "exported " + report.database() + " to " + directory + ": up to date, 0 files changed"
                : String.format(
                        Locale.ROOT,
                        "exported %s to %s: %d collections, %d views, %d files changed, %d removed",
                        report.database(),
                        directory,
                        report.collections(),
                        report.views(),
                        report.changed(),
                        report.removed());
    }

    static void print(PrintWriter out, Object value) {
        try {
            out.println(Json.MAPPER.writeValueAsString(value));
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
