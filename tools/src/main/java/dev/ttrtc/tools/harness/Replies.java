package dev.ttrtc.tools.harness;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ttrtc.bridge.engine.RemoteMedia;
import dev.ttrtc.bridge.errors.RtcException;
import dev.ttrtc.runtime.ScriptError;
import dev.ttrtc.runtime.script.ScriptContext;
import dev.ttrtc.runtime.script.ScriptValue;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * How natives answer JS promises: slow work runs on the worker pool, futures complete wherever
 * they do, and the answer ({@code resolve} or {@code reject} with a readable line) is always
 * given on the driver's loop. Also the JSON both sides exchange.
 */
final class Replies {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final ScriptContext script;
    private final Executor workers;

    Replies(ScriptContext script, Executor workers) {
        this.script = script;
        this.workers = workers;
    }

    ScriptContext script() {
        return script;
    }

    /** Runs {@code work} off the loop and answers with {@code toJs} of its value. */
    <T> void settle(Supplier<T> work, Function<T, Object> toJs, ScriptValue resolve, ScriptValue reject) {
        settle(CompletableFuture.supplyAsync(work, workers), toJs, resolve, reject);
    }

    /** Runs {@code work} off the loop and answers with nothing. */
    void run(Runnable work, ScriptValue resolve, ScriptValue reject) {
        settle(CompletableFuture.runAsync(work, workers), v -> null, resolve, reject);
    }

    /** Answers with {@code toJs} of the future's value; a script error's own message when it fails with one. */
    <T> void settle(CompletableFuture<T> future, Function<T, Object> toJs, ScriptValue resolve, ScriptValue reject) {
        future.whenComplete((value, error) -> script.execute(() -> {
            Object answer;
            try {
                answer = error == null ? toJs.apply(value) : null;
            } catch (RuntimeException e) {
                // Typically the test ended meanwhile and its handles are gone: reject, to nobody.
                reject.call(describe(e));
                return;
            }
            if (error == null) {
                resolve.call(answer);
            } else {
                reject.call(describe(error));
            }
        }));
    }

    /** Answers with nothing once the future completes. */
    void settle(CompletableFuture<?> future, ScriptValue resolve, ScriptValue reject) {
        settle(future, v -> null, resolve, reject);
    }

    /** Answers with what a participant receives from one member (its stats as JSON), or "null" without a media link. */
    void settleStats(Optional<RemoteMedia> media, ScriptValue resolve, ScriptValue reject) {
        if (media.isEmpty()) {
            script.execute(() -> resolve.call("null"));
            return;
        }
        settle(media.get().stats(), Replies::toJson, resolve, reject);
    }

    /** The line a failure shows in a test's report: an RTC code and detail, or the message. */
    static String describe(Throwable error) {
        Throwable cause = RtcException.causeOf(error);
        if (cause instanceof RtcException rtc) {
            return rtc.error().code() + " " + rtc.detail();
        }
        if (cause instanceof ScriptError) {
            return cause.getMessage();
        }
        return cause.getMessage() == null ? cause.toString() : cause.getMessage();
    }

    static JsonNode parse(String json) {
        try {
            return JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not JSON: " + json, e);
        }
    }

    static String toJson(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    static JsonNode toTree(Object value) {
        return JSON.valueToTree(value);
    }

    /**
     * Answers with the first event that is {@code fresh} and passes the JS {@code test}, or
     * rejects after {@code timeoutMillis}. Subscribes before scanning {@code seen()}, so nothing
     * slips between; an event offered twice (seen and then delivered) is tested twice, harmlessly.
     */
    <E> void waitFor(Function<Consumer<E>, AutoCloseable> subscribe, Supplier<List<E>> seen, Predicate<E> fresh,
            Function<E, String> toJson, long timeoutMillis, ScriptValue test, ScriptValue resolve, ScriptValue reject,
            String description) {
        AtomicBoolean done = new AtomicBoolean();
        AutoCloseable[] subscription = new AutoCloseable[1];
        long[] timer = new long[1];
        Predicate<E> offer = event -> {
            if (done.get() || !fresh.test(event)) {
                return false;
            }
            String json = toJson.apply(event);
            if (test.call(json).asBoolean() && done.compareAndSet(false, true)) {
                closeQuietly(subscription[0]);
                script.clearTimer(timer[0]);
                resolve.call(json);
                return true;
            }
            return false;
        };
        subscription[0] = subscribe.apply(event -> script.execute(() -> offer.test(event)));
        timer[0] = script.setTimer(() -> {
            if (done.compareAndSet(false, true)) {
                closeQuietly(subscription[0]);
                reject.call("timed out after " + timeoutMillis + " ms waiting for " + description);
            }
        }, timeoutMillis, false);
        for (E event : seen.get()) {
            if (offer.test(event)) {
                return;
            }
        }
    }

    private static void closeQuietly(AutoCloseable closeable) {
        try {
            if (closeable != null) {
                closeable.close();
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
