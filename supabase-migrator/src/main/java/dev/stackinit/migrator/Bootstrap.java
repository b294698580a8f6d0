package dev.stackinit.migrator;

import java.util.List;

/** Runs before any file, under the lock (Supabase: role passwords and the webhooks bootstrap). */
@FunctionalInterface
public interface Bootstrap {
    /** @return one line per thing it did or found in place */
    List<String> run();

    Bootstrap NONE = List::of;
}
