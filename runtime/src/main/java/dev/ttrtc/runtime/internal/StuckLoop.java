package dev.ttrtc.runtime.internal;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.graalvm.polyglot.Context;
import org.graalvm.polyglot.PolyglotException;

/**
 * What closing an instance does when its loop thread is stuck in runaway code: cancel the
 * context with a bounded wait, and when even that does not end the thread (a built-in such as
 * BigInt arithmetic on a huge number runs as one Java call that checks for neither interrupts
 * nor cancellation), stop the thread where the JVM can, else abandon it — reported either way
 * with the CPU time it used. Called from the thread that closes the instance, never the loop.
 */
final class StuckLoop {
    private final String id;
    private final EventLoop loop;
    private final ErrorReporter errors;
    private final Duration grace;

    StuckLoop(String id, EventLoop loop, ErrorReporter errors, Duration grace) {
        this.id = id;
        this.loop = loop;
        this.errors = errors;
        this.grace = grace;
    }

    /**
     * Cancels the context. Cancelling waits for the loop thread to reach a point where GraalJS
     * checks for it, so the wait happens on a thread of its own ({@code tt-cancel-<id>}) and is
     * bounded by the grace period.
     */
    void cancel(Context context) {
        if (context == null) {
            return;
        }
        Thread canceller = new Thread(() -> {
            try {
                context.close(true);
            } catch (IllegalStateException | PolyglotException e) {
                // Closed meanwhile, or the cancel unwound the loop's task: either way it is done.
            }
        }, "tt-cancel-" + id);
        canceller.setDaemon(true);
        canceller.start();
        try {
            canceller.join(grace.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * The loop thread outlived interrupt and cancel: reported with the CPU time it has used, then
     * made to throw where it is ({@link EventLoop#forceStop}); where the JVM cannot do that (JDK 20
     * and later) it is abandoned to run to its end, and a watcher ({@code tt-abandoned-<id>})
     * reports its CPU use when it ends.
     */
    void abandon() {
        long cpuMillis = TimeUnit.NANOSECONDS.toMillis(loop.cpuTimeNanos());
        boolean stopped = loop.forceStop();
        try {
            stopped = stopped && loop.awaitTermination(grace.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        String what = "the loop thread " + loop.name() + " did not respond to interrupts or cancellation (it had used "
                + cpuMillis + " ms of CPU time; a built-in such as BigInt arithmetic runs without checking)";
        if (stopped) {
            errors.abandoned(what + "; it was stopped");
            return;
        }
        errors.abandoned(what + "; it was abandoned and runs on until the built-in returns");
        Thread watcher = new Thread(this::reportWhenEnded, "tt-abandoned-" + id);
        watcher.setDaemon(true);
        watcher.start();
    }

    private void reportWhenEnded() {
        try {
            long lastCpu = loop.cpuTimeNanos();
            while (!loop.awaitTermination(1, TimeUnit.SECONDS)) {
                lastCpu = Math.max(lastCpu, loop.cpuTimeNanos()); // unreadable once the thread has ended
            }
            errors.abandoned("the abandoned loop thread " + loop.name() + " ended after about "
                    + TimeUnit.NANOSECONDS.toMillis(lastCpu) + " ms of CPU time");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
