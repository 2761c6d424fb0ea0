package dev.ttrtc.testkit;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * Records calls (a name and its arguments) in the order they arrive, from any thread, and hands
 * them out in that order with a deadline: the mechanism behind a test's recording listener
 * (a {@code Recording…} double implements the listener by calling {@link #record}).
 *
 * <p>Threading: {@link #record} may be called on any thread; {@link #next}, {@link #assertNext}
 * and {@link #awaitNext} are for the one test thread that reads the record. Waiting is
 * {@link Eventually}'s, so the deadline is what a broken host would miss, never a speed bar.
 */
public final class CallRecorder {
    /** How long {@link #next} and {@link #awaitNext} wait when the recorder names no deadline. */
    public static final Duration DEADLINE = Duration.ofSeconds(10);

    /** One recorded call: a name (a listener method's, for example) and its arguments. */
    public record Call(String name, List<Object> args) {
        public Call {
            args = Collections.unmodifiableList(new ArrayList<>(args));
        }

        @Override
        public String toString() {
            return name + args;
        }
    }

    private final String what;
    private final Duration deadline;
    private final Queue<Call> calls = new ConcurrentLinkedQueue<>();

    /** A recorder whose failures name {@code what} it records (for example "bob's room events"). */
    public CallRecorder(String what) {
        this(what, DEADLINE);
    }

    public CallRecorder(String what, Duration deadline) {
        this.what = what;
        this.deadline = deadline;
    }

    /** Records one call; any thread. */
    public void record(String name, Object... args) {
        calls.add(new Call(name, Arrays.asList(args)));
    }

    /** The next call, waiting up to the deadline for it. */
    public Call next() throws InterruptedException {
        Call[] taken = new Call[1];
        Eventually.await("one of " + what, deadline, () -> (taken[0] = calls.poll()) != null);
        return taken[0];
    }

    /** Takes the next call, which must be {@code name} with exactly these arguments. */
    public void assertNext(String name, Object... args) throws InterruptedException {
        Call expected = new Call(name, Arrays.asList(args));
        Call actual = next();
        if (!expected.equals(actual)) {
            throw new AssertionError("expected " + expected + " next of " + what + ", got " + actual);
        }
    }

    /** Skips calls until one named {@code name} arrives within the deadline, and returns it. */
    public Call awaitNext(String name) throws InterruptedException {
        List<Call> skipped = new ArrayList<>();
        Call[] found = new Call[1];
        try {
            Eventually.await(name + " among " + what, deadline, () -> {
                for (Call call; (call = calls.poll()) != null; ) {
                    if (call.name().equals(name)) {
                        found[0] = call;
                        return true;
                    }
                    skipped.add(call);
                }
                return false;
            });
        } catch (AssertionError e) {
            throw new AssertionError(e.getMessage() + "; skipped: " + skipped);
        }
        return found[0];
    }
}
