package dev.stackinit.migrator.jdbc;

import dev.stackinit.errors.UnreachableException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.function.Supplier;

/**
 * The connections of one run: the main one (as postgres) and, opened on first use, the admin one (bootstrap files and
 * the built-in bootstrap). Transactions are begun and ended by their users, on the connection. After a lost connection
 * {@link #reopen} replaces both (the admin one again on first use).
 */
public final class Session implements AutoCloseable {
    private final Supplier<Connection> mainFactory;
    private final Supplier<Connection> adminFactory;
    private final boolean adminIsMain;
    private Connection main;
    private Connection admin;

    /** @param adminFactory opens the admin connection; may return the main connection itself (plain flavour) */
    public Session(Connection main, Supplier<Connection> adminFactory) {
        this.mainFactory = null;
        this.adminFactory = adminFactory;
        this.adminIsMain = false;
        this.main = main;
    }

    /**
     * A session that can reconnect.
     *
     * @param adminFactory opens the admin connection, or null when the admin connection is the main one
     */
    public Session(Supplier<Connection> mainFactory, Supplier<Connection> adminFactory) {
        this.mainFactory = mainFactory;
        this.adminFactory = adminFactory;
        this.adminIsMain = adminFactory == null;
        this.main = mainFactory.get();
    }

    public Connection main() {
        return main;
    }

    public Connection admin() {
        if (admin == null) {
            admin = adminIsMain ? main : adminFactory.get();
        }
        return admin;
    }

    /** Closes what is left of the connections and opens a new main one (waiting for a restarting server). */
    public void reopen() {
        if (mainFactory == null) {
            throw new UnreachableException("the database connection was lost");
        }
        close();
        admin = null;
        main = mainFactory.get();
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
            // closing after the work is done, or after the connection broke: nothing left to protect
        }
    }
}
