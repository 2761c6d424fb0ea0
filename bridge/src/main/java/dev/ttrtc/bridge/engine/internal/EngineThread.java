package dev.ttrtc.bridge.engine.internal;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * The one named thread ({@code tt-engine-<name>}) that owns an engine's rooms: their state, their
 * media sessions and every room event handler call. Other threads hand work over with
 * {@link #execute} or {@link #call}; code that may only run here says so with
 * {@link #assertCurrent()}, as a mini-program's loop has {@code assertInLoop}.
 */
final class EngineThread {
    private final ScheduledThreadPoolExecutor executor;
    private volatile Thread thread;

    EngineThread(String engineName) {
        executor = new ScheduledThreadPoolExecutor(1, r -> {
            Thread t = new Thread(r, "tt-engine-" + engineName);
            t.setDaemon(true);
            thread = t;
            return t;
        });
        executor.setRemoveOnCancelPolicy(true);
    }

    /** Fails unless called on this engine's thread. */
    void assertCurrent() {
        if (Thread.currentThread() != thread) {
            throw new IllegalStateException("not on the engine thread " + (thread == null ? "(not started)" : thread.getName())
                    + " but on " + Thread.currentThread().getName());
        }
    }

    /** The executor to hand to collaborators that post their own work (media sessions, futures). */
    ScheduledExecutorService executor() {
        return executor;
    }

    void execute(Runnable task) {
        executor.execute(task);
    }

    /** Runs the task here, unless the engine is closing (then nobody is left to tell). */
    void executeIfOpen(Runnable task) {
        try {
            executor.execute(task);
        } catch (RejectedExecutionException closing) {
            // The engine is closing.
        }
    }

    /** Runs {@code action} here and returns the future it makes. */
    <T> CompletableFuture<T> call(Supplier<CompletableFuture<T>> action) {
        return CompletableFuture.supplyAsync(action, executor).thenCompose(f -> f);
    }

    ScheduledFuture<?> schedule(Runnable task, long delayMillis) {
        return executor.schedule(task, delayMillis, TimeUnit.MILLISECONDS);
    }

    /** Stops taking work and waits up to 5 s for queued work to finish. */
    void shutdown() {
        executor.shutdown();
        try {
            if (!executor.awaitTermination(5, TimeUnit.SECONDS)) {
                executor.shutdownNow();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            executor.shutdownNow();
        }
    }
}
