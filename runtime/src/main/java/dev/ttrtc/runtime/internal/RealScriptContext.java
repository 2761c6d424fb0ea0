package dev.ttrtc.runtime.internal;

import dev.ttrtc.runtime.script.ScriptContext;
import dev.ttrtc.runtime.script.ScriptException;
import dev.ttrtc.runtime.script.ScriptValue;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.graalvm.polyglot.Context;
import org.graalvm.polyglot.PolyglotException;
import org.graalvm.polyglot.Source;
import org.graalvm.polyglot.Value;
import org.graalvm.polyglot.proxy.ProxyExecutable;
import org.graalvm.polyglot.proxy.ProxyObject;

/** The {@link ScriptContext}: a context of the shared engine on its own {@link EventLoop}. */
public final class RealScriptContext implements ScriptContext {
    private final EventLoop loop;
    private final Consumer<String> console;
    private final Consumer<String> errors;
    // Created on the loop by the first task; loop thread only afterwards (close excepted).
    private volatile Context context;

    private RealScriptContext(String threadName, Consumer<String> console, Consumer<String> errors) {
        this.console = console;
        this.errors = errors;
        this.loop = new EventLoop(threadName, this::reportEscaped);
    }

    public static ScriptContext open(String threadName, Consumer<String> console, Consumer<String> errors) {
        RealScriptContext script = new RealScriptContext(threadName, console, errors);
        script.loop.execute(script::start);
        return script;
    }

    private void start() {
        Context created = SharedEngine.newContext();
        JsBridge.install(created, bootstrapHooks());
        context = created;
    }

    /** console, timers and error reporting, as the runtime's bootstrap expects them. */
    private ProxyObject bootstrapHooks() {
        Map<String, Object> hooks = new HashMap<>();
        hooks.put("log", (ProxyExecutable) a -> {
            console.accept(a[1].asString());
            return null;
        });
        hooks.put("reportError", (ProxyExecutable) a -> {
            errors.accept("uncaught: " + describeThrown(a[0]));
            return null;
        });
        hooks.put("unhandledRejection", (ProxyExecutable) a -> {
            errors.accept("unhandled rejection: " + describeThrown(a[0]));
            return null;
        });
        TimerHooks.addTo(hooks, loop);
        return ProxyObject.fromMap(hooks);
    }

    private static String describeThrown(Value thrown) {
        if (thrown.isException()) {
            try {
                thrown.throwException();
            } catch (PolyglotException pe) {
                return JsError.of(pe).summary();
            }
        }
        return thrown.toString();
    }

    /** What a loop task threw: JS errors with their location; a cancel (the context closed) is no error. */
    private void reportEscaped(Throwable t) {
        if (t instanceof PolyglotException pe) {
            if (!pe.isCancelled()) {
                errors.accept("uncaught: " + JsError.of(pe).summary());
            }
        } else if (t instanceof ScriptException se) {
            if (!se.cancelled()) {
                errors.accept("uncaught: " + se.getMessage());
            }
        } else {
            errors.accept("host error: " + t);
        }
    }

    static ScriptException translate(PolyglotException e) {
        return new ScriptException(JsError.of(e).summary(), e.isCancelled(), e);
    }

    @Override
    public void execute(Runnable task) {
        loop.execute(task);
    }

    @Override
    public long setTimer(Runnable task, long delayMillis, boolean repeat) {
        loop.assertInLoop();
        return loop.setTimer(task, delayMillis, repeat);
    }

    @Override
    public void clearTimer(long id) {
        loop.assertInLoop();
        loop.clearTimer(id);
    }

    @Override
    public ScriptValue eval(String source, String name) {
        loop.assertInLoop();
        try {
            return new RealScriptValue(context.eval(Source.newBuilder("js", source, name).buildLiteral()));
        } catch (PolyglotException e) {
            throw translate(e);
        }
    }

    @Override
    public void enableRequire(Path entryFile) {
        loop.assertInLoop();
        Path file = entryFile.toAbsolutePath().normalize();
        context.getBindings("js").putMember("require", new ScriptModules(context, file).requireFrom(file));
    }

    @Override
    public void close() {
        CompletableFuture<Void> closed = new CompletableFuture<>();
        loop.execute(() -> {
            loop.stop();
            closeContext();
            closed.complete(null);
        });
        try {
            closed.get(5, TimeUnit.SECONDS);
        } catch (Exception e) {
            // The loop is stuck in JS (or gone): cancel the context from here.
            closeContext();
        }
        loop.stop();
        if (!loop.inLoop()) {
            try {
                // Closed means the thread has ended too: whoever counts threads after close() finds none.
                loop.awaitTermination(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private void closeContext() {
        Context current = context;
        if (current != null) {
            current.close(true);
        }
    }
}
