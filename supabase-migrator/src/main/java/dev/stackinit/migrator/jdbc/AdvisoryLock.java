package dev.stackinit.migrator.jdbc;

import dev.stackinit.migrator.MigrationTarget;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;

/**
 * A session-level {@code pg_advisory_lock} keyed by the history table, so two migrators on one database take turns: the
 * second waits, then finds the files already applied. Released on close, or by the server when the connection drops.
 */
final class AdvisoryLock implements MigrationTarget.Lock {
    private final Connection connection;
    private final long key;

    private AdvisoryLock(Connection connection, long key) {
        this.connection = connection;
        this.key = key;
    }

    static AdvisoryLock acquire(Connection connection, String historyTable, Runnable onWait) {
        long key = key(historyTable);
        if (!Jdbc.bool(connection, "select pg_try_advisory_lock(?)", key)) {
            onWait.run();
            Jdbc.text(connection, "select pg_advisory_lock(?)::text", key);
        }
        return new AdvisoryLock(connection, key);
    }

    /** Stable across runs and machines: the first 8 bytes of SHA-256("supabase-migrator:" + table). */
    static long key(String historyTable) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(("supabase-migrator:" + historyTable).getBytes(StandardCharsets.UTF_8));
            return ByteBuffer.wrap(digest).getLong();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JRE", e);
        }
    }

    @Override
    public void close() {
        Jdbc.bool(connection, "select pg_advisory_unlock(?)", key);
    }
}
