package dev.stackinit.seeder;

/** Where an export goes: one metadata entry per collection or view, and the documents of each collection. */
public interface SeedSink {
    /** Writes one collection (or a view, whose documents stream is null); returns true if its files changed. */
    boolean write(CollectionSpec spec, DocumentStream documents);

    /** Removes what an earlier export wrote for collections that are gone; returns how many files were removed. */
    int finish();
}
