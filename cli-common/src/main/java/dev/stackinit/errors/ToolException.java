package dev.stackinit.errors;

/**
 * A failure whose exit code is known where it is thrown. Core code throws one of the subclasses; the CLI turns it into
 * one line on stderr and the exit code, never into a stack trace.
 */
public abstract class ToolException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    protected ToolException(String message, Throwable cause) {
        super(message, cause);
    }

    public abstract ExitCode exitCode();
}
