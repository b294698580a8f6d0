package dev.stackinit.errors;

/** A database or server did not answer in time (exit 4). */
public class UnreachableException extends ToolException {
    private static final long serialVersionUID = 1L;

    public UnreachableException(String message) {
        super(message, null);
    }

    public UnreachableException(String message, Throwable cause) {
        super(message, cause);
    }

    @Override
    public ExitCode exitCode() {
        return ExitCode.UNREACHABLE;
    }
}
