package dev.stackinit.errors;

/** The remote side refused the operation: a SQL error, a failed command (exit 5). */
public class RejectedException extends ToolException {
    private static final long serialVersionUID = 1L;

    public RejectedException(String message) {
        super(message, null);
    }

    public RejectedException(String message, Throwable cause) {
        super(message, cause);
    }

    @Override
    public ExitCode exitCode() {
        return ExitCode.REJECTED;
    }
}
