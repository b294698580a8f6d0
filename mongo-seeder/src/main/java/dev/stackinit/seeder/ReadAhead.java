package dev.stackinit.seeder;

import dev.stackinit.errors.InvalidInputException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import org.bson.RawBsonDocument;

/**
 * Reads the next batches on another thread while the caller inserts the previous one. Batches are cut by bytes; at
 * most {@code depth} finished batches wait in the queue, so memory stays bounded whatever the collection's size.
 */
final class ReadAhead implements AutoCloseable {
    /** A batch of raw documents and their total size; {@code failure} set when reading failed. */
    record Batch(List<RawBsonDocument> documents, long bytes, RuntimeException failure) {
        static final Batch END = new Batch(List.of(), 0, null);
    }

    private final BlockingQueue<Batch> queue;
    private final DocumentStream stream;
    private final long maxBatchBytes;
    private final int maxDocumentBytes;
    private final String where;
    private volatile boolean cancelled;

    ReadAhead(
            DocumentStream stream,
            long maxBatchBytes,
            int maxDocumentBytes,
            int depth,
            String where,
            ExecutorService readers) {
        this.stream = stream;
        this.maxBatchBytes = maxBatchBytes;
        this.maxDocumentBytes = maxDocumentBytes;
        this.where = where;
        this.queue = new ArrayBlockingQueue<>(depth);
        readers.execute(this::readAll);
    }

    /** The next batch, or null at the end; rethrows a reading failure. */
    Batch next() throws InterruptedException {
        Batch batch = queue.take();
        if (batch.failure() != null) {
            throw batch.failure();
        }
        return batch == Batch.END ? null : batch;
    }

    private void readAll() {
        try {
            List<RawBsonDocument> current = new ArrayList<>();
            long bytes = 0;
            long position = 0;
            while (!cancelled && stream.hasNext()) {
                RawBsonDocument document = stream.next();
                position++;
                int size = document.getByteLength();
                if (size > maxDocumentBytes) {
                    throw new InvalidInputException("document #" + position + " of " + where + " is " + size
                            + " bytes, over the target's limit of " + maxDocumentBytes + " bytes");
                }
                if (!current.isEmpty() && bytes + size > maxBatchBytes) {
                    put(new Batch(current, bytes, null));
                    current = new ArrayList<>();
                    bytes = 0;
                }
                current.add(document);
                bytes += size;
            }
            if (!current.isEmpty()) {
                put(new Batch(current, bytes, null));
            }
            put(Batch.END);
        } catch (RuntimeException e) {
            offerFailure(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            stream.close(); // on the reading thread, never concurrently with hasNext/next
        }
    }

    private void offerFailure(RuntimeException failure) {
        try {
            put(new Batch(List.of(), 0, failure));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void put(Batch batch) throws InterruptedException {
        while (!cancelled) {
            if (queue.offer(batch, 50, TimeUnit.MILLISECONDS)) {
                return;
            }
        }
    }

    @Override
    public void close() {
        cancelled = true;
        queue.clear();
    }
}
