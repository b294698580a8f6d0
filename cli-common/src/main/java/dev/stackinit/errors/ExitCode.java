package dev.stackinit.errors;

/** The exit codes every stack-init tool uses; scripts and compose {@code depends_on} tell failures apart by them. */
public enum ExitCode {
    OK(0, "success"),
    BUG(1, "unexpected error (a bug: please report it with --verbose output)"),
    USAGE(2, "invalid usage: unknown option, missing argument, conflicting options"),
    INVALID_INPUT(
            3, "invalid configuration or input (file, value, state found after parsing; also failed authentication)"),
    UNREACHABLE(4, "a dependency (database, server) could not be reached in time"),
    REJECTED(5, "the remote side rejected the operation (SQL error, command failed)");

    private final int code;
    private final String meaning;

    ExitCode(int code, String meaning) {
        this.code = code;
        this.meaning = meaning;
    }

    public int code() {
        return code;
    }

    public String meaning() {
        return meaning;
    }
}
