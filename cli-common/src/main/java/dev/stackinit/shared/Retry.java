package dev.stackinit.shared;

import dev.stackinit.errors.UnreachableException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * Bounded retry with exponential backoff, for "wait until the dependency answers". Time and sleeping are injected, so
 * tests run instantly and deterministically.
 */
public final class Retry {

    /** How long to keep trying and how the delay between tries grows. */
    public record Policy(Duration timeout, Duration initialDelay, Duration maxDelay) {
        public Policy {
            if (timeout.isNegative() || initialDelay.isNegative() || initialDelay.isZero() || maxDelay.isNegative()) {
                throw new IllegalArgumentException("timeout and delays must be positive");
            }
        }

        public static Policy waitingUpTo(Duration timeout) {
            return new Policy(timeout, Duration.ofMillis(100), Duration.ofSeconds(2));
        }
    }

    /** One attempt; may throw anything, the retryable predicate decides what happens next. */
    @FunctionalInterface
    public interface Attempt<T, E extends Exception> {
        T run() throws E;
    }

    @FunctionalInterface
    public interface Sleeper {
        void sleep(Duration duration) throws InterruptedException;
    }

    /** Told before each wait, e.g. to print "waiting for mongod…" lines. */
    @FunctionalInterface
    public interface Listener {
        void retrying(int attempt, Duration nextDelay, Exception cause);

        Listener NONE = (attempt, nextDelay, cause) -> {};

        /** The one progress line every tool prints while it waits: "waiting for X (try 2, again in 200 ms): cause". */
        static Listener printing(Consumer<String> out, String what) {
            return (attempt, nextDelay, cause) -> out.accept(waitingLine(what, attempt, nextDelay, cause));
        }
    }

    /** See {@link Listener#printing}. */
    public static String waitingLine(String what, int attempt, Duration nextDelay, Exception cause) {
        return "waiting for " + what + " (try " + attempt + ", again in " + format(nextDelay) + "): " + describe(cause);
    }

    private final Clock clock;
    private final Sleeper sleeper;

    public Retry(Clock clock, Sleeper sleeper) {
        this.clock = clock;
        this.sleeper = sleeper;
    }

    public static Retry system() {
        return new Retry(Clock.systemUTC(), duration -> Thread.sleep(duration.toMillis()));
    }

    /**
     * Runs the attempt until it succeeds, throws something not retryable (rethrown as is), or the policy's timeout passes
     * (then {@link UnreachableException} naming {@code what} and the last cause).
     */
    public <T, E extends Exception> T until(
            String what, Policy policy, Predicate<Exception> retryable, Listener listener, Attempt<T, E> attempt)
            throws E {
        Instant deadline = clock.instant().plus(policy.timeout());
        Duration delay = policy.initialDelay();
        for (int tries = 1; ; tries++) {
            try {
                return attempt.run();
            } catch (Exception e) {
                if (!retryable.test(e)) {
                    throw e;
                }
                Duration left = Duration.between(clock.instant(), deadline);
                if (left.isNegative() || left.isZero()) {
                    throw new UnreachableException(
                            what + " did not answer within " + format(policy.timeout()) + " (" + tries
                                    + (tries == 1 ? " try): " : " tries): ")
                                    + describe(e),
                            e);
                }
                Duration wait = delay.compareTo(left) < 0 ? delay : left;
                listener.retrying(tries, wait, e);
                sleep(wait);
                delay = delay.multipliedBy(2).compareTo(policy.maxDelay()) > 0
                        ? policy.maxDelay()
                        : delay.multipliedBy(2);
            }
        }
    }

    private void sleep(Duration wait) {
        try {
            sleeper.sleep(wait);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new UnreachableException("interrupted while waiting", interrupted);
        }
    }

    static String format(Duration duration) {
        long millis = duration.toMillis();
        return millis % 1000 == 0 ? (millis / 1000) + " s" : millis + " ms";
    }

    private static String describe(Exception e) {
        String message = e.getMessage();
        return message == null ? e.getClass().getSimpleName() : message;
    }
}
