package dev.stackinit.seeder.cli;

import dev.stackinit.seeder.CloneReport.CollectionReport;
import dev.stackinit.seeder.ProgressListener;
import java.io.PrintWriter;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;

/**
 * Progress on stderr: a bar on a terminal, otherwise a line every few seconds (docs, MB, docs/s, ETA from the
 * estimated counts) plus one line per finished collection.
 */
final class ProgressPrinter implements ProgressListener {
    private static final Duration EVERY = Duration.ofSeconds(5);

    private final PrintWriter err;
    private final Clock clock;
    private final String task;
    private final Instant start;
    private final AtomicLong expected = new AtomicLong();
    private final AtomicLong documents = new AtomicLong();
    private final AtomicLong bytes = new AtomicLong();
    private final ProgressBar bar;
    private Instant lastLine;

    private ProgressPrinter(PrintWriter err, Clock clock, String task, ProgressBar bar) {
        this.err = err;
        this.clock = clock;
        this.task = task;
        this.bar = bar;
        this.start = clock.instant();
        this.lastLine = start;
    }

    static ProgressPrinter create(MongoSeederCommand root, PrintWriter err, String task) {
        ProgressBar bar = root.terminal
                ? new ProgressBarBuilder()
                        .setTaskName(task)
                        .setInitialMax(0)
                        .setUnit(" docs", 1)
                        .setConsumer(new ConsoleProgressBarConsumer(System.err))
                        .build()
                : null;
        return new ProgressPrinter(err, root.clock, task, bar);
    }

    @Override
    public void collectionStarted(String database, String collection, long estimatedDocuments) {
        long total = expected.addAndGet(Math.max(estimatedDocuments, 0));
        if (bar != null) {
            bar.maxHint(total);
        }
    }

    @Override
    public void batchWritten(String database, String collection, int docs, long size) {
        long done = documents.addAndGet(docs);
        bytes.addAndGet(size);
        if (bar != null) {
            bar.stepTo(done);
            bar.setExtraMessage(collection);
            return;
        }
        Instant now = clock.instant();
        synchronized (this) {
            if (Duration.between(lastLine, now).compareTo(EVERY) < 0) {
                return;
            }
            lastLine = now;
        }
        double seconds = Math.max(Duration.between(start, now).toMillis() / 1000.0, 0.001);
        double rate = done / seconds;
        long left = Math.max(expected.get() - done, 0);
        err.println(String.format(
                Locale.ROOT,
                "%s: %d/%d docs, %.1f MB, %.0f docs/s, ETA %s",
                task,
                done,
                expected.get(),
                bytes.get() / 1e6,
                rate,
                rate > 0 ? Math.round(left / rate) + " s" : "?"));
    }

    @Override
    public void collectionFinished(String database, CollectionReport report) {
        if (bar == null) {
            err.println(String.format(
                    Locale.ROOT,
                    "%s: %s.%s: %d docs, %.1f MB, %d indexes, %.1f s",
                    task,
                    database,
                    report.name(),
                    report.documents(),
                    report.bytes() / 1e6,
                    report.indexes(),
                    report.seconds()));
        }
    }

    void close() {
        if (bar != null) {
            bar.close();
        }
    }
}
