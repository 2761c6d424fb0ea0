package dev.ttrtc.runtime.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.ttrtc.runtime.api.ApiException;
import dev.ttrtc.runtime.api.ApiParams;
import java.util.Arrays;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.stream.Collectors;
import org.graalvm.polyglot.Value;

/** {@link ApiParams} over a JS object; a missing or non-object parameter reads as empty. */
final class ValueParams implements ApiParams {
    private final JsBridge js;
    private final Value object;
    private final String path;

    ValueParams(JsBridge js, Value value, String path) {
        this.js = js;
        this.object = isPlainObject(value) ? value : null;
        this.path = path;
    }

    static boolean isPlainObject(Value value) {
        return value != null && value.hasMembers() && !value.isNull() && !value.canExecute() && !value.hasArrayElements()
                && !value.isString() && !value.isNumber() && !value.isBoolean();
    }

    @Override
    public String path() {
        return path;
    }

    private Value get(String key) {
        if (object == null) {
            return null;
        }
        Value member = object.getMember(key);
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

    private ApiException typeError(String key, String expected, Value actual) {
        return ApiException.parameter("expect " + path + "." + key + " to be " + expected + ", but got " + typeOf(actual));
    }

    @Override
    public String string(String key) throws ApiException {
        Value v = get(key);
        if (v == null || !v.isString()) {
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
        if (v != null && v.isNumber() && v.fitsInInt()) {
            int n = v.asInt();
            for (int a : allowed) {
                if (a == n) {
                    return n;
                }
            }
        }
        String list = Arrays.stream(allowed).mapToObj(Integer::toString).collect(Collectors.joining(", "));
        throw ApiException.parameter("expect " + path + "." + key + " to be one of " + list + ", but got " + describe(v));
    }

    @Override
    public String stringOneOf(String key, String... allowed) throws ApiException {
        Value v = get(key);
        if (v != null && v.isString() && Arrays.asList(allowed).contains(v.asString())) {
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
        if (v == null || !v.isBoolean()) {
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
        if (v == null || !v.isNumber() || !v.fitsInDouble() || !Double.isFinite(v.asDouble())) {
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
        if (!isPlainObject(v)) {
            throw typeError(key, "object", v);
        }
        return new ValueParams(js, v, path + "." + key);
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
