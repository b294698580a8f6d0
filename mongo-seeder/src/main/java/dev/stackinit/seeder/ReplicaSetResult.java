package dev.stackinit.seeder;

import java.time.Duration;

/** What rs-init did. */
public record ReplicaSetResult(Action action, String setName, String memberHost, Duration took) {
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

    public boolean changed() {
        return action == Action.INITIATED || action == Action.RECONFIGURED;
    }
}
