package dev.stackinit.seeder;

/** How clone and import treat what is already in the target. */
public enum Mode {
    /** Copy each collection anew and swap it in when complete. */
    REPLACE,
    /** Skip when a completed copy of the same source is recorded and still there; otherwise like replace. */
    IF_COMPLETE,
    /** Replace documents by _id, keep everything else. */
    UPSERT;

    public static Mode parse(String text) {
        return valueOf(text.trim().toUpperCase(java.util.Locale.ROOT).replace('-', '_'));
    }

    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }
}
