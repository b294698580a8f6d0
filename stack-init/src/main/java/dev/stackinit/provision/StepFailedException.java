package dev.stackinit.provision;

import dev.stackinit.errors.ExitCode;
import dev.stackinit.errors.ToolException;

/** A step's failure, named by the step: {@code supabase: cannot connect to …}, with the step's own exit code. */
public final class StepFailedException extends ToolException {
    private static final long serialVersionUID = 1L;

    private final String step;
    private final ExitCode exitCode;

    public StepFailedException(String step, ToolException failure) {
        super(step + ": " + failure.getMessage(), failure);
        this.step = step;
        this.exitCode = failure.exitCode();
    }

    public String step() {
        return step;
    }

    @Override
    public ExitCode exitCode() {
        return exitCode;
    }
}
