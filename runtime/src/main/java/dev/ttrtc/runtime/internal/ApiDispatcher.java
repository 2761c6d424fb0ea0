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
import dev.ttrtc.runtime.api.SyncApi;
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
        return args -> {
            Value params = args.length > 0 ? args[0] : null;
            ObjectNode callData = JsonNodeFactory.instance.objectNode();
            callData.set("params", params == null ? JsonNodeFactory.instance.objectNode() : js.toJson(params));
            log.record(HostEvent.Kind.API_CALL, logName, logName + " " + callData.get("params"), callData);
            RealApiCall call = new RealApiCall(this, name, logName, params);
            try {
                api.call(call);
            } catch (ApiException e) {
                call.fail(e);
            } catch (PolyglotException e) {
                throw e;
            } catch (RuntimeException e) {
                errors.internal(e);
                call.fail(ApiErrors.INTERNAL_ERROR, "internal host error");
            } finally {
                call.closeParams();
            }
            return js.undefined();
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
        return args -> {
            if (logCalls) {
                ObjectNode callData = JsonNodeFactory.instance.objectNode();
                ArrayNode argsJson = callData.putArray("args");
                for (Value arg : args) {
                    argsJson.add(js.toJson(arg));
                }
                log.record(HostEvent.Kind.API_CALL, logName, logName + " " + argsJson, callData);
            }
            Object result;
            try {
                result = api.call(new ValueArgs(js, args));
            } catch (ApiException e) {
                String message = Payloads.failMessage(name, e);
                recordResult(logName, Payloads.fail(name, e));
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
        ObjectNode data = JsonNodeFactory.instance.objectNode();
        data.set("payload", payload);
        log.record(HostEvent.Kind.API_RESULT, logName, logName + " " + payload, data);
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
