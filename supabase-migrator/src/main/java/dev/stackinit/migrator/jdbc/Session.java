package dev.stackinit.migrator.jdbc;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.function.Supplier;

/**
 * The connections of one run: the main one (as postgres) and, opened on first use, the admin one (bootstrap files and
 * the built-in bootstrap). Transactions are begun and ended by their users, on the connection.
 */
public final class Session implements AutoCloseable {
    private final Connection main;
    private final Supplier<Connection> adminFactory;
    private Connection admin;

    /** @param adminFactory opens the admin connection; may return the main connection itself (plain flavour) */
    public Session(Connection main, Supplier<Connection> adminFactory) {
        this.main = main;
        this.adminFactory = adminFactory;
    }

    public Connection main() {
        return main;
    }

    public Connection admin() {
        if (admin == null) {
            admin = adminFactory.get();
        }
        return admin;
    }

    @Override
    public void close() {
        closeQuietly(admin != null && admin != main ? admin : null);
        closeQuietly(main);
    }

    private static void closeQuietly(Connection connection) {
        if (connection == null) {
            return;
        }
        try {
            connection.close();
        } catch (SQLException e) {
            // closing after the work is done: nothing left to protect
        }
    }
}
