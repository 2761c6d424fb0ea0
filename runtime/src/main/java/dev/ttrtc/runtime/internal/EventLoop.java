package dev.ttrtc.runtime.internal;

import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;

/**
 * One named thread that runs an instance's tasks one at a time: posted tasks in order, and
 * timers when due (equal due times in the order they were set). Every touch of the instance's
 * JS context happens here.
 *
 * <p>{@link #currentTaskStartNanos()}, {@link #cpuTimeNanos()} and {@link #allocatedInCurrentTask()}
 * let the {@link Watchdog} see a task that runs too long or allocates too much.
 */
final class EventLoop implements Executor {
    private final Thread thread;
    private final Consumer<Throwable> errorHandler;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    // Guarded by lock.
    private final ArrayDeque<Runnable> ready = new ArrayDeque<>();
    // Guarded by lock.
    private final PriorityQueue<Timer> timers = new PriorityQueue<>();
    // Guarded by lock.
    private final Map<Long, Timer> timersById = new HashMap<>();
    // Guarded by lock.
    private long nextTimerId = 1;
    // Guarded by lock.
    private long nextTimerOrder = 1;
    // Guarded by lock.
    private boolean stopped;
    private volatile long currentTaskStartNanos;
    private volatile long currentTaskStartAllocated;
    private volatile long tasksStarted;

    /**
     * @param name the thread's name
     * @param errorHandler called on the loop thread with whatever a task throws
     */
    public EventLoop(String name, Consumer<Throwable> errorHandler) {
        this.errorHandler = errorHandler;
        this.thread = new Thread(this::run, name);
        this.thread.setDaemon(true);
        this.thread.start();
    }

    /** Posts a task; tasks posted after {@link #stop()} are dropped. */
    @Override
    public void execute(Runnable task) {
        tryExecute(task);
    }

    /** Posts a task; false when the loop has stopped and the task was dropped. */
    public boolean tryExecute(Runnable task) {
        lock.lock();
        try {
            if (stopped) {
                return false;
            }
            ready.addLast(task);
            changed.signal();
            return true;
        } finally {
            lock.unlock();
        }
    }

    /**
     * Posts a task to run before everything already queued (and before due timers): the next step
     * of a sequence that nothing may interleave with, such as start-up.
     */
    public void executeNext(Runnable task) {
        lock.lock();
        try {
            if (stopped) {
                return;
            }
            ready.addFirst(task);
            changed.signal();
        } finally {
            lock.unlock();
        }
    }

    /** Schedules a timer and returns its id (positive); a repeating timer runs every {@code delayMillis}. */
    public long setTimer(Runnable task, long delayMillis, boolean repeat) {
        lock.lock();
        try {
            long id = nextTimerId++;
            if (stopped) {
                return id;
            }
            // A repeating timer waits at least 1 ms so that setInterval(fn, 0) cannot spin.
            Timer timer = new Timer(id, task, Math.max(repeat ? 1 : 0, delayMillis), repeat);
            timer.schedule(System.nanoTime(), nextTimerOrder++);
            timers.add(timer);
            timersById.put(id, timer);
            changed.signal();
            return id;
        } finally {
            lock.unlock();
        }
    }

    /** Cancels a timer; unknown ids are ignored. */
    public void clearTimer(long id) {
        lock.lock();
        try {
            Timer timer = timersById.remove(id);
            if (timer != null) {
                timers.remove(timer);
            }
        } finally {
            lock.unlock();
        }
    }

    public int pendingTimers() {
        lock.lock();
        try {
            return timersById.size();
        } finally {
            lock.unlock();
        }
    }

    public boolean inLoop() {
        return Thread.currentThread() == thread;
    }

    public void assertInLoop() {
        if (!inLoop()) {
            throw new IllegalStateException("must run on " + thread.getName() + ", not " + Thread.currentThread().getName());
        }
    }

    /** When the running task started ({@link System#nanoTime()}), or 0 when idle. */
    public long currentTaskStartNanos() {
        return currentTaskStartNanos;
    }

    /** CPU time the loop thread has used since it started (0 where the JVM cannot measure it). */
    public long cpuTimeNanos() {
        return ThreadCpu.of(thread);
    }

    /** Bytes the running task has allocated so far (0 when idle). */
    public long allocatedInCurrentTask() {
        long start = currentTaskStartAllocated;
        return currentTaskStartNanos == 0 ? 0 : Math.max(0, ThreadAllocation.of(thread) - start);
    }

    /** How many tasks have started; tells one long task from a run of short ones. */
    public long tasksStarted() {
        return tasksStarted;
    }

    public String name() {
        return thread.getName();
    }

    /** Drops every queued task and timer and lets the thread end after the running task. */
    public void stop() {
        lock.lock();
        try {
            stopped = true;
            ready.clear();
            timers.clear();
            timersById.clear();
            changed.signal();
        } finally {
            lock.unlock();
        }
    }

    /** Waits for the thread to end after {@link #stop()}. */
    public boolean awaitTermination(long timeout, TimeUnit unit) throws InterruptedException {
        thread.join(unit.toMillis(timeout));
        return !thread.isAlive();
    }

    public boolean isAlive() {
        return thread.isAlive();
    }

    /**
     * The last resort for a thread stuck in code that never checks for interrupts (a built-in such
     * as BigInt arithmetic on a huge number, which GraalJS runs as one Java call): makes the thread
     * throw where it is. Only for a loop whose context is being discarded; returns false where the
     * JVM no longer supports it (JDK 20 and later), leaving the thread to run to its end.
     */
    @SuppressWarnings({"deprecation", "removal"})
    boolean forceStop() {
        try {
            thread.stop();
            return true;
        } catch (UnsupportedOperationException e) {
            return false;
        }
    }

    private void run() {
        while (true) {
            Runnable task = next();
            if (task == null) {
                return;
            }
            tasksStarted++;
            currentTaskStartAllocated = ThreadAllocation.current();
            currentTaskStartNanos = System.nanoTime();
            try {
                task.run();
            } catch (Throwable t) {
                errorHandler.accept(t);
            } finally {
                currentTaskStartNanos = 0;
            }
        }
    }

    /** The next task to run, waiting for one; null once stopped. Due timers queue behind posted tasks. */
    private Runnable next() {
        lock.lock();
        try {
            while (true) {
                if (stopped) {
                    return null;
                }
                long now = System.nanoTime();
                while (!timers.isEmpty() && timers.peek().dueNanos - now <= 0) {
                    Timer due = timers.poll();
                    ready.addLast(() -> fire(due));
                }
                if (!ready.isEmpty()) {
                    return ready.pollFirst();
                }
                Timer first = timers.peek();
                if (first == null) {
                    changed.await();
                } else {
                    changed.awaitNanos(first.dueNanos - now);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        } finally {
            lock.unlock();
        }
    }

    /** Runs a due timer unless it was cleared meanwhile; a repeating one is scheduled again first. */
    private void fire(Timer timer) {
        lock.lock();
        try {
            if (timersById.get(timer.id) != timer) {
                return;
            }
            if (timer.repeat) {
                timer.schedule(System.nanoTime(), nextTimerOrder++);
                timers.add(timer);
            } else {
                timersById.remove(timer.id);
            }
        } finally {
            lock.unlock();
        }
        timer.task.run();
    }

    private static final class Timer implements Comparable<Timer> {
        final long id;
        final Runnable task;
        final long delayNanos;
        final boolean repeat;
        long dueNanos;
        long order;

        Timer(long id, Runnable task, long delayMillis, boolean repeat) {
            this.id = id;
            this.task = task;
            this.delayNanos = TimeUnit.MILLISECONDS.toNanos(delayMillis);
            this.repeat = repeat;
        }

        void schedule(long nowNanos, long order) {
            this.dueNanos = nowNanos + delayNanos;
            this.order = order;
        }

        @Override
        public int compareTo(Timer other) {
            int byTime = Long.compare(dueNanos - other.dueNanos, 0);
            return byTime != 0 ? byTime : Long.compare(order, other.order);
        }
    }
}
