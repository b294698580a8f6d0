package dev.stackinit.provision.steps;

import dev.stackinit.seeder.CloneReport;
import dev.stackinit.seeder.ProgressListener;
import java.util.function.Consumer;

/** One line per collection copied; the per-batch detail belongs to mongo-seeder's own progress bar. */
final class ProgressLines implements ProgressListener {
    private final Consumer<String> out;

    ProgressLines(Consumer<String> out) {
        this.out = out;
    }

    @Override
    public void collectionStarted(String database, String collection, long estimatedDocuments) {}

    @Override
    public void batchWritten(String database, String collection, int documents, long bytes) {}

    @Override
    public void collectionFinished(String database, CloneReport.CollectionReport report) {
        synchronized (this) {
            out.accept("  " + database + "." + report.name() + ": " + report.documents() + " documents, "
                    + report.indexes() + " indexes");
        }
    }
}
