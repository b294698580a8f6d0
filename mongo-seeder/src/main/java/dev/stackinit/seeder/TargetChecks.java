package dev.stackinit.seeder;

import dev.stackinit.errors.InvalidInputException;
import dev.stackinit.errors.UsageException;
import java.util.ArrayList;
import java.util.List;

/**
 * What a copy needs the target to be able to do, checked before its first write: every index spec buildable by the
 * target's version, time-series collections and system.js actually supported (probed: the stand-in accepts the
 * commands and drops the options), and no document over the target's size limit. One exit-3 line names them all.
 */
final class TargetChecks {
    private TargetChecks() {}

    /** Everything the target must be able to do, checked before the first write. */
    static void check(
            CloneRequest request,
            SourceStore source,
            TargetStore target,
            String sourceDb,
            String targetDb,
            List<CollectionSpec> specs) {
        ServerVersion version = ServerVersion.parse(target.serverVersion());
        List<String> problems = new ArrayList<>();
        List<String> timeseries = new ArrayList<>();
        boolean systemJs = false;
        for (CollectionSpec spec : specs) {
            String namespace = targetDb + "." + spec.name();
            for (var index : spec.indexes()) {
                String why = IndexSpecs.unbuildable(version, index);
                if (why != null) {
                    problems.add("index " + IndexSpecs.name(index) + " of " + namespace + ": " + why);
                }
            }
            if (spec.isView()) {
                continue;
            }
            if (spec.isTimeseries()) {
                timeseries.add(namespace);
                problems.addAll(timeseriesProblems(version, spec, namespace));
                if (request.mode() == Mode.UPSERT && source.timeseriesAsBuckets(sourceDb, spec.name())) {
                    throw new UsageException("--mode upsert cannot update the buckets of time-series collection "
                            + namespace + "; use replace or if-complete");
                }
            }
            systemJs |= spec.isSystemJs();
            DocumentStats stats = source.stats(sourceDb, spec.name());
            int limit = target.limits().maxDocumentBytes();
            if (stats != null && stats.largestBytes() > limit) {
                problems.add("the document at " + stats.largestAt() + " is " + stats.largestBytes()
                        + " bytes, over the target's limit of " + limit + " bytes");
            }
        }
        if (problems.isEmpty() && !timeseries.isEmpty() && !target.supportsTimeseries(targetDb)) {
            // a 5.0+ version that still refuses is the probe's answer (a stand-in, a restricted user), not its age
            String why = version != null && version.atLeast(5, 0)
                    ? ") refused to create a time-series collection when probed"
                    : ") does not create time-series collections (MongoDB 5.0 or later is needed)";
            problems.add("time-series collection " + String.join(", ", timeseries) + " cannot be restored: "
                    + target.describe() + " (version " + target.serverVersion() + why);
        }
        if (problems.isEmpty() && systemJs && !target.acceptsSystemJs(targetDb)) {
            problems.add(
                    targetDb + ".system.js cannot be restored: " + target.describe() + " refuses writes to system.js");
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(String.join("; ", problems) + "; nothing was written");
        }
    }

    private static List<String> timeseriesProblems(ServerVersion version, CollectionSpec spec, String namespace) {
        var options = spec.options().getDocument("timeseries", new org.bson.BsonDocument());
        // bucketMaxSpanSeconds alone is listed since 5.0; bucketRoundingSeconds means custom bucketing (6.3)
        boolean custom = options.containsKey("bucketRoundingSeconds");
        if (version != null && custom && !version.atLeast(6, 3)) {
            return List.of("time-series collection " + namespace + " uses custom bucketing, which needs MongoDB 6.3"
                    + " (target runs " + version + ")");
        }
        return List.of();
    }
}
