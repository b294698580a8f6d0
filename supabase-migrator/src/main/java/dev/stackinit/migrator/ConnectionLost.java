package dev.stackinit.migrator;

/**
 * The database connection dropped while a migration ran (the server restarted, the backend was terminated, the network
 * went). Not the server refusing the SQL: a transactional file was rolled back by the loss and may run again after
 * {@link MigrationTarget#reconnect()}; a file outside a transaction may be half applied.
 */
public final class ConnectionLost extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public ConnectionLost(String message, Throwable cause) {
        super(message, cause);
    }
}
