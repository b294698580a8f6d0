package dev.stackinit.seeder;

/** The server could not be reached (yet): connection refused, timeout, closed socket. Worth retrying. */
public final class NotAnsweringException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public NotAnsweringException(String message, Throwable cause) {
        super(message, cause);
    }
}
