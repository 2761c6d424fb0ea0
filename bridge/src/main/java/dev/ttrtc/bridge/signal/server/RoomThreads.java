package dev.ttrtc.bridge.signal.server;

import java.util.concurrent.Executor;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The server's own threads: a few room threads that run the rooms' {@link Strand}s in turn, and
 * one timer thread that only hands due work to a strand (it never touches a room itself).
 */
final class RoomThreads {
    private static final Logger LOG = LoggerFactory.getLogger(RoomThreads.class);

    private final ThreadPoolExecutor rooms;
    private final ScheduledThreadPoolExecutor timers;

    RoomThreads(String name, int count) {
        AtomicInteger n = new AtomicInteger();
        rooms = new ThreadPoolExecutor(count, count, 0, TimeUnit.SECONDS, new LinkedBlockingQueue<>(),
                r -> daemon(r, name + "-" + n.incrementAndGet()));
        // All at once, so the server's threads are the same from start to stop.
        rooms.prestartAllCoreThreads();
        timers = new ScheduledThreadPoolExecutor(1, r -> daemon(r, name + "-timers"));
        timers.setRemoveOnCancelPolicy(true);
    }

    private static Thread daemon(Runnable r, String name) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        return t;
    }

    Strand newStrand() {
        return new Strand(this::run);
    }

    private void run(Runnable turn) {
        try {
            rooms.execute(turn);
        } catch (RejectedExecutionException e) {
            LOG.debug("server stopped; dropped a room's work");
        }
    }

    /** Runs {@code task} on {@code strand} after {@code delayMillis}; null once the server stopped. */
    ScheduledFuture<?> schedule(Executor strand, Runnable task, long delayMillis) {
        try {
            return timers.schedule(() -> strand.execute(task), Math.max(0, delayMillis), TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException e) {
            return null;
        }
    }

    /** Runs {@code task} on the timer thread every {@code periodMillis}; it must only hand work on. */
    void every(long periodMillis, Runnable task) {
        timers.scheduleWithFixedDelay(task, periodMillis, periodMillis, TimeUnit.MILLISECONDS);
    }

    void shutdown() {
        timers.shutdownNow();
        rooms.shutdownNow();
    }
}
