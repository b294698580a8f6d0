package dev.stackinit.migrator;

import java.util.List;

/** Runs before any file, under the lock (Supabase: role passwords and the webhooks bootstrap). */
@FunctionalInterface
public interface Bootstrap {
    /** One line per thing it did or found in place, and whether anything changed (a rerun must say "up to date"). */
    record Result(List<String> lines, boolean changed) {
        public Result {
            lines = List.copyOf(lines);
        }
    }

    Result run();

    /** Dry run: what {@link #run()} would do, leaving the database as it was. */
    default Result plan() {
        return new Result(List.of(), false);
    }

    Bootstrap NONE = () -> new Result(List.of(), false);
}
