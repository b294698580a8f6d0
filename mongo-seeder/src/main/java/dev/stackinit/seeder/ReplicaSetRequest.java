package dev.stackinit.seeder;

import java.time.Duration;
import java.util.Objects;

/**
 * What rs-init should achieve.
 *
 * @param target the masked URI, for messages
 * @param setName the replica-set name mongod was started with ({@code --replSet})
 * @param memberHost the host:port the single member is registered under
 * @param forceReconfig repair a config whose member host no longer maps to this node
 * @param waitTimeout how long to wait for mongod to answer at all
 * @param primaryTimeout how long to wait for a writable primary after initiation
 */
public record ReplicaSetRequest(
        String target,
        String setName,
        String memberHost,
        boolean forceReconfig,
        Duration waitTimeout,
        Duration primaryTimeout) {
    public ReplicaSetRequest {
        Objects.requireNonNull(target, "target");
        if (setName == null || setName.isBlank()) {
            throw new IllegalArgumentException("setName is blank");
        }
        if (memberHost == null || !memberHost.matches("[^\\s:/]+:\\d{1,5}")) {
            throw new IllegalArgumentException("memberHost must be host:port, got " + memberHost);
        }
    }
}
