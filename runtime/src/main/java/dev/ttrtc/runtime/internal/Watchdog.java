package dev.ttrtc.runtime.internal;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Watches event loops and calls a loop's overrun action once for each task that runs longer than
 * the budget. One daemon thread, {@code tt-watchdog}, serves every instance of a host.
 */
public final class Watchdog implements AutoCloseable {
    private final long budgetNanos;
    private final ScheduledExecutorService scheduler;
    private final Map<EventLoop, Watched> watched = new ConcurrentHashMap<>();

    public Watchdog(Duration budget) {
        this.budgetNanos = budget.toNanos();
        this.scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "tt-watchdog");
            t.setDaemon(true);
            return t;
        });
        long periodMillis = Math.max(10, Math.min(100, budget.toMillis() / 4));
        scheduler.scheduleWithFixedDelay(this::check, periodMillis, periodMillis, TimeUnit.MILLISECONDS);
    }

    public Duration budget() {
        return Duration.ofNanos(budgetNanos);
    }

    /** Starts watching; {@code onOverrun} runs on the watchdog thread. */
    public void watch(EventLoop loop, Runnable onOverrun) {
        watched.put(loop, new Watched(onOverrun));
    }

    public void unwatch(EventLoop loop) {
        watched.remove(loop);
    }

    private void check() {
        long now = System.nanoTime();
        watched.forEach((loop, w) -> {
            long started = loop.currentTaskStartNanos();
            long task = loop.tasksStarted();
            if (started != 0 && now - started > budgetNanos && w.lastOverrunTask != task) {
                w.lastOverrunTask = task;
                try {
                    w.onOverrun.run();
                } catch (RuntimeException e) {
                    // The loop's own error path reports what happened to the task.
                }
            }
        });
    }

    @Override
    public void close() {
        scheduler.shutdownNow();
    }

    private static final class Watched {
        final Runnable onOverrun;
        // Only the watchdog thread reads and writes this.
        long lastOverrunTask = -1;

        Watched(Runnable onOverrun) {
            this.onOverrun = onOverrun;
        }
    }
}
