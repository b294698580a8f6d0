package dev.stackinit.seeder;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.bson.BsonBinary;
import org.bson.BsonDocument;
import org.bson.BsonInt32;
import org.bson.RawBsonDocument;
import org.bson.codecs.BsonDocumentCodec;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The copy's memory bound: documents held at once, over every collection read in parallel, stay within the budget. */
class ReadAheadTest {
    private static final int DOC_BYTES = 10_000;
    private final ExecutorService readers = Executors.newCachedThreadPool();

    @AfterEach
    void stop() {
        readers.shutdownNow();
    }

    @Test
    void collectionsReadInParallelNeverHoldMoreThanTheBudgetAndAllArrive() throws Exception {
        ByteBudget budget = new ByteBudget(100_000); // nine documents, for four collections of a thousand each
        AtomicLong highest = new AtomicLong();
        ExecutorService writers = Executors.newFixedThreadPool(4);
        try {
            List<Future<Integer>> copies = new ArrayList<>();
            for (int c = 0; c < 4; c++) {
                copies.add(writers.submit(() -> {
                    int copied = 0;
                    try (ReadAhead ahead = new ReadAhead(documents(1000), 64_000, 16 << 20, 2, "c", readers, budget)) {
                        for (ReadAhead.Batch batch = ahead.next(); batch != null; batch = ahead.next()) {
                            highest.accumulateAndGet(budget.held(), Math::max);
                            copied += batch.documents().size();
                            ahead.written(batch);
                        }
                    }
                    return copied;
                }));
            }
            for (Future<Integer> copy : copies) {
                assertThat(copy.get(30, TimeUnit.SECONDS)).isEqualTo(1000);
            }
        } finally {
            writers.shutdownNow();
        }
        assertThat(highest.get()).isLessThanOrEqualTo(100_000);
        assertThat(budget.held()).isZero();
    }

    @Test
    void aDocumentLargerThanTheWholeBudgetGoesAloneInsteadOfStalling() throws Exception {
        ByteBudget budget = new ByteBudget(DOC_BYTES / 2);
        int copied = 0;
        try (ReadAhead ahead = new ReadAhead(documents(5), 1 << 20, 16 << 20, 2, "c", readers, budget)) {
            for (ReadAhead.Batch batch = ahead.next(); batch != null; batch = ahead.next()) {
                assertThat(batch.documents()).hasSize(1);
                copied += batch.documents().size();
                ahead.written(batch);
            }
        }
        assertThat(copied).isEqualTo(5);
        assertThat(budget.held()).isZero();
    }

    @Test
    void aCopyThatStopsEarlyGivesItsBytesBack() throws Exception {
        ByteBudget budget = new ByteBudget(50_000);
        try (ReadAhead ahead = new ReadAhead(documents(100), 20_000, 16 << 20, 2, "c", readers, budget)) {
            assertThat(ahead.next()).isNotNull(); // never written: the copy failed here
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (budget.held() != 0 && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertThat(budget.held()).isZero();
    }

    /** {@code count} documents of a little more than {@link #DOC_BYTES} bytes each. */
    private static DocumentStream documents(int count) {
        return new DocumentStream() {
            private int next;

            @Override
            public boolean hasNext() {
                return next < count;
            }

            @Override
            public RawBsonDocument next() {
                BsonDocument doc = new BsonDocument("_id", new BsonInt32(next++));
                doc.append("pad", new BsonBinary(new byte[DOC_BYTES]));
                return new RawBsonDocument(doc, new BsonDocumentCodec());
            }

            @Override
            public void close() {}
        };
    }
}
