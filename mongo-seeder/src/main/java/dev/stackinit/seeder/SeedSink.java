package dev.stackinit.seeder;

import java.util.List;
import java.util.function.Supplier;

/**
 * Where an export goes: our seed folder, mongodump's directory layout or a mongodump archive. An export is written
 * whole to a temporary place and only {@link #finish} puts it where the previous one was, so that a failed export
 * ({@link #abort}) leaves the previous one as it was.
 */
public interface SeedSink {
    /** What the export will hold, before any document is read. */
    void begin(String database, List<CollectionSpec> specs, String serverVersion);

    /** True when time-series collections are written as their raw bucket documents (mongodump's formats). */
    boolean wantsBuckets();

    /** Writes one collection; {@code documents} opens its stream, null for a view. */
    void add(CollectionSpec spec, Supplier<DocumentStream> documents);

    /** Completes the export and swaps it in when anything changed. */
    Outcome finish();

    /** Removes everything temporary after a failure. */
    void abort();

    /**
     * @param changed files written anew or changed
     * @param removed files of an earlier export that are gone
     */
    record Outcome(int changed, int removed) {}
}
