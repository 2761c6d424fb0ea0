package dev.ttrtc.testkit;

import java.time.Duration;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * Waits for a condition by polling it until a deadline: the one way tests wait for something
 * that happens on another thread. The deadline is what a broken host would miss, never a speed
 * bar, so it is generous; the failure names what was awaited (and what was last seen).
 */
public final class Eventually {
    /** The deadline when a test names none. */
    public static final Duration DEADLINE = Duration.ofSeconds(30);
    private static final long POLL_MILLIS = 20;

    private Eventually() {
    }

    /** Polls until {@code condition} holds; fails with "{@code what} within N s" after {@link #DEADLINE}. */
    public static void await(String what, BooleanSupplier condition) throws InterruptedException {
        await(what, DEADLINE, condition);
    }

    /** Polls until {@code condition} holds; fails with "{@code what} within N s" after {@code deadline}. */
    public static void await(String what, Duration deadline, BooleanSupplier condition) throws InterruptedException {
        await(what, deadline, () -> condition.getAsBoolean(), Boolean::booleanValue);
    }

    /**
     * Polls {@code probe} until its value passes {@code done} and returns that value; fails with
     * "{@code what} within N s; last: <value>" after {@code deadline}.
     */
    public static <T> T await(String what, Duration deadline, Supplier<T> probe, Predicate<? super T> done)
            throws InterruptedException {
        long end = System.nanoTime() + deadline.toNanos();
        while (true) {
            T value = probe.get();
            if (done.test(value)) {
                return value;
            }
            if (System.nanoTime() > end) {
                String last = value instanceof Boolean ? "" : "; last: " + value;
                throw new AssertionError(what + " within " + deadline.toSeconds() + " s" + last);
            }
            Thread.sleep(POLL_MILLIS);
        }
    }
}
