package dev.ttrtc.tools.harness;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ttrtc.runtime.MiniProgramHost;
import dev.ttrtc.runtime.script.ScriptContext;
import dev.ttrtc.runtime.script.ScriptException;
import dev.ttrtc.runtime.script.ScriptFunction;
import dev.ttrtc.runtime.script.ScriptValue;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;

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

    private final ScriptContext script;
    private final List<String> asyncErrors = Collections.synchronizedList(new ArrayList<>());
    // Loop thread only.
    private ScriptValue harness;
    // Loop thread only.
    private TestHost natives;

    private DriverContext(String threadName, Consumer<String> console) {
        this.script = ScriptContext.open(threadName, console, asyncErrors::add);
    }

    static DriverContext open(Path file, String displayName, MiniProgramHost host, Executor workers,
            Consumer<String> console) throws LoadFailure {
        DriverContext driver = new DriverContext("tt-test-" + file.getFileName(), console);
        CompletableFuture<Void> loaded = new CompletableFuture<>();
        driver.script.execute(() -> {
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
            if (cause instanceof ScriptException se) {
                throw new LoadFailure(se.getMessage());
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
        natives = new TestHost(script, file.toAbsolutePath().getParent(), host, workers);
        ScriptValue factory = script.eval(resource("harness.js"), "<harness>/harness.js");
        harness = factory.call(natives.natives(), displayName);
        script.enableRequire(file);
        script.eval(code, displayName);
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

    List<TestEntry> tests() throws InterruptedException, ExecutionException, TimeoutException {
        CompletableFuture<String> listed = new CompletableFuture<>();
        script.execute(() -> listed.complete(harness.invoke("tests").asString()));
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
        script.execute(() -> {
            int handle = natives.register(scope);
            outcome.whenComplete((v, e) -> script.execute(() -> natives.forget(handle)));
            try {
                harness.invoke("run", name, handle, (ScriptFunction) a -> {
                    String failure = a[0].isNull() ? null : a[0].asString();
                    // Completes on the loop's next task: GraalJS reports the rejections nobody
                    // handled at the end of the current one, and they belong to this test.
                    script.execute(() -> outcome.complete(failure));
                    return null;
                });
            } catch (ScriptException e) {
                outcome.complete("{\"message\":" + JSON.valueToTree(e.getMessage()) + "}");
            }
        });
        return outcome;
    }

    @Override
    public void close() {
        script.close();
    }
}
