package dev.stackinit.provision.io;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.stackinit.provision.Provisioner;
import dev.stackinit.provision.StepOutcome;
import dev.stackinit.provision.StepStatus;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The end-of-run summary: a table for people, JSON for machines. */
public final class ReportRenderer {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private ReportRenderer() {}

    /** One progress line per step, printed as the step ends. */
    public static String line(StepOutcome outcome) {
        String first =
                outcome.details().isEmpty() ? "" : ": " + outcome.details().get(0);
        return String.format(
                Locale.ROOT, "[%s] %s in %s%s", outcome.step(), outcome.status().label(), seconds(outcome), first);
    }

    public static String table(Provisioner.Report report) {
        StringBuilder table = new StringBuilder();
        table.append(String.format(Locale.ROOT, "%-9s %-11s %8s  %s%n", "STEP", "STATUS", "TIME", "WHAT"));
        for (StepOutcome step : report.steps()) {
            List<String> details = step.details().isEmpty() ? List.of("") : step.details();
            table.append(String.format(
                    Locale.ROOT,
                    "%-9s %-11s %8s  %s%n",
                    step.step(),
                    step.status().label(),
                    seconds(step),
                    details.get(0)));
            for (String more : details.subList(1, details.size())) {
                table.append(String.format(Locale.ROOT, "%-9s %-11s %8s  %s%n", "", "", "", more));
            }
        }
        table.append(ending(report)).append(System.lineSeparator());
        return table.toString();
    }

    /** The last line: provisioned only when every step ran; a plan never says provisioned. */
    static String ending(Provisioner.Report report) {
        if (report.failure().isPresent()) {
            return (report.dryRun() ? "plan stopped at " : "stopped at ")
                    + report.failure().get().step() + ": exit code " + report.exitCode()
                    + "; the steps after it did not run";
        }
        if (report.dryRun()) {
            long changing = report.steps().stream()
                    .filter(s -> s.status() == StepStatus.PLANNED)
                    .count();
            return report.upToDate()
                    ? "plan: everything is up to date; nothing was changed"
                    : "plan: " + changing + " step(s) would change something; nothing was changed";
        }
        return report.upToDate() ? "everything up to date" : "provisioned";
    }

    public static String json(Provisioner.Report report, Map<String, String> connections) {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("exitCode", report.exitCode());
        root.put("dryRun", report.dryRun());
        root.put("upToDate", report.upToDate());
        report.failure().ifPresent(failure -> {
            // the fields every tool's --json failure carries
            root.put("tool", "stack-init");
            root.put("error", failure.getMessage());
            root.put("exit", report.exitCode());
            root.put("kind", failure.exitCode().name().toLowerCase(Locale.ROOT).replace('_', '-'));
            root.put("failedStep", failure.step());
        });
        root.put("steps", report.steps().stream().map(ReportRenderer::step).toList());
        if (!connections.isEmpty()) {
            root.put("connections", connections);
        }
        try {
            return JSON.writeValueAsString(root) + System.lineSeparator();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot render the report as JSON", e);
        }
    }

    private static Map<String, Object> step(StepOutcome outcome) {
        Map<String, Object> step = new LinkedHashMap<>();
        step.put("step", outcome.step());
        step.put("status", outcome.status().name().toLowerCase(Locale.ROOT));
        step.put("seconds", outcome.duration().toMillis() / 1000.0);
        step.put("details", outcome.details());
        return step;
    }

    private static String seconds(StepOutcome outcome) {
        return String.format(Locale.ROOT, "%.2f s", outcome.duration().toMillis() / 1000.0);
    }
}
