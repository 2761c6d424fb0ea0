package dev.ttrtc.runtime.internal;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Watches event loops and calls a loop's overrun action once for each task that uses more than
 * the time budget or allocates more than the allocation budget. One daemon thread,
 * {@code tt-watchdog}, serves every instance of a host.
 *
 * <p>The time budget is CPU time of the loop thread ({@link ThreadCpu}): time the thread spends
 * waiting for a core on a busy machine, or blocked in the host, does not count, so only code that
 * really runs away is interrupted. It is counted from the watchdog's first look at the task (at
 * most one check period after the task started; a period is at most 50 ms), which spares reading
 * the thread's clock at every task start. Where the JVM cannot measure thread CPU time the
 * budget is wall time.
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

    /** What an interrupted task did, for its error entry: "ran longer than 5000 ms of CPU time". */
    public String timeOverrun() {
        return "ran longer than " + budget().toMillis() + " ms" + (ThreadCpu.SUPPORTED ? " of CPU time" : "");
    }

    /**
     * Starts watching; {@code onOverrun} runs on the watchdog thread with what the task did
     * ("ran longer than 5000 ms of CPU time", "allocated more than 512 MB").
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
            String overrun = overTime(loop, w, task, now - started) ? timeOverrun()
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

    /**
     * Whether the running task used more than the budget. The thread's clock is read when the
     * watchdog first sees a task running, then (CPU time never exceeding wall time) only once the
     * task has run a budget's worth of wall time.
     */
    private boolean overTime(EventLoop loop, Watched w, long task, long wallNanos) {
        if (!ThreadCpu.SUPPORTED) {
            return wallNanos > budgetNanos;
        }
        if (w.seenTask != task) {
            w.seenTask = task;
            w.cpuWhenSeen = loop.cpuTimeNanos();
            return false;
        }
        return wallNanos > budgetNanos && loop.cpuTimeNanos() - w.cpuWhenSeen > budgetNanos;
    }

    @Override
    public void close() {
        scheduler.shutdownNow();
    }

    private static final class Watched {
        final Consumer<String> onOverrun;
        // Only the watchdog thread reads and writes these.
        long lastOverrunTask = -1;
        long seenTask = -1;
        long cpuWhenSeen;

        Watched(Consumer<String> onOverrun) {
            this.onOverrun = onOverrun;
        }
    }
}
