package dev.stackinit.seeder;

/**
 * What a copy (clone or import) would do to one target database, found without writing anything.
 *
 * @param upToDate the target's marker matches the source and every recorded count: the copy would change nothing
 * @param reason why it would copy (no marker, other content, counts differ, a mode that always copies), or why not
 * @param collections collections (and views) the copy would write
 * @param documents documents it would write: exact for a seed directory, the server's estimate for a clone
 */
public record CopyPlan(
        String source, String targetDatabase, boolean upToDate, String reason, int collections, long documents) {}
