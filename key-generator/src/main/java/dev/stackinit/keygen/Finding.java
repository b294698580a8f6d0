package dev.stackinit.keygen;

/** One result of a check: what it is about (a variable, or file and variable) and what is wrong. Never a value. */
public record Finding(Severity severity, String subject, String message) {
    public enum Severity {
        ERROR,
        WARNING
    }

    public static Finding error(String subject, String message) {
        return new Finding(Severity.ERROR, subject, message);
    }

    public static Finding warning(String subject, String message) {
        return new Finding(Severity.WARNING, subject, message);
    }

    public boolean isError() {
        return severity == Severity.ERROR;
    }

    /** One line: {@code ERROR   ANON_KEY: is not signed with JWT_SECRET}. */
    public String line() {
        return String.format("%-8s%s: %s", severity, subject, message);
    }
}
