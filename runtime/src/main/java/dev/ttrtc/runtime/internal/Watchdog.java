package dev.ttrtc.runtime.internal;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Watches event loops and calls a loop's overrun action once for each task that runs longer than
 * the time budget or allocates more than the allocation budget. One daemon thread,
 * {@code tt-watchdog}, serves every instance of a host.
 */
public final class Watchdog implements AutoCloseable {
    private final long budgetNanos;
    private final long allocationBudgetBytes;
    private final ScheduledExecutorService scheduler;
    private final Map<EventLoop, Watched> watched = new ConcurrentHashMap<>();

    /**
     * @param budget how long one task may run
     * @param allocationBudgetBytes how much one task may allocate (garbage included)
     */
    public Watchdog(Duration budget, long allocationBudgetBytes) {
        this.budgetNanos = budget.toNanos();
        this.allocationBudgetBytes = allocationBudgetBytes;
        this.scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "tt-watchdog");
            t.setDaemon(true);
            return t;
        });
        // Often enough that a task allocating at full speed overshoots its budget by little.
        long periodMillis = Math.max(10, Math.min(50, budget.toMillis() / 4));
        scheduler.scheduleWithFixedDelay(this::check, periodMillis, periodMillis, TimeUnit.MILLISECONDS);
    }

    public Duration budget() {
        return Duration.ofNanos(budgetNanos);
    }

    /** What an interrupted task did, for its error entry: "ran longer than 5000 ms". */
    public String timeOverrun() {
        return "ran longer than " + budget().toMillis() + " ms";
    }

    /**
     * Starts watching; {@code onOverrun} runs on the watchdog thread with what the task did
     * ("ran longer than 5000 ms", "allocated more than 512 MB").
     */
    public void watch(EventLoop loop, Consumer<String> onOverrun) {
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
            if (started == 0 || w.lastOverrunTask == task) {
                return;
            }
            String overrun = now - started > budgetNanos ? timeOverrun()
                    : loop.allocatedInCurrentTask() > allocationBudgetBytes
                    ? "allocated more than " + (allocationBudgetBytes >> 20) + " MB" : null;
            if (overrun != null) {
                w.lastOverrunTask = task;
                try {
                    w.onOverrun.accept(overrun);
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
        final Consumer<String> onOverrun;
        // Only the watchdog thread reads and writes this.
        long lastOverrunTask = -1;

        Watched(Consumer<String> onOverrun) {
            this.onOverrun = onOverrun;
        }
    }
}
