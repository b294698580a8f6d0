package dev.stackinit.errors;

/** Invalid configuration, file contents or state of the target (exit 3). */
public class InvalidInputException extends ToolException {
    private static final long serialVersionUID = 1L;

    public InvalidInputException(String message) {
        super(message, null);
    }

    public InvalidInputException(String message, Throwable cause) {
        super(message, cause);
    }

    @Override
    public ExitCode exitCode() {
        return ExitCode.INVALID_INPUT;
    }
}
