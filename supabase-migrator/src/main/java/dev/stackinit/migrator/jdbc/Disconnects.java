package dev.stackinit.migrator.jdbc;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * Tells a dropped connection from SQL the server refused. Class 08 is the connection itself (pgjdbc: 08006 an I/O
 * error, 08003 already closed); 57P01–57P03 are the server going away (terminated by an administrator, crash, still
 * starting). Anything else came from a working connection.
 */
final class Disconnects {
    private Disconnects() {}

    static boolean isLost(String sqlState) {
        return sqlState != null
                && (sqlState.startsWith("08")
                        || sqlState.equals("57P01")
                        || sqlState.equals("57P02")
                        || sqlState.equals("57P03"));
    }

    /** True when a cause (or a suppressed one) says the connection went, or the connection is closed now. */
    static boolean isLost(Throwable failure, Connection connection) {
        if (causedByLoss(failure)) {
            return true;
        }
        try {
            return connection != null && connection.isClosed();
        } catch (SQLException e) {
            return true;
        }
    }

    private static boolean causedByLoss(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && isLost(sql.getSQLState())) {
                return true;
            }
            for (Throwable suppressed : t.getSuppressed()) {
                if (causedByLoss(suppressed)) {
                    return true;
                }
            }
        }
        return false;
    }
}
