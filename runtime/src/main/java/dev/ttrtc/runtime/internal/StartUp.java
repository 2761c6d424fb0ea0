package dev.ttrtc.runtime.internal;

import dev.ttrtc.runtime.LaunchException;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * An instance's start-up as a chain of loop tasks, one per step (set up the context, load
 * app.js, load each page file, launch the first page), so that each step has the whole task
 * budget and an overrun names the step it happened in. Each step posts the next one ahead of
 * everything queued ({@link EventLoop#executeNext}): timers and callbacks that app.js or a page
 * set up wait until start-up is over, as on the platform, where the code package runs in one go.
 */
final class StartUp {
    /** Work of one step; may throw anything, which ends start-up. */
    interface Action {
        void run() throws Exception;
    }

    /**
     * One step.
     *
     * @param what what it does, for errors: {@code loading pages/a/a.js}
     */
    record Step(String what, Action action) {
    }

    private final EventLoop loop;
    private final List<Step> steps;
    private final CompletableFuture<Void> done = new CompletableFuture<>();
    private volatile String current = "starting";

    StartUp(EventLoop loop, List<Step> steps) {
        this.loop = loop;
        this.steps = List.copyOf(steps);
    }

    /** Posts the first step; {@link #done()} completes after the last, or with the first failure. */
    CompletableFuture<Void> start() {
        loop.execute(() -> runStep(0));
        return done;
    }

    CompletableFuture<Void> done() {
        return done;
    }

    /** What the step running (or last run) does. */
    String currentStep() {
        return current;
    }

    /** Ends start-up from outside (the instance closed meanwhile); the remaining steps do not run. */
    void cancel(String why) {
        done.completeExceptionally(new LaunchException(why));
    }

    private void runStep(int index) {
        if (done.isDone()) {
            return;
        }
        Step step = steps.get(index);
        current = step.what();
        try {
            step.action().run();
        } catch (Throwable t) {
            done.completeExceptionally(t);
            return;
        }
        if (index + 1 < steps.size()) {
            loop.executeNext(() -> runStep(index + 1));
        } else {
            done.complete(null);
        }
    }
}
