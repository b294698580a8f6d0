package dev.stackinit.seeder;

/** Told about progress from several copying threads at once; implementations must be thread-safe. */
public interface ProgressListener {
    void collectionStarted(String database, String collection, long estimatedDocuments);

    void batchWritten(String database, String collection, int documents, long bytes);

    void collectionFinished(String database, CloneReport.CollectionReport report);

    ProgressListener NONE = new ProgressListener() {
        @Override
        public void collectionStarted(String database, String collection, long estimatedDocuments) {}

        @Override
        public void batchWritten(String database, String collection, int documents, long bytes) {}

        @Override
        public void collectionFinished(String database, CloneReport.CollectionReport report) {}
    };
}
