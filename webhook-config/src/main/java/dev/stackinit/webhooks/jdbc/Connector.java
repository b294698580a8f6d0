package dev.stackinit.webhooks.jdbc;

import dev.stackinit.shared.Retry;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Properties;
import java.util.function.Consumer;
import org.postgresql.Driver;

/** Opens a connection, waiting a bounded time for a database that is still starting. */
public final class Connector {
    private final Retry retry;
    private final Duration wait;
    private final Consumer<String> progress;

    public Connector(Retry retry, Duration wait, Consumer<String> progress) {
        this.retry = retry;
        this.wait = wait;
        this.progress = progress;
    }

    public Connection open(DatabaseTarget target) {
        Properties properties = new Properties();
        if (target.user() != null) {
            properties.setProperty("user", target.user());
        }
        if (target.password() != null) {
            properties.setProperty("password", target.password());
        }
        properties.setProperty("ApplicationName", "webhook-config");
        properties.setProperty("connectTimeout", "10");
        try {
            return retry.until(
                    "database " + target,
                    Retry.Policy.waitingUpTo(wait),
                    Connector::notReadyYet,
                    Retry.Listener.printing(progress, "database " + target),
                    () -> connect(target, properties));
        } catch (SQLException e) {
            throw Sql.failure("the connection to " + target, e);
        }
    }

    private static Connection connect(DatabaseTarget target, Properties properties) throws SQLException {
        Connection connection = new Driver().connect(target.jdbcUrl(), properties);
        if (connection == null) {
            throw new SQLException("not a PostgreSQL JDBC URL: " + target, "08001");
        }
        return connection;
    }

    /** Connection failures, "the database system is starting up" and "too many connections" pass with time. */
    static boolean notReadyYet(Exception e) {
        if (!(e instanceof SQLException sql) || sql.getSQLState() == null) {
            return false;
        }
        String state = sql.getSQLState();
        return state.startsWith("08") || state.equals("57P03") || state.equals("53300");
    }
}
