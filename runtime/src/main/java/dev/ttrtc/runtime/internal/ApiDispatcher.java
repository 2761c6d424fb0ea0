package dev.ttrtc.runtime.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ttrtc.runtime.EventLog;
import dev.ttrtc.runtime.HostEvent;
import dev.ttrtc.runtime.api.ApiErrors;
import dev.ttrtc.runtime.api.ApiException;
import dev.ttrtc.runtime.api.AsyncApi;
import dev.ttrtc.runtime.api.JsObject;
import dev.ttrtc.runtime.api.SyncApi;
import dev.ttrtc.runtime.api.TaskApi;
import org.graalvm.polyglot.PolyglotException;
import org.graalvm.polyglot.Value;
import org.graalvm.polyglot.proxy.ProxyExecutable;

/**
 * Turns host APIs into JS functions of one instance: logs every call and its result, checks the
 * answer arrives on a later loop turn, runs success/fail/complete, and keeps Java exceptions out
 * of JS. Loop thread only, except what {@link RealApiCall} documents.
 */
final class ApiDispatcher {
    private final JsBridge js;
    private final EventLoop loop;
    private final EventLog log;
    private final ErrorReporter errors;

    ApiDispatcher(JsBridge js, EventLoop loop, EventLog log, ErrorReporter errors) {
        this.js = js;
        this.loop = loop;
        this.log = log;
        this.errors = errors;
    }

    JsBridge js() {
        return js;
    }

    EventLoop loop() {
        return loop;
    }

    EventLog log() {
        return log;
    }

    ErrorReporter errors() {
        return errors;
    }

    /**
     * A JS function answering through success/fail/complete.
     *
     * @param name the name in errMsg ({@code joinRtcRoom})
     * @param logName the name in the event log ({@code RtcRoomContext.joinRtcRoom})
     */
    Value asyncFunction(String name, String logName, AsyncApi api) {
        return js.function(name, asyncHost(name, logName, api));
    }

    /** The host side of {@link #asyncFunction}, for {@link JsBridge#defineFunctions}. */
    ProxyExecutable asyncHost(String name, String logName, AsyncApi api) {
        return taskHost(name, logName, call -> {
            api.call(call);
            return null;
        });
    }

    /** Like {@link #asyncFunction}, returning the task object the API made (undefined when it made none). */
    Value taskFunction(String name, String logName, TaskApi api) {
        return js.function(name, taskHost(name, logName, api));
    }

    /** The host side of {@link #taskFunction}, for {@link JsBridge#defineFunctions}. */
    ProxyExecutable taskHost(String name, String logName, TaskApi api) {
        return args -> {
            // Read once: the log and the API see the same values (a getter may answer differently each time).
            Value params = args.length > 0 ? js.snapshotParams(args[0]) : null;
            ObjectNode callData = JsonNodeFactory.instance.objectNode();
            callData.set("params", params == null ? JsonNodeFactory.instance.objectNode() : JsonTrees.forLog(js.toLogJson(params)));
            log.record(HostEvent.Kind.API_CALL, logName, logName + " " + callData.get("params"), callData);
            RealApiCall call = new RealApiCall(this, name, logName, params);
            JsObject task = null;
            try {
                task = api.start(call);
            } catch (ApiException e) {
                call.fail(e);
            } catch (HostLimitException e) {
                call.fail(ApiErrors.PARAMETER_ERROR, e.getMessage());
            } catch (PolyglotException e) {
                throw e;
            } catch (RuntimeException e) {
                errors.internal(e);
                call.fail(ApiErrors.INTERNAL_ERROR, "internal host error");
            } finally {
                call.closeParams();
            }
            return task == null ? js.undefined() : toJs(task);
        };
    }

    /** A JS function returning its result; a failure throws a JS Error {@code "<name>:fail <detail>"}. */
    Value syncFunction(String name, String logName, SyncApi api) {
        return js.function(name, syncHost(name, logName, api, true));
    }

    /** Like {@link #syncFunction} for a property accessor: reads and writes are not logged as calls. */
    Value accessorFunction(String name, String logName, SyncApi api) {
        return js.function(name, syncHost(name, logName, api, false));
    }

    /** The host side of {@link #syncFunction}, for {@link JsBridge#defineFunctions}. */
    ProxyExecutable syncHost(String name, String logName, SyncApi api, boolean logCalls) {
        return original -> {
            Value[] args = new Value[original.length];
            for (int i = 0; i < args.length; i++) {
                args[i] = js.snapshotParams(original[i]); // read once, as for async APIs
            }
            if (logCalls) {
                ObjectNode callData = JsonNodeFactory.instance.objectNode();
                ArrayNode argsJson = callData.putArray("args");
                for (Value arg : args) {
                    argsJson.add(JsonTrees.forLog(js.toLogJson(arg)));
                }
                log.record(HostEvent.Kind.API_CALL, logName, logName + " " + argsJson, callData);
            }
            Object result;
            try {
                result = api.call(new ValueArgs(js, args, original));
            } catch (ApiException | HostLimitException e) {
                ApiException failure = e instanceof ApiException thrown ? thrown : ApiException.parameter(e.getMessage());
                String message = Payloads.failMessage(name, failure);
                recordResult(logName, Payloads.fail(name, failure));
                throw js.throwError(message);
            } catch (PolyglotException e) {
                throw e;
            } catch (RuntimeException e) {
                errors.internal(e);
                throw js.throwError(name + ":fail internal host error");
            }
            return toJs(result);
        };
    }

    /** A Java result as a JS value. */
    Object toJs(Object result) {
        if (result == null) {
            return js.undefined();
        }
        if (result instanceof ValueHandle handle) {
            return handle.value();
        }
        if (result instanceof JsonNode node) {
            return js.fromJson(node);
        }
        if (result instanceof String || result instanceof Number || result instanceof Boolean) {
            return result;
        }
        throw new IllegalArgumentException("an API returned " + result.getClass().getName() + ", which JS cannot receive");
    }

    void recordResult(String logName, ObjectNode payload) {
        JsonNode logged = JsonTrees.forLog(payload);
        ObjectNode data = JsonNodeFactory.instance.objectNode();
        data.set("payload", logged);
        log.record(HostEvent.Kind.API_RESULT, logName, logName + " " + logged, data);
    }

    /** Calls a JS callback on the loop, reporting what it throws instead of letting it escape. */
    void invokeCallback(Value callback, Object... args) {
        try {
            callback.execute(args);
        } catch (PolyglotException e) {
            errors.report(e);
        }
    }
}
