package dev.stackinit.seeder;

/** A server command failed with an error code; decisions are taken on {@link #code()}, never on the message. */
public final class AdminCommandException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public static final int USER_NOT_FOUND = 11;
    public static final int UNAUTHORIZED = 13;
    public static final int AUTHENTICATION_FAILED = 18;
    public static final int ALREADY_INITIALIZED = 23;
    public static final int COMMAND_NOT_FOUND = 59;
    public static final int NODE_NOT_FOUND = 74;
    public static final int NO_REPLICATION_ENABLED = 76;
    public static final int INVALID_REPLICA_SET_CONFIG = 93;
    public static final int NOT_YET_INITIALIZED = 94;
    /** createUser of a user that exists (user_management_commands.cpp, "User ... already exists"). */
    public static final int USER_ALREADY_EXISTS = 51003;

    private final int code;
    private final String codeName;

    public AdminCommandException(int code, String codeName, String message) {
        super(message);
        this.code = code;
        this.codeName = codeName == null ? "" : codeName;
    }

    public int code() {
        return code;
    }

    /** "code 94 NotYetInitialized: message", for error lines. */
    public String describe() {
        return "code " + code + (codeName.isEmpty() ? "" : " " + codeName) + ": " + getMessage();
    }
}
