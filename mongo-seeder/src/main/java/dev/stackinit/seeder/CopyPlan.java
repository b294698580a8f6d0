package dev.stackinit.seeder;

import java.util.List;

/**
 * What a copy (clone or import) would do to one target database, found without writing anything.
 *
 * @param upToDate the target's marker matches the source and every recorded count: the copy would change nothing
 * @param reason why it would copy (no marker, other content, counts differ, a mode that always copies), or why not
 * @param collections collections (and views) the copy would write
 * @param documents documents it would write: exact for a seed directory, the server's estimate for a clone
 * @param warnings what the copy would not carry over (a real copy then fails) and index notes
 */
public record CopyPlan(
        String source,
        String targetDatabase,
        boolean upToDate,
        String reason,
        int collections,
        long documents,
        List<String> warnings) {
    public CopyPlan {
        warnings = List.copyOf(warnings);
    }
}
