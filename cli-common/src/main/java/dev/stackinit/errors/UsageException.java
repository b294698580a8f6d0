package dev.stackinit.errors;

/** Options that cannot be used together, or are missing, found after parsing (exit 2). */
public class UsageException extends ToolException {
    private static final long serialVersionUID = 1L;

    public UsageException(String message) {
        super(message, null);
    }

    public UsageException(String message, Throwable cause) {
        super(message, cause);
    }

    @Override
    public ExitCode exitCode() {
        return ExitCode.USAGE;
    }
}
