package dev.stackinit.seeder;

import dev.stackinit.errors.RejectedException;
import dev.stackinit.seeder.CloneReport.CollectionReport;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutorService;
import org.bson.BsonDocument;

/**
 * Copies one collection: into a staging collection created with the source's options, documents in byte-sized
 * unordered batches with read-ahead, a server-side count check, the indexes in one createIndexes, then a same-database
 * rename over the real name. A copy killed at any point leaves only the staging collection behind.
 */
final class CollectionCopier {
    private static final int READ_AHEAD_DEPTH = 2;

    private final SourceStore source;
    private final TargetStore target;
    private final ExecutorService readers;
    private final ProgressListener progress;
    private final Clock clock;
    private final long batchBytes;
    private final int maxDocumentBytes;

    CollectionCopier(
            SourceStore source,
            TargetStore target,
            ExecutorService readers,
            ProgressListener progress,
            Clock clock,
            long batchBytes) {
        this.source = source;
        this.target = target;
        this.readers = readers;
        this.progress = progress;
        this.clock = clock;
        TargetStore.Limits limits = target.limits();
        // headroom for the insert command around the documents
        this.batchBytes = Math.max(1, Math.min(batchBytes, limits.maxMessageBytes() - 64 * 1024L));
        this.maxDocumentBytes = limits.maxDocumentBytes();
    }

    CollectionReport copy(
            String sourceDb, String targetDb, CollectionSpec spec, Mode mode, long sample, long estimate) {
        Instant start = clock.instant();
        progress.collectionStarted(targetDb, spec.name(), estimate);
        String into = prepare(targetDb, spec, mode);
        boolean buckets = spec.isTimeseries() && source.timeseriesAsBuckets(sourceDb, spec.name());
        long[] copied = copyDocuments(sourceDb, targetDb, spec.name(), into, mode, sample, buckets);
        if (mode != Mode.UPSERT) {
            long counted = buckets ? target.countBuckets(targetDb, into) : target.count(targetDb, into);
            if (counted != copied[0]) {
                throw new RejectedException("target holds " + counted + " documents in " + targetDb + "." + into
                        + " after " + copied[0] + " were written: not swapping it in");
            }
        }
        BsonDocument createIndexes = MongoCommands.createIndexes(into, spec.indexes());
        if (createIndexes != null) {
            target.command(targetDb, createIndexes);
        }
        if (!into.equals(spec.name())) {
            target.command("admin", MongoCommands.renameOver(targetDb, into, spec.name()));
        }
        double seconds = Duration.between(start, clock.instant()).toMillis() / 1000.0;
        CollectionReport report = new CollectionReport(
                spec.name(), copied[0], copied[1], MongoCommands.indexCount(spec.indexes()), seconds);
        progress.collectionFinished(targetDb, report);
        return report;
    }

    /** Creates the collection the documents go into and returns its name. */
    private String prepare(String targetDb, CollectionSpec spec, Mode mode) {
        if (mode == Mode.UPSERT) {
            if (!target.collectionNames(targetDb).contains(spec.name())) {
                target.command(targetDb, MongoCommands.create(spec.name(), spec.options()));
            }
            return spec.name();
        }
        // time-series collections and system.js cannot be renamed: they are rebuilt in place (documented limitation)
        boolean inPlace = spec.isTimeseries() || spec.isSystemJs();
        String into = inPlace ? spec.name() : MongoCommands.stagingName(spec.name());
        target.drop(targetDb, into);
        target.command(targetDb, MongoCommands.create(into, spec.options()));
        return into;
    }

    /** Returns {documents, bytes}; {@code buckets}: raw time-series bucket documents from a dump. */
    private long[] copyDocuments(
            String sourceDb, String targetDb, String name, String into, Mode mode, long sample, boolean buckets) {
        long documents = 0;
        long bytes = 0;
        DocumentStream stream = source.documents(sourceDb, name, sample, sample > 0);
        try (ReadAhead ahead =
                new ReadAhead(stream, batchBytes, maxDocumentBytes, READ_AHEAD_DEPTH, sourceDb + "." + name, readers)) {
            for (ReadAhead.Batch batch = ahead.next(); batch != null; batch = ahead.next()) {
                if (buckets) {
                    target.insertBuckets(targetDb, into, batch.documents());
                } else if (mode == Mode.UPSERT) {
                    target.upsert(targetDb, into, batch.documents());
                } else {
                    target.insert(targetDb, into, batch.documents());
                }
                documents += batch.documents().size();
                bytes += batch.bytes();
                progress.batchWritten(targetDb, name, batch.documents().size(), batch.bytes());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CancellationException("copy of " + name + " cancelled");
        }
        return new long[] {documents, bytes};
    }
}
