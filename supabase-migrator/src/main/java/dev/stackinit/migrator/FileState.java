package dev.stackinit.migrator;

/** Where a migration stands, comparing the files with the history. */
public enum FileState {
    APPLIED(false, false),
    PENDING(true, false),
    /** A YAML webhook file whose canonical form changed: applied again (declarative, so this is new work, not drift). */
    OUTDATED(true, false),
    /** An applied SQL file whose content changed: drift. */
    EDITED(false, true),
    /** Same phase and version, other name: drift. */
    RENAMED(false, true),
    /** In the history, not on disk: drift. */
    MISSING(false, true),
    /** Failed outside a transaction; fix by hand, then repair: drift. */
    FAILED(false, true);

    private final boolean pending;
    private final boolean drift;

    FileState(boolean pending, boolean drift) {
        this.pending = pending;
        this.drift = drift;
    }

    public boolean pending() {
        return pending;
    }

    public boolean drift() {
        return drift;
    }

    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
