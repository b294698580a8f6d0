package dev.stackinit.migrator;

/** Progress of a run, for stderr. */
public interface MigrationListener {
    void waitingForLock();

    void applied(AppliedMigration row, int done, int total);

    void warning(String message);

    /** The connection dropped while {@code script} ran; the run reconnects and goes on from the history. */
    default void reconnecting(String script, String why) {}

    MigrationListener NONE = new MigrationListener() {
        @Override
        public void waitingForLock() {}

        @Override
        public void applied(AppliedMigration row, int done, int total) {}

        @Override
        public void warning(String message) {}
    };
}
