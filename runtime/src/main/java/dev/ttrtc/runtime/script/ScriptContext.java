package dev.ttrtc.runtime.script;

import dev.ttrtc.runtime.internal.RealScriptContext;
import java.nio.file.Path;
import java.util.function.Consumer;

/**
 * A trusted JS context for tools that drive the host from JS (the script-test harness): its own
 * loop thread with {@code console} and timers, CommonJS {@code require} of any file, and Java
 * functions ({@link ScriptFunction}) handed to it. It runs on the same engine as mini-programs,
 * but it is never a mini-program and nothing of it reaches one.
 *
 * <p>Threading: JS runs only on the context's loop thread. {@link #execute} may be called from
 * any thread; everything else only on the loop (inside a task posted with {@link #execute}).
 *
 * <pre>{@code
 * ScriptContext script = ScriptContext.open("tt-test-a.test.js", System.out::println, errors::add);
 * script.execute(() -> script.eval("console.log('hello')", "hello.js"));
 * // … later, from any thread:
 * script.close();
 * }</pre>
 */
public interface ScriptContext extends AutoCloseable {

    /**
     * Opens a context whose loop thread is named {@code threadName}.
     *
     * @param console receives each {@code console.*} line
     * @param errors receives, on the loop thread, what escaped the script: {@code "uncaught: …"}
     *     and {@code "unhandled rejection: …"} with the JS location, or {@code "host error: …"}
     */
    static ScriptContext open(String threadName, Consumer<String> console, Consumer<String> errors) {
        return RealScriptContext.open(threadName, console, errors);
    }

    /** Posts a task to the loop; tasks posted after {@link #close()} are dropped. Any thread. */
    void execute(Runnable task);

    /** Runs {@code task} after {@code delayMillis} (again and again when {@code repeat}); returns its id. Loop only. */
    long setTimer(Runnable task, long delayMillis, boolean repeat);

    /** Cancels a timer; unknown ids are ignored. Loop only. */
    void clearTimer(long id);

    /**
     * Evaluates {@code source}, named {@code name} in stacks and locations. Loop only.
     *
     * @throws ScriptException when it throws (or does not parse)
     */
    ScriptValue eval(String source, String name);

    /**
     * Defines the global {@code require} for the script file {@code entryFile}: CommonJS modules
     * relative to the requiring file ({@code .js} and {@code .json} tried), cached. Loop only.
     */
    void enableRequire(Path entryFile);

    /** Stops the loop and closes the context, cancelling whatever JS still runs. Any thread. */
    @Override
    void close();
}
