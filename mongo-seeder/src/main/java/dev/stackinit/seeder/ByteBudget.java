package dev.stackinit.seeder;

/**
 * Bytes of documents a copy may hold at once over all the collections it copies in parallel: read ahead, waiting in a
 * queue or being written. Readers take bytes before they keep a document; writers give them back once a batch is
 * written. A document larger than the whole budget is let in when nothing else is held, so a copy never stalls.
 */
final class ByteBudget {
    /** No bound: batches are then bounded only by their own size and the read-ahead depth. */
    static ByteBudget unlimited() {
        return new ByteBudget(Long.MAX_VALUE);
    }

    private final long limit;
    private long held;

    ByteBudget(long limit) {
        this.limit = limit;
    }

    /** Takes the bytes if they fit now (or if nothing is held); never waits. */
    synchronized boolean tryTake(long bytes) {
        if (held == 0 || held + bytes <= limit) {
            held += bytes;
            return true;
        }
        return false;
    }

    /** Waits up to {@code millis} for the bytes to fit; true once taken. */
    synchronized boolean take(long bytes, long millis) throws InterruptedException {
        long deadline = System.nanoTime() + millis * 1_000_000;
        while (!tryTake(bytes)) {
            long left = (deadline - System.nanoTime()) / 1_000_000;
            if (left <= 0) {
                return false;
            }
            wait(left);
        }
        return true;
    }

    synchronized void give(long bytes) {
        held -= bytes;
        notifyAll();
    }

    synchronized long held() {
        return held;
    }
}
