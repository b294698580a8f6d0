package dev.stackinit.seeder;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * What rs-init did.
 *
 * @param access how rs-init got its rights on the node
 * @param appUser what happened to the app user, when one was asked for
 */
public record ReplicaSetResult(
        Action action,
        String setName,
        String memberHost,
        Duration took,
        Access access,
        Optional<AppUserResult> appUser) {
    public enum Action {
        /** replSetInitiate ran. */
        INITIATED,
        /** Another client initiated it at the same moment (code 23). */
        INITIATED_CONCURRENTLY,
        /** The member host was replaced with replSetReconfig force. */
        RECONFIGURED,
        /** Already a set with this name and member host: nothing to do. */
        UNCHANGED
    }

    public enum Access {
        /** mongod enforces nothing (no --keyFile): every client can do everything. */
        NO_ACCESS_CONTROL,
        /** Authenticated as the root user, which existed. */
        AUTHENTICATED,
        /** The node had no users: the localhost exception created the root user, then rs-init authenticated as it. */
        ROOT_CREATED
    }

    /** What rs-init did to the app user; {@code notes} name roles it found and kept, never a password. */
    public record AppUserResult(String user, List<String> databases, List<AppUserChange> changes, List<String> notes) {
        public AppUserResult {
            databases = List.copyOf(databases);
            changes = List.copyOf(changes);
            notes = List.copyOf(notes);
        }
    }

    public enum AppUserChange {
        CREATED,
        PASSWORD_UPDATED,
        ROLES_GRANTED
    }

    public ReplicaSetResult {
        appUser = appUser == null ? Optional.empty() : appUser;
    }

    /** For nodes without access control. */
    public ReplicaSetResult(Action action, String setName, String memberHost, Duration took) {
        this(action, setName, memberHost, took, Access.NO_ACCESS_CONTROL, Optional.empty());
    }

    public boolean changed() {
        return action == Action.INITIATED
                || action == Action.RECONFIGURED
                || access == Access.ROOT_CREATED
                || appUser.map(u -> !u.changes().isEmpty()).orElse(false);
    }
}
