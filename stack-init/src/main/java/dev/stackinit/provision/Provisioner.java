package dev.stackinit.provision;

import dev.stackinit.errors.ExitCode;
import dev.stackinit.errors.ToolException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Runs the configured steps in order and stops at the first failure, whose exit code becomes the run's. Steps after a
 * failure are reported as skipped, so nothing half-done is reported as done.
 */
public final class Provisioner {
    private final Clock clock;

    public Provisioner(Clock clock) {
        this.clock = clock;
    }

    /**
     * @param dryRun a plan: nothing was changed
     * @param failure the failing step's error, if one failed (the steps after it were skipped)
     */
    public record Report(List<StepOutcome> steps, int exitCode, boolean dryRun, Optional<StepFailedException> failure) {
        public Report {
            steps = List.copyOf(steps);
        }

        public boolean upToDate() {
            return steps.stream().allMatch(s -> s.status() == StepStatus.UP_TO_DATE);
        }
    }

    /**
     * @param onStep told after each step, so progress shows as the run goes
     * @param dryRun plan instead of run
     */
    public Report run(List<Step> steps, boolean dryRun, Consumer<StepOutcome> onStep) {
        List<StepOutcome> outcomes = new ArrayList<>();
        int exitCode = ExitCode.OK.code();
        StepFailedException failure = null;
        for (Step step : steps) {
            if (exitCode != ExitCode.OK.code()) {
                StepOutcome skipped =
                        StepOutcome.of(step.name(), StepStatus.SKIPPED, List.of("an earlier step failed"));
                outcomes.add(skipped);
                onStep.accept(skipped);
                continue;
            }
            Instant started = clock.instant();
            StepOutcome outcome;
            try {
                outcome = dryRun ? step.plan() : step.run();
            } catch (ToolException e) {
                failure = new StepFailedException(step.name(), e);
                exitCode = e.exitCode().code();
                outcome = new StepOutcome(
                        step.name(), StepStatus.FAILED, List.of(e.getMessage()), Duration.ZERO, exitCode);
            }
            outcome = outcome.took(Duration.between(started, clock.instant()));
            outcomes.add(outcome);
            onStep.accept(outcome);
        }
        return new Report(outcomes, exitCode, dryRun, Optional.ofNullable(failure));
    }
}
