package dev.ttrtc.runtime.internal;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ttrtc.runtime.EventLog;
import dev.ttrtc.runtime.HostEvent;
import dev.ttrtc.runtime.ScriptError;
import java.util.ArrayDeque;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.graalvm.polyglot.PolyglotException;
import org.graalvm.polyglot.Value;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns whatever goes wrong in an instance into ERROR entries of its event log, each naming the
 * mini-program file:line. Host-side failures are logged for maintainers with their Java stack and
 * shown to the user as one line; JS never sees a Java exception.
 */
final class ErrorReporter {
    private static final Logger LOG = LoggerFactory.getLogger(ErrorReporter.class);

    /** The {@code name} of ERROR entries, by cause. */
    enum Cause {
        UNCAUGHT("uncaught"),
        UNHANDLED_REJECTION("unhandled-rejection"),
        WATCHDOG("watchdog"),
        STOPPED("stopped"),
        ABANDONED("abandoned"),
        PROBLEM("problem"),
        UNAVAILABLE("unavailable"),
        INTERNAL("internal");

        final String wireName;

        Cause(String wireName) {
            this.wireName = wireName;
        }
    }

    /** Host rule: this many uncaught errors within {@link #STORM_WINDOW_NANOS} stop the instance. */
    static final int STORM_ERRORS = 1000;
    static final long STORM_WINDOW_NANOS = TimeUnit.SECONDS.toNanos(10);

    private final EventLog log;
    private final Consumer<String> stop;
    // Times of the latest uncaught errors, oldest first; guarded by itself.
    private final ArrayDeque<Long> recentUncaught = new ArrayDeque<>();
    private volatile String overrun = "ran too long";
    /** Set once the instance is being stopped: its last errors would only bury the reason. */
    private volatile boolean stopping;
    private volatile JsBridge js;
    private final SourceLocations locations;
    private volatile AppErrorListeners appListeners;

    /** Where uncaught errors and unhandled rejections go besides the log: App.onError, tt.onError and the like. */
    interface AppErrorListeners {
        /** An uncaught error, as the platform's onError receives it: the message, then the stack. */
        void error(String text);

        /** An unhandled rejection with its reason and promise (either may be undefined). */
        void rejection(Value reason, Value promise);
    }

    /**
     * @param locations moves engine positions to the files as written
     * @param stop stops the instance for the given reason (an error storm); called at most once,
     *     on the thread that reported the last error
     */
    ErrorReporter(EventLog log, SourceLocations locations, Consumer<String> stop) {
        this.log = log;
        this.locations = locations;
        this.stop = stop;
    }

    /** The error described with positions in the files as written. */
    JsError describe(PolyglotException e) {
        return JsError.of(e, locations);
    }

    /** What the watchdog saw the task do ("ran longer than 5000 ms"), told before it interrupts it. */
    void overrun(String what) {
        this.overrun = what;
    }

    /** What the last interrupted task did. */
    String overrun() {
        return overrun;
    }

    /** Set once the bootstrap ran; before that, thrown values cannot be described. */
    void attach(JsBridge bridge) {
        this.js = bridge;
        bridge.onInternalError(this::internal);
    }

    /** Set once the framework runs; errors before that reach only the log. */
    void attachAppListeners(AppErrorListeners listeners) {
        this.appListeners = listeners;
    }

    /** Reports what a loop task threw. A cancelled context (the instance closing) is not an error. */
    void report(Throwable t) {
        if (t instanceof PolyglotException pe) {
            if (pe.isCancelled()) {
                return;
            }
            if (pe.isInterrupted()) {
                JsError where = describe(pe);
                record(Cause.WATCHDOG, "task " + overrun + " and was interrupted",
                        where.location(), where);
                return;
            }
            if (pe.isHostException()) {
                internal(pe.asHostException());
                return;
            }
            JsError error = describe(pe);
            record(Cause.UNCAUGHT, "Uncaught " + error.messageWithHint(), error.location(), error);
            deliverError(error.message(), error);
            return;
        }
        internal(t);
    }

    /** Reports a value thrown by JS and caught by host code (a hook, a callback). */
    void reportThrown(Value thrown) {
        reportValue(Cause.UNCAUGHT, thrown, true);
    }

    /** Like {@link #reportThrown}, for what an error listener threw: it is not delivered to them again. */
    void reportThrownUndelivered(Value thrown) {
        reportValue(Cause.UNCAUGHT, thrown, false);
    }

    void reportRejection(Value reason, Value promise) {
        reportValue(Cause.UNHANDLED_REJECTION, reason, false);
        AppErrorListeners listeners = appListeners;
        if (listeners != null && !stopping) {
            listeners.rejection(reason, promise);
        }
    }

    private void reportValue(Cause cause, Value thrown, boolean deliver) {
        String prefix = cause == Cause.UNHANDLED_REJECTION ? "Unhandled promise rejection: " : "Uncaught ";
        if (thrown.isException()) {
            try {
                thrown.throwException();
            } catch (PolyglotException pe) {
                JsError error = describe(pe);
                record(cause, prefix + error.messageWithHint(), error.location(), error);
                if (deliver) {
                    deliverError(error.message(), error);
                }
                return;
            }
        }
        JsBridge bridge = js;
        String described = bridge == null ? String.valueOf(thrown) : bridge.toJsonText(thrown);
        record(cause, prefix + described, "", null);
        if (deliver) {
            deliverError(described, null);
        }
    }

    private void deliverError(String message, JsError error) {
        AppErrorListeners listeners = appListeners;
        if (listeners == null || stopping) {
            return;
        }
        StringBuilder text = new StringBuilder(message);
        if (error != null) {
            error.projectStack().forEach(frame -> text.append("\n    at ").append(frame));
        }
        listeners.error(text.toString());
    }

    /** A misuse the host noticed (a bad setData path, a module's complaint). */
    void problem(String name, String message) {
        ObjectNode data = JsonNodeFactory.instance.objectNode();
        data.put("cause", Cause.PROBLEM.wireName);
        data.put("message", message);
        log.record(HostEvent.Kind.ERROR, name, message, data);
    }

    /** The first call of a platform API this host does not offer. */
    void unavailable(String api) {
        ObjectNode data = JsonNodeFactory.instance.objectNode();
        data.put("cause", Cause.UNAVAILABLE.wireName);
        String message = "tt." + api + " is not available in tt-rtc-host (docs/apis.md lists what is)";
        data.put("message", message);
        log.record(HostEvent.Kind.ERROR, api, message, data);
    }

    /** The host stopped the instance; the message says why. */
    /** The loop thread could not be stopped by the ordinary means; what was done about it. */
    void abandoned(String what) {
        record(Cause.ABANDONED, what, "", null);
    }

    void stopped(String why) {
        stopping = true;
        record(Cause.STOPPED, "instance stopped: " + why, "", null);
    }

    /** Counts an uncaught error; a storm of them (a timer storm whose every callback throws) stops the instance. */
    private void countUncaught() {
        long now = System.nanoTime();
        synchronized (recentUncaught) {
            recentUncaught.addLast(now);
            while (now - recentUncaught.peekFirst() > STORM_WINDOW_NANOS) {
                recentUncaught.removeFirst();
            }
            if (recentUncaught.size() != STORM_ERRORS) {
                return;
            }
        }
        stop.accept("more than " + STORM_ERRORS + " uncaught errors within " + TimeUnit.NANOSECONDS.toSeconds(STORM_WINDOW_NANOS) + " s");
    }

    /** A failure inside the host. */
    void internal(Throwable t) {
        LOG.warn("internal error in a mini-program instance", t);
        // The Java text goes to the host's own log only: the event log reaches reports and terminals.
        record(Cause.INTERNAL, "internal host error (the host's log has the details)", "", null);
    }

    /** The same error for an embedder's future. */
    ScriptError toScriptError(PolyglotException pe) {
        JsError error = describe(pe);
        return new ScriptError(error.message(), error.location(), error.stack());
    }

    private void record(Cause cause, String message, String location, JsError error) {
        if (cause == Cause.UNCAUGHT || cause == Cause.UNHANDLED_REJECTION) {
            if (stopping) {
                return;
            }
            countUncaught();
        }
        ObjectNode data = JsonNodeFactory.instance.objectNode();
        data.put("cause", cause.wireName);
        data.put("message", message);
        data.put("location", location);
        ArrayNode stack = data.putArray("stack");
        if (error != null) {
            error.stack().forEach(stack::add);
        }
        log.record(HostEvent.Kind.ERROR, cause.wireName, location.isEmpty() ? message : location + ": " + message, data);
    }
}
