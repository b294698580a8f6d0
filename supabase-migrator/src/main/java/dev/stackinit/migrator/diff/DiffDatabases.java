package dev.stackinit.migrator.diff;

import dev.stackinit.migrator.pull.Catalog;
import java.nio.file.Path;
import java.util.List;

/** The two databases diff compares, as its core needs them; {@code dev.stackinit.migrator.jdbc} implements it. */
public interface DiffDatabases extends AutoCloseable {

    /** The app's schemas of the live database: not PostgreSQL's, not Supabase's, not the migrator's history. */
    List<String> liveSchemas();

    /** Reads the live database with pull's reader, read-only. */
    Catalog readLive(List<String> schemas);

    /** Empties the scratch database (or makes a new one) and migrates the migration folder onto it as it is now. */
    void rebuildShadow();

    List<String> shadowSchemas();

    Catalog readShadow(List<String> schemas);

    /** Records these files of the folder as applied in the live database's history, without running them. */
    void recordApplied(List<Path> files);

    /** For messages: the live database, no password. */
    String liveDisplay();

    /** For messages: the scratch database, no password. */
    String shadowDisplay();

    /** Drops what the run created (a temporary database). */
    @Override
    void close();
}
