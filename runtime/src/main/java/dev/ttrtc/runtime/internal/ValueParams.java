package dev.ttrtc.runtime.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.ttrtc.runtime.api.ApiException;
import dev.ttrtc.runtime.api.ApiParams;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.stream.Collectors;
import org.graalvm.polyglot.PolyglotException;
import org.graalvm.polyglot.Value;

/** {@link ApiParams} over a JS object; a missing or non-object parameter reads as empty. */
final class ValueParams implements ApiParams {
    private final JsBridge js;
    private final Value object;
    private final String path;

    ValueParams(JsBridge js, Value value, String path) {
        this.js = js;
        this.object = isPlainObject(js, value) ? value : null;
        this.path = path;
    }

    /**
     * An object whose fields an API reads: {@code typeof} says object (so String, Number and
     * Boolean objects count, as they do in JS) and it is neither null nor an array.
     */
    static boolean isPlainObject(JsBridge js, Value value) {
        return value != null && value.hasMembers() && !value.isNull() && !value.canExecute() && !value.hasArrayElements()
                && "object".equals(js.typeOf(value));
    }

    @Override
    public String path() {
        return path;
    }

    private Value get(String key) {
        if (object == null) {
            return null;
        }
        Value member = js.readMember(object, key);
        return member == null || (member.isNull() && "undefined".equals(js.typeOf(member))) ? null : member;
    }

    @Override
    public boolean has(String key) {
        return get(key) != null;
    }

    private String typeOf(Value v) {
        return v == null ? "undefined" : js.typeOf(v);
    }

    private String describe(Value v) {
        return v == null ? "undefined" : js.describe(v);
    }

    /** A JS string primitive: not a String object (interop calls both strings), as {@code typeof} says. */
    static boolean isJsString(JsBridge js, Value v) {
        return v != null && v.isString() && "string".equals(js.typeOf(v));
    }

    /** A JS number primitive: not a BigInt or a Number object (interop calls them numbers too). */
    static boolean isJsNumber(JsBridge js, Value v) {
        return v != null && v.isNumber() && v.fitsInDouble() && "number".equals(js.typeOf(v));
    }

    /** A JS boolean primitive: not a Boolean object. */
    static boolean isJsBoolean(JsBridge js, Value v) {
        return v != null && v.isBoolean() && "boolean".equals(js.typeOf(v));
    }

    private ApiException typeError(String key, String expected, Value actual) {
        return ApiException.parameter("expect " + path + "." + key + " to be " + expected + ", but got " + typeOf(actual));
    }

    @Override
    public String string(String key) throws ApiException {
        Value v = get(key);
        if (!isJsString(js, v)) {
            throw typeError(key, "string", v);
        }
        return v.asString();
    }

    @Override
    public Optional<String> optionalString(String key) throws ApiException {
        return has(key) ? Optional.of(string(key)) : Optional.empty();
    }

    @Override
    public int intOneOf(String key, int... allowed) throws ApiException {
        Value v = get(key);
        if (isJsNumber(js, v)) {
            // Compared as JS compares numbers: -0 is 0.
            double n = v.asDouble();
            for (int a : allowed) {
                if (a == n) {
                    return a;
                }
            }
        }
        String list = Arrays.stream(allowed).mapToObj(Integer::toString).collect(Collectors.joining(", "));
        throw ApiException.parameter("expect " + path + "." + key + " to be one of " + list + ", but got " + describe(v));
    }

    @Override
    public String stringOneOf(String key, String... allowed) throws ApiException {
        Value v = get(key);
        if (isJsString(js, v) && Arrays.asList(allowed).contains(v.asString())) {
            return v.asString();
        }
        String list = Arrays.stream(allowed).map(a -> "\"" + a + "\"").collect(Collectors.joining(", "));
        throw ApiException.parameter("expect " + path + "." + key + " to be one of " + list + ", but got " + describe(v));
    }

    @Override
    public String optionalStringOneOf(String key, String fallback, String... allowed) throws ApiException {
        return has(key) ? stringOneOf(key, allowed) : fallback;
    }

    @Override
    public boolean bool(String key) throws ApiException {
        Value v = get(key);
        if (!isJsBoolean(js, v)) {
            throw typeError(key, "boolean", v);
        }
        return v.asBoolean();
    }

    @Override
    public boolean optionalBool(String key, boolean fallback) throws ApiException {
        return has(key) ? bool(key) : fallback;
    }

    @Override
    public double number(String key) throws ApiException {
        Value v = get(key);
        if (!isJsNumber(js, v) || !Double.isFinite(v.asDouble())) {
            throw typeError(key, "number", v);
        }
        return v.asDouble();
    }

    @Override
    public OptionalDouble optionalNumber(String key) throws ApiException {
        return has(key) ? OptionalDouble.of(number(key)) : OptionalDouble.empty();
    }

    @Override
    public Optional<ApiParams> optionalObject(String key) throws ApiException {
        return has(key) ? Optional.of(object(key)) : Optional.empty();
    }

    @Override
    public ApiParams object(String key) throws ApiException {
        Value v = get(key);
        if (!isPlainObject(js, v)) {
            throw typeError(key, "object", v);
        }
        return new ValueParams(js, v, path + "." + key);
    }

    @Override
    public String kindOf(String key) {
        Value v = get(key);
        return v == null ? "undefined" : js.kindOf(v);
    }

    @Override
    public byte[] arrayBuffer(String key) throws ApiException {
        Value v = get(key);
        if (v == null || !v.hasBufferElements()) {
            throw ApiException.parameter("expect " + path + "." + key + " to be ArrayBuffer, but got " + kindOf(key));
        }
        return JsBridge.bytesOf(v);
    }

    @Override
    public Optional<String> stringify(String key) throws ApiException {
        Value v = get(key);
        if (v == null) {
            return Optional.empty();
        }
        try {
            return Optional.ofNullable(js.stringify(v));
        } catch (PolyglotException e) {
            if (!e.isGuestException() || e.isInterrupted() || e.isCancelled()) {
                throw e;
            }
            throw ApiException.parameter(path + "." + key + " cannot be converted to JSON");
        }
    }

    @Override
    public Map<String, String> optionalStringMap(String key) throws ApiException {
        Value v = get(key);
        if (v == null) {
            return Map.of();
        }
        // Arrays count: their entries are their indexes, as Object.keys gives them.
        if (!isPlainObject(js, v) && !(v.hasArrayElements() && "object".equals(js.typeOf(v)))) {
            throw typeError(key, "object", v);
        }
        return js.stringEntries(v);
    }

    @Override
    public JsonNode json(String key) {
        Value v = get(key);
        return v == null ? JsonNodeFactory.instance.missingNode() : js.toJson(v);
    }

    @Override
    public JsonNode json() {
        return object == null ? JsonNodeFactory.instance.objectNode() : js.toJson(object);
    }
}
