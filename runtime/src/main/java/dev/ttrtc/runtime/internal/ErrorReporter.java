package dev.ttrtc.runtime.internal;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ttrtc.runtime.EventLog;
import dev.ttrtc.runtime.HostEvent;
import dev.ttrtc.runtime.ScriptError;
import java.time.Duration;
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
        PROBLEM("problem"),
        INTERNAL("internal");

        final String wireName;

        Cause(String wireName) {
            this.wireName = wireName;
        }
    }

    private final EventLog log;
    private final Duration taskBudget;
    private volatile JsBridge js;

    ErrorReporter(EventLog log, Duration taskBudget) {
        this.log = log;
        this.taskBudget = taskBudget;
    }

    /** Set once the bootstrap ran; before that, thrown values cannot be described. */
    void attach(JsBridge bridge) {
        this.js = bridge;
    }

    /** Reports what a loop task threw. A cancelled context (the instance closing) is not an error. */
    void report(Throwable t) {
        if (t instanceof PolyglotException pe) {
            if (pe.isCancelled()) {
                return;
            }
            if (pe.isInterrupted()) {
                JsError where = JsError.of(pe);
                record(Cause.WATCHDOG, "task ran longer than " + taskBudget.toMillis() + " ms and was interrupted",
                        where.location(), where);
                return;
            }
            if (pe.isHostException()) {
                internal(pe.asHostException());
                return;
            }
            JsError error = JsError.of(pe);
            record(Cause.UNCAUGHT, "Uncaught " + error.message(), error.location(), error);
            return;
        }
        internal(t);
    }

    /** Reports a value thrown by JS and caught by host code (a hook, a callback). */
    void reportThrown(Value thrown) {
        reportValue(Cause.UNCAUGHT, thrown);
    }

    void reportRejection(Value reason) {
        reportValue(Cause.UNHANDLED_REJECTION, reason);
    }

    private void reportValue(Cause cause, Value thrown) {
        String prefix = cause == Cause.UNHANDLED_REJECTION ? "Unhandled promise rejection: " : "Uncaught ";
        if (thrown.isException()) {
            try {
                thrown.throwException();
            } catch (PolyglotException pe) {
                JsError error = JsError.of(pe);
                record(cause, prefix + error.message(), error.location(), error);
                return;
            }
        }
        JsBridge bridge = js;
        String described = bridge == null ? String.valueOf(thrown) : bridge.toJsonText(thrown);
        record(cause, prefix + described, "", null);
    }

    /** A misuse the host noticed (a bad setData path, a module's complaint). */
    void problem(String name, String message) {
        ObjectNode data = JsonNodeFactory.instance.objectNode();
        data.put("cause", Cause.PROBLEM.wireName);
        data.put("message", message);
        log.record(HostEvent.Kind.ERROR, name, message, data);
    }

    /** A failure inside the host. */
    void internal(Throwable t) {
        LOG.warn("internal error in a mini-program instance", t);
        record(Cause.INTERNAL, "internal host error: " + t, "", null);
    }

    /** The same error for an embedder's future. */
    static ScriptError toScriptError(PolyglotException pe) {
        JsError error = JsError.of(pe);
        return new ScriptError(error.message(), error.location(), error.stack());
    }

    private void record(Cause cause, String message, String location, JsError error) {
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
