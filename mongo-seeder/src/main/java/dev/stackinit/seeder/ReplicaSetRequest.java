package dev.stackinit.seeder;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * What rs-init should achieve.
 *
 * @param target the masked URI, for messages
 * @param setName the replica-set name mongod was started with ({@code --replSet})
 * @param memberHost the host:port the single member is registered under
 * @param forceReconfig repair a config whose member host no longer maps to this node
 * @param waitTimeout how long to wait for mongod to answer at all
 * @param primaryTimeout how long to wait for a writable primary after initiation
 * @param root the root user to authenticate as (and to create through the localhost exception on a node without
 *     users); empty for a node without access control
 * @param app the app user to keep, if any
 */
public record ReplicaSetRequest(
        String target,
        String setName,
        String memberHost,
        boolean forceReconfig,
        Duration waitTimeout,
        Duration primaryTimeout,
        Optional<Credentials> root,
        Optional<AppUser> app) {
    public ReplicaSetRequest {
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(root, "root");
        Objects.requireNonNull(app, "app");
        if (setName == null || setName.isBlank()) {
            throw new IllegalArgumentException("setName is blank");
        }
        if (memberHost == null || !memberHost.matches("[^\\s:/]+:\\d{1,5}")) {
            throw new IllegalArgumentException("memberHost must be host:port, got " + memberHost);
        }
        if (app.isPresent()
                && root.isPresent()
                && app.get().user().equals(root.get().user())) {
            throw new IllegalArgumentException(
                    "the app user must not be the root user '" + root.get().user() + "'");
        }
    }

    /** Without users: a node without access control. */
    public ReplicaSetRequest(
            String target,
            String setName,
            String memberHost,
            boolean forceReconfig,
            Duration waitTimeout,
            Duration primaryTimeout) {
        this(
                target,
                setName,
                memberHost,
                forceReconfig,
                waitTimeout,
                primaryTimeout,
                Optional.empty(),
                Optional.empty());
    }
}
