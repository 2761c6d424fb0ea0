package dev.ttrtc.runtime.internal;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ttrtc.runtime.api.ApiCall;
import dev.ttrtc.runtime.api.ApiException;
import dev.ttrtc.runtime.api.ApiParams;
import java.util.concurrent.atomic.AtomicBoolean;
import org.graalvm.polyglot.Value;

/**
 * One call of an async API. The callbacks are taken from the parameters when the call starts;
 * the answer, given from any thread, is delivered by a task posted to the loop, so it never runs
 * inside the call.
 */
final class RealApiCall implements ApiCall {
    private final ApiDispatcher dispatcher;
    private final String name;
    private final String logName;
    private final Value success;
    private final Value fail;
    private final Value complete;
    private final AtomicBoolean completed = new AtomicBoolean();
    private ValueParams params;

    RealApiCall(ApiDispatcher dispatcher, String name, String logName, Value params) {
        this.dispatcher = dispatcher;
        this.name = name;
        this.logName = logName;
        this.params = new ValueParams(dispatcher.js(), params, "params");
        this.success = callback(dispatcher.js(), params, "success");
        this.fail = callback(dispatcher.js(), params, "fail");
        this.complete = callback(dispatcher.js(), params, "complete");
    }

    private static Value callback(JsBridge js, Value params, String key) {
        if (!ValueParams.isPlainObject(js, params)) {
            return null;
        }
        Value member = js.readMember(params, key);
        return member != null && member.canExecute() ? member : null;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public ApiParams params() {
        if (params == null) {
            throw new IllegalStateException("params of " + name + " are readable only during the call");
        }
        return params;
    }

    /** Parameters hold JS values, so they must not be read after the call returns. */
    void closeParams() {
        params = null;
    }

    @Override
    public void succeed(ObjectNode extra) {
        if (completed.compareAndSet(false, true)) {
            deliver(Payloads.ok(name, extra), success);
        }
    }

    @Override
    public void fail(ApiException error) {
        if (completed.compareAndSet(false, true)) {
            deliver(Payloads.fail(name, error), fail);
        }
    }

    @Override
    public boolean isCompleted() {
        return completed.get();
    }

    private void deliver(ObjectNode payload, Value outcomeCallback) {
        dispatcher.loop().execute(() -> {
            dispatcher.recordResult(logName, payload);
            Value jsPayload = dispatcher.js().fromJson(payload);
            if (outcomeCallback != null) {
                dispatcher.invokeCallback(outcomeCallback, jsPayload);
            }
            if (complete != null) {
                dispatcher.invokeCallback(complete, jsPayload);
            }
        });
    }
}
