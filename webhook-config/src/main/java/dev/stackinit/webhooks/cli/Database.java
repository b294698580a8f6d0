package dev.stackinit.webhooks.cli;

import dev.stackinit.webhooks.jdbc.Connector;
import dev.stackinit.webhooks.jdbc.DatabaseTarget;
import dev.stackinit.webhooks.jdbc.Sql;
import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;

/** One connection and one transaction per command: committed when the work returns, rolled back when it throws. */
final class Database {
    @FunctionalInterface
    interface Work<T> {
        T run(Connection connection) throws SQLException;
    }

    private Database() {}

    static <T> T inTransaction(
            WebhookConfigCommand root,
            DatabaseTarget target,
            Duration waitTimeout,
            PrintWriter err,
            boolean commit,
            Work<T> work) {
        Connector connector = new Connector(root.retry, waitTimeout, line -> err.println("webhook-config: " + line));
        try (Connection connection = connector.open(target)) {
            connection.setAutoCommit(false);
            try {
                T result = work.run(connection);
                if (commit) {
                    connection.commit();
                } else {
                    connection.rollback();
                }
                return result;
            } catch (RuntimeException | SQLException e) {
                try {
                    connection.rollback();
                } catch (SQLException rollbackFailed) {
                    // the connection is gone: nothing was committed, and the first failure is the one to report
                    e.addSuppressed(rollbackFailed);
                }
                throw e;
            }
        } catch (SQLException e) {
            throw Sql.failure("the transaction", e);
        }
    }
}
