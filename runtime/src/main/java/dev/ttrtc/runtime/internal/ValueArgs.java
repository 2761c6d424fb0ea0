package dev.ttrtc.runtime.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.ttrtc.runtime.api.ApiArgs;
import dev.ttrtc.runtime.api.ApiParams;
import dev.ttrtc.runtime.api.JsCallback;
import java.util.Optional;
import java.util.OptionalDouble;
import org.graalvm.polyglot.Value;

/** {@link ApiArgs} over the arguments JS passed to a host function. */
final class ValueArgs implements ApiArgs {
    private final JsBridge js;
    private final Value[] args;
    private final Value[] passed;

    /** {@code args}: the arguments as read once (snapshots); {@code passed}: the same as JS passed them. */
    ValueArgs(JsBridge js, Value[] args, Value[] passed) {
        this.js = js;
        this.args = args;
        this.passed = passed;
    }

    private Value at(int index) {
        return index < args.length ? args[index] : null;
    }

    /**
     * The argument as JS passed it, not its snapshot (null past the end): for the host's own APIs
     * that need the object itself, such as a component instance.
     */
    Value raw(int index) {
        return index < passed.length ? passed[index] : null;
    }

    @Override
    public int count() {
        return args.length;
    }

    @Override
    public String typeOf(int index) {
        Value v = at(index);
        return v == null ? "undefined" : js.typeOf(v);
    }

    @Override
    public String describe(int index) {
        Value v = at(index);
        return v == null ? "undefined" : js.describe(v);
    }

    @Override
    public Optional<String> string(int index) {
        Value v = at(index);
        return ValueParams.isJsString(js, v) ? Optional.of(v.asString()) : Optional.empty();
    }

    @Override
    public OptionalDouble number(int index) {
        Value v = at(index);
        return ValueParams.isJsNumber(js, v) ? OptionalDouble.of(v.asDouble()) : OptionalDouble.empty();
    }

    @Override
    public Optional<byte[]> arrayBuffer(int index) {
        Value v = at(index);
        return v != null && v.hasBufferElements() ? Optional.of(JsBridge.bytesOf(v)) : Optional.empty();
    }

    @Override
    public JsonNode json(int index) {
        Value v = at(index);
        return v == null ? JsonNodeFactory.instance.nullNode() : js.toJson(v);
    }

    @Override
    public Optional<ApiParams> params(int index) {
        Value v = at(index);
        return ValueParams.isPlainObject(js, v) ? Optional.of(new ValueParams(js, v, "params")) : Optional.empty();
    }

    @Override
    public Optional<JsCallback> callback(int index) {
        Value v = at(index);
        return v != null && v.canExecute() ? Optional.of(new ValueHandle(v)) : Optional.empty();
    }
}
