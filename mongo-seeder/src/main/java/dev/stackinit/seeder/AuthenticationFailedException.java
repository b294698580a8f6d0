package dev.stackinit.seeder;

/**
 * The server refused the credentials a connection authenticates with (SCRAM failed, code 18). The user may not exist,
 * or the password is another one: the server does not tell which.
 */
public final class AuthenticationFailedException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public AuthenticationFailedException(String message, Throwable cause) {
        super(message, cause);
    }
}
