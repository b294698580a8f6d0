package dev.stackinit.migrator;

/**
 * A statement of a migration failed on the server.
 *
 * @param line the file line the server's error points at (the statement's start if it gives no position)
 */
public final class MigrationFailure extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final String script;
    private final int line;
    private final String sqlState;
    private final String serverMessage;
    private final boolean transactional;

    public MigrationFailure(
            String script, int line, String sqlState, String serverMessage, boolean transactional, Throwable cause) {
        super(script + ":" + line + ": " + serverMessage, cause);
        this.script = script;
        this.line = line;
        this.sqlState = sqlState;
        this.serverMessage = serverMessage;
        this.transactional = transactional;
    }

    public String script() {
        return script;
    }

    public int line() {
        return line;
    }

    public String sqlState() {
        return sqlState;
    }

    public String serverMessage() {
        return serverMessage;
    }

    public boolean transactional() {
        return transactional;
    }
}
