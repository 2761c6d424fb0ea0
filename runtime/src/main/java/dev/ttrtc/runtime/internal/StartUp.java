package dev.ttrtc.runtime.internal;

import dev.ttrtc.runtime.LaunchException;
import dev.ttrtc.runtime.internal.compile.CompileException;
import dev.ttrtc.runtime.internal.compile.ProjectSources;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.graalvm.polyglot.PolyglotException;

/**
 * An instance's start-up as a chain of loop tasks, one per step (set up the context, load
 * app.js, load each page file, launch the first page), so that each step has the whole task
 * budget and an overrun names the step it happened in. Each step posts the next one ahead of
 * everything queued ({@link EventLoop#executeNext}): timers and callbacks that app.js or a page
 * set up wait until start-up is over, as on the platform, where the code package runs in one go.
 * A step that fails ends start-up with one line for the user: where (file:line:column in the file
 * as written) and what went wrong, naming the file being loaded when the task budget ran out.
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
     * @param file the project file it loads, or null
     */
    record Step(String what, String file, Action action) {
        static Step of(String what, Action action) {
            return new Step(what, null, action);
        }

        static Step loading(String file, Action action) {
            return new Step("loading " + file, file, action);
        }
    }

    private final EventLoop loop;
    private final ErrorReporter errors;
    private final List<Step> steps;
    private final CompletableFuture<Void> done = new CompletableFuture<>();
    private volatile String current = "starting";

    StartUp(EventLoop loop, ErrorReporter errors, List<Step> steps) {
        this.loop = loop;
        this.errors = errors;
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
        } catch (PolyglotException e) {
            done.completeExceptionally(failure(step, e));
            return;
        } catch (ProjectSources.RefusedException e) {
            done.completeExceptionally(new LaunchException(e.error().location() + ": SyntaxError: " + e.error().message()));
            return;
        } catch (CompileException e) {
            done.completeExceptionally(new LaunchException("cannot compile " + step.file() + ": " + e.getMessage()));
            return;
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

    /** A JS error or an interrupt in a step, as one line: where, then what happened. */
    private LaunchException failure(Step step, PolyglotException e) {
        JsError error = errors.describe(e);
        String where = !error.location().isEmpty() ? error.location() : step.file() != null ? step.file() : "";
        if (e.isInterrupted()) {
            return new LaunchException((where.isEmpty() ? "the instance " : where + ": ") + errors.overrun() + " while "
                    + step.what() + " and was interrupted");
        }
        return new LaunchException(where.isEmpty() ? error.messageWithHint() : where + ": " + error.messageWithHint());
    }
}
