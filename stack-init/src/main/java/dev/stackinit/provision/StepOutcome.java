package dev.stackinit.provision;

import java.time.Duration;
import java.util.List;

/** What one step did, in words for people ({@code details}) and in a status for machines. */
public record StepOutcome(String step, StepStatus status, List<String> details, Duration duration, int exitCode) {
    public StepOutcome {
        details = List.copyOf(details);
    }

    public static StepOutcome of(String step, StepStatus status, List<String> details) {
        return new StepOutcome(step, status, details, Duration.ZERO, 0);
    }

    public StepOutcome took(Duration took) {
        return new StepOutcome(step, status, details, took, exitCode);
    }
}
