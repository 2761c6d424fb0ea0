package dev.ttrtc.bridge.harness;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ttrtc.runtime.MiniProgramHost;
import dev.ttrtc.runtime.internal.EventLoop;
import dev.ttrtc.runtime.internal.JsBridge;
import dev.ttrtc.runtime.internal.JsError;
import dev.ttrtc.runtime.internal.SharedEngine;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import org.graalvm.polyglot.Context;
import org.graalvm.polyglot.PolyglotException;
import org.graalvm.polyglot.Source;
import org.graalvm.polyglot.Value;
import org.graalvm.polyglot.proxy.ProxyExecutable;
import org.graalvm.polyglot.proxy.ProxyObject;

/**
 * The trusted JS context one test file runs in, on its own loop thread: the harness script, the
 * file's tests, and the natives behind {@code t}. Mini-program instances a test launches run in
 * their own sandboxed contexts; nothing of this context reaches them.
 */
final class DriverContext implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** A test as the file registered it. */
    record TestEntry(String name, boolean skip, Long timeoutMillis) {
    }

    /** The file could not be loaded (a syntax error, an error while registering). */
    static final class LoadFailure extends Exception {
        private static final long serialVersionUID = 1L;

        LoadFailure(String message) {
            super(message, null, false, false);
        }
    }

    private final EventLoop loop;
    private final List<String> asyncErrors = Collections.synchronizedList(new ArrayList<>());
    private final Consumer<String> console;
    private Context context;
    private Value harness;
    private TestHost natives;

    private DriverContext(String threadName, Consumer<String> console) {
        this.console = console;
        this.loop = new EventLoop(threadName, this::recordAsyncError);
    }

    static DriverContext open(Path file, String displayName, MiniProgramHost host, Executor workers,
            Consumer<String> console) throws LoadFailure {
        DriverContext driver = new DriverContext("tt-test-" + file.getFileName(), console);
        CompletableFuture<Void> loaded = new CompletableFuture<>();
        driver.loop.execute(() -> {
            try {
                driver.load(file, displayName, host, workers);
                loaded.complete(null);
            } catch (Throwable t) {
                loaded.completeExceptionally(t);
            }
        });
        try {
            loaded.get(60, TimeUnit.SECONDS);
            return driver;
        } catch (ExecutionException e) {
            driver.close();
            Throwable cause = e.getCause();
            if (cause instanceof PolyglotException pe) {
                throw new LoadFailure(JsError.of(pe).summary());
            }
            if (cause instanceof IOException io) {
                throw new LoadFailure("cannot read " + displayName + ": " + io.getMessage());
            }
            throw new LoadFailure(String.valueOf(cause));
        } catch (TimeoutException | InterruptedException e) {
            driver.close();
            throw new LoadFailure("loading " + displayName + " did not finish");
        }
    }

    private void load(Path file, String displayName, MiniProgramHost host, Executor workers) throws IOException {
        String code = Files.readString(file, StandardCharsets.UTF_8);
        context = SharedEngine.newContext();
        JsBridge.install(context, bootstrapHooks());
        natives = new TestHost(loop, file.toAbsolutePath().getParent(), host, workers);
        Value factory = context.eval(Source.newBuilder("js", resource("harness.js"), "<harness>/harness.js").buildLiteral());
        harness = factory.execute(natives.proxy(), displayName);
        DriverModules modules = new DriverModules(context, file.toAbsolutePath().normalize());
        context.getBindings("js").putMember("require", modules.requireFrom(file.toAbsolutePath().normalize()));
        context.eval(Source.newBuilder("js", code, displayName).buildLiteral());
    }

    private static String resource(String name) {
        try (InputStream in = DriverContext.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** console, timers and error reporting for the driver, as the runtime's bootstrap expects them. */
    private ProxyObject bootstrapHooks() {
        Map<String, Object> hooks = new HashMap<>();
        hooks.put("log", (ProxyExecutable) a -> {
            console.accept(a[1].asString());
            return null;
        });
        hooks.put("reportError", (ProxyExecutable) a -> {
            recordThrown("uncaught", a[0]);
            return null;
        });
        hooks.put("unhandledRejection", (ProxyExecutable) a -> {
            recordThrown("unhandled rejection", a[0]);
            return null;
        });
        hooks.put("setTimer", (ProxyExecutable) a -> {
            Value callback = a[0];
            return loop.setTimer(callback::executeVoid, a[1].asLong(), a[2].asBoolean());
        });
        hooks.put("clearTimer", (ProxyExecutable) a -> {
            loop.clearTimer(a[0].asLong());
            return null;
        });
        return ProxyObject.fromMap(hooks);
    }

    private void recordThrown(String what, Value thrown) {
        if (thrown.isException()) {
            try {
                thrown.throwException();
            } catch (PolyglotException pe) {
                asyncErrors.add(what + ": " + JsError.of(pe).summary());
                return;
            }
        }
        asyncErrors.add(what + ": " + thrown);
    }

    private void recordAsyncError(Throwable t) {
        if (t instanceof PolyglotException pe) {
            if (!pe.isCancelled()) {
                asyncErrors.add("uncaught: " + JsError.of(pe).summary());
            }
        } else {
            asyncErrors.add("host error: " + t);
        }
    }

    List<TestEntry> tests() throws InterruptedException, ExecutionException, TimeoutException {
        CompletableFuture<String> listed = new CompletableFuture<>();
        loop.execute(() -> listed.complete(harness.invokeMember("tests").asString()));
        List<TestEntry> entries = new ArrayList<>();
        try {
            for (JsonNode t : JSON.readTree(listed.get(10, TimeUnit.SECONDS))) {
                entries.add(new TestEntry(t.get("name").asText(), "skip".equals(t.get("status").asText()),
                        t.get("timeout").isNull() ? null : t.get("timeout").asLong()));
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return entries;
    }

    /** Drains the errors that escaped the test's promise chain since the last call. */
    List<String> takeAsyncErrors() {
        synchronized (asyncErrors) {
            List<String> taken = List.copyOf(asyncErrors);
            asyncErrors.clear();
            return taken;
        }
    }

    /** Starts a test; completes with null when it passed, or a failure description (JSON). */
    CompletableFuture<String> run(String name, TestScope scope) {
        CompletableFuture<String> outcome = new CompletableFuture<>();
        loop.execute(() -> {
            int handle = natives.register(scope);
            outcome.whenComplete((v, e) -> loop.execute(() -> natives.forget(handle)));
            try {
                harness.invokeMember("run", name, handle, (ProxyExecutable) a -> {
                    String failure = a[0].isNull() ? null : a[0].asString();
                    // Completes on the loop's next task: GraalJS reports the rejections nobody
                    // handled at the end of the current one, and they belong to this test.
                    loop.execute(() -> outcome.complete(failure));
                    return null;
                });
            } catch (PolyglotException e) {
                outcome.complete("{\"message\":" + JSON.valueToTree(JsError.of(e).summary()) + "}");
            }
        });
        return outcome;
    }

    @Override
    public void close() {
        CompletableFuture<Void> closed = new CompletableFuture<>();
        loop.execute(() -> {
            loop.stop();
            if (context != null) {
                context.close(true);
            }
            closed.complete(null);
        });
        try {
            closed.get(5, TimeUnit.SECONDS);
        } catch (Exception e) {
            if (context != null) {
                context.close(true);
            }
        }
        loop.stop();
    }
}
