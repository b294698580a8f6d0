package dev.stackinit.migrator;

import java.util.Optional;

/**
 * The phases a migrations directory is applied in, in this order. Within a phase files apply in version order; a file
 * added to an earlier phase later still applies (pending files always run in (phase, version) order).
 */
public enum Phase {
    /** Superuser SQL (roles, event triggers, objects in auth): runs on the admin connection. */
    BOOTSTRAP("bootstrap", "bootstrap", true),
    /** A Supabase CLI folder ({@code supabase/migrations/<14 digits>_<name>.sql}), chronological. */
    MIGRATIONS("migrations", "supabase/migrations", false),
    TABLES("tables", "tables", false),
    FUNCTIONS("functions", "functions", false),
    TRIGGERS("triggers", "triggers", false),
    /** SQL, or YAML webhook declarations applied through webhook-config. */
    WEBHOOKS("webhooks", "webhooks", false),
    /** Data, after everything else. */
    SEED("seed", "seed", false);

    private final String id;
    private final String folder;
    private final boolean admin;

    Phase(String id, String folder, boolean admin) {
        this.id = id;
        this.folder = folder;
        this.admin = admin;
    }

    /** The name stored in the history table. */
    public String id() {
        return id;
    }

    /** The folder, relative to the migrations directory. */
    public String folder() {
        return folder;
    }

    /** True if files of this phase run as the admin user. */
    public boolean admin() {
        return admin;
    }

    public static Optional<Phase> byId(String id) {
        for (Phase phase : values()) {
            if (phase.id.equals(id)) {
                return Optional.of(phase);
            }
        }
        return Optional.empty();
    }
}
