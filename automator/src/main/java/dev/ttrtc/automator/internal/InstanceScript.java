package dev.ttrtc.automator.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.ttrtc.runtime.MiniProgram;
import dev.ttrtc.runtime.ScriptError;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Collections;
import java.util.Map;
import java.util.WeakHashMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Calls the helper ({@code automator.js}) inside an instance through {@link MiniProgram#evaluate},
 * installing it on first use, and waits for the (awaited) answer on the calling connection thread.
 */
final class InstanceScript {
    static final ObjectMapper JSON = new ObjectMapper();
    private static final String HELPER = load();
    /** Instances the helper is installed in; the helper itself is idempotent, this saves the re-parse. */
    private static final Map<MiniProgram, Boolean> INSTALLED = Collections.synchronizedMap(new WeakHashMap<>());

    private final Duration timeout;

    InstanceScript(Duration timeout) {
        this.timeout = timeout;
    }

    Duration timeout() {
        return timeout;
    }

    /** {@code __ttAutomator.<function>(args…)} in the instance; the JSON of its awaited value. */
    JsonNode call(MiniProgram program, String what, String function, Object... args) {
        if (!INSTALLED.containsKey(program)) {
            await(program.evaluate(HELPER), what);
            INSTALLED.put(program, true);
        }
        ArrayNode list = JSON.valueToTree(args);
        String source = "globalThis.__ttAutomator." + function + ".apply(null, " + list + ")";
        return await(program.evaluate(source), what);
    }

    /** Waits for an instance's answer: its value, or the script's own error text. */
    <T> T await(CompletableFuture<T> future, String what) {
        try {
            return future.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            throw AutomatorError.TIMEOUT.error(what, timeout.toSeconds());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw AutomatorError.NO_INSTANCE.error();
        } catch (ExecutionException e) {
            throw fromInstance(e.getCause());
        }
    }

    /** What went wrong inside the instance, as the client should see it. */
    static AutomatorException fromInstance(Throwable cause) {
        if (cause instanceof AutomatorException known) {
            return known;
        }
        if (cause instanceof ScriptError script) {
            return AutomatorError.SCRIPT.error(scriptMessage(script));
        }
        // IllegalStateException: the instance closed, or an element left the page; their
        // messages are written for users by the runtime and the view.
        if (cause instanceof IllegalStateException || cause instanceof IllegalArgumentException) {
            return AutomatorError.SCRIPT.error(cause.getMessage());
        }
        return AutomatorError.NO_INSTANCE.error();
    }

    /**
     * The JS error text without the "Error: " a thrown Error carries, and without the location
     * when it is the automator's own evaluated code (a project file's location is kept).
     */
    private static String scriptMessage(ScriptError error) {
        String message = error.getMessage();
        if (error.location().startsWith("<eval>") && message.startsWith(error.location() + ": ")) {
            message = message.substring(error.location().length() + 2);
        }
        return message.startsWith("Error: ") ? message.substring("Error: ".length()) : message;
    }

    private static String load() {
        try (InputStream in = InstanceScript.class.getResourceAsStream("automator.js")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
