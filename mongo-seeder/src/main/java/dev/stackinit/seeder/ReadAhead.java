package dev.stackinit.seeder;

import dev.stackinit.errors.InvalidInputException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.bson.RawBsonDocument;

/**
 * Reads the next batches on another thread while the caller inserts the previous one. Batches are cut by bytes; at
 * most {@code depth} finished batches wait in the queue, and every document read is paid for from the copy's
 * {@link ByteBudget} until its batch is written ({@link #written}), so memory stays bounded whatever the collection's
 * size, and for all collections together.
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
    private final ByteBudget budget;
    /** Bytes taken from the budget and not given back yet: what close() returns if the copy stops early. */
    private final AtomicLong taken = new AtomicLong();

    private volatile boolean cancelled;

    ReadAhead(
            DocumentStream stream,
            long maxBatchBytes,
            int maxDocumentBytes,
            int depth,
            String where,
            ExecutorService readers,
            ByteBudget budget) {
        this.stream = stream;
        this.maxBatchBytes = maxBatchBytes;
        this.maxDocumentBytes = maxDocumentBytes;
        this.where = where;
        this.budget = budget;
        this.queue = new ArrayBlockingQueue<>(depth);
        readers.execute(this::readAll);
    }

    /** The caller wrote this batch: its bytes go back to the budget. */
    void written(Batch batch) {
        taken.addAndGet(-batch.bytes());
        budget.give(batch.bytes());
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
                if (!budget.tryTake(size)) {
                    // the budget is held by batches: hand ours over first, so that writers can free it, then wait
                    if (!current.isEmpty()) {
                        put(new Batch(current, bytes, null));
                        current = new ArrayList<>();
                        bytes = 0;
                    }
                    while (!budget.take(size, 50)) {
                        if (cancelled) {
                            return;
                        }
                    }
                }
                taken.addAndGet(size);
                current.add(document);
                bytes += size;
            }
            if (!current.isEmpty()) {
                put(new Batch(current, bytes, null));
            }
            put(Batch.END);
        } catch (RuntimeException e) {
            offerFailure(e);
        } catch (Error e) {
            // e.g. out of memory: the writer must fail with it, not wait for a batch that never comes
            offerFailure(new IllegalStateException("reading " + where + " failed: " + e, e));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            stream.close(); // on the reading thread, never concurrently with hasNext/next
            if (cancelled) {
                budget.give(taken.getAndSet(0)); // taken after close() gave back the rest
            }
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
        // what was read and never written goes back, or other collections of the copy would wait for it
        budget.give(taken.getAndSet(0));
    }
}
