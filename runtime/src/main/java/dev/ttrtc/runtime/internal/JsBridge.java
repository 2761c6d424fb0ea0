package dev.ttrtc.runtime.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Consumer;
import org.graalvm.polyglot.Context;
import org.graalvm.polyglot.PolyglotException;
import org.graalvm.polyglot.Source;
import org.graalvm.polyglot.Value;
import org.graalvm.polyglot.proxy.ProxyArray;
import org.graalvm.polyglot.proxy.ProxyExecutable;
import org.graalvm.polyglot.proxy.ProxyObject;

/**
 * Moves values across the JS/Java boundary of one context, through helpers the bootstrap script
 * returns (they hold the original built-ins, safe from project code). Loop thread only.
 */
public final class JsBridge {
    static final ObjectMapper JSON = new ObjectMapper();

    private final Context context;
    private final Value helpers;
    private final Value undefined;
    private final Value readMember;
    private final Value deepFreeze;
    private final Value defineAccessor;
    private final Value defineFunctions;

    private JsBridge(Context context, Value helpers) {
        this.context = context;
        this.helpers = helpers;
        this.defineFunctions = context.eval("js", "(function defineFunctions(target, names, hosts, wrap) {"
                + " for (let i = 0; i < names.length; i++) { target[names[i]] = wrap(names[i], hosts[i]); } })");
        this.undefined = context.eval("js", "undefined");
        this.readMember = context.eval("js", "(function readMember(object, key) { return object[key]; })");
        this.deepFreeze = context.eval("js", "(function deepFreeze(value) { if (value !== null && typeof value === 'object') {"
                + " Object.values(value).forEach(deepFreeze); Object.freeze(value); } return value; })");
        this.defineAccessor = context.eval("js", "(function defineAccessor(object, name, get, set) {"
                + " Object.defineProperty(object, name, { enumerable: true, get: function () { return get(); },"
                + " set: function (value) { if (set !== undefined) set(value); } }); })");
    }

    /** Runs the bootstrap in {@code context}, giving it the host's native hooks. */
    public static JsBridge install(Context context, ProxyObject nativeHooks) {
        Value bootstrap = context.eval(hostSource("bootstrap.js"));
        return new JsBridge(context, bootstrap.execute(nativeHooks));
    }

    /** A script shipped with the runtime, named so error reports can tell it from project files. */
    static Source hostSource(String resource) {
        try (InputStream in = JsBridge.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing runtime resource " + resource);
            }
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            return Source.newBuilder("js", text, JsError.HOST_SOURCE_PREFIX + resource).buildLiteral();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Context context() {
        return context;
    }

    /**
     * JSON text of any JS value (functions, cycles and the like described as strings). A value
     * that throws while it is inspected (a Proxy whose ownKeys trap throws, a throwing toJSON
     * getter) is {@code "[Unserializable]"}: describing a value for the log must not fail the
     * API call that logs it.
     */
    public String toJsonText(Value value) {
        try {
            return helpers.invokeMember("toJson", value).asString();
        } catch (PolyglotException e) {
            if (!isOrdinaryGuestError(e)) {
                throw e;
            }
            return "\"[Unserializable]\"";
        }
    }

    /**
     * {@code object[key]}, read as JS reads it: getters, inherited properties and Proxy traps run
     * as in JS, and what they throw propagates. Reading through JS rather than
     * {@code Value.getMember} keeps the interop protocol's invariants (which a Proxy need not
     * honour) out of the way.
     */
    public Value readMember(Value object, String key) {
        return readMember.execute(object, key);
    }

    /** An error the guest code threw, as opposed to an interrupt, a cancel or an exhausted resource. */
    private static boolean isOrdinaryGuestError(PolyglotException e) {
        return e.isGuestException() && !e.isInterrupted() && !e.isCancelled() && !e.isExit() && !e.isResourceExhausted();
    }

    public JsonNode toJson(Value value) {
        return parse(toJsonText(value));
    }

    /** A fresh JS value built from JSON. */
    public Value fromJson(JsonNode node) {
        return fromJsonText(node == null ? "null" : node.toString());
    }

    public Value fromJsonText(String json) {
        return helpers.invokeMember("parseJson", json);
    }

    /** JS {@code undefined}, for host functions that return nothing (Java null would be JS null). */
    public Value undefined() {
        return undefined;
    }

    /** A fresh JS value built from JSON, frozen all the way down (a constant such as {@code tt.env}). */
    public Value frozen(JsonNode node) {
        return deepFreeze.execute(fromJson(node));
    }

    /** Defines {@code object[name]} as an accessor calling {@code get()} and {@code set(value)} (undefined: ignored). */
    void defineAccessor(Value object, String name, Value get, Value set) {
        defineAccessor.execute(object, name, get, set);
    }

    public Value newObject() {
        return helpers.invokeMember("newObject");
    }

    /** A real JS function named {@code name} that calls {@code function}. */
    public Value function(String name, ProxyExecutable function) {
        return helpers.invokeMember("wrapNative", name, function);
    }

    /**
     * Puts {@code target[names[i]] = function(hosts[i])} for every i in one call into JS: an
     * instance's {@code tt} has some 170 functions, and one crossing per function adds up at launch.
     */
    public void defineFunctions(Value target, List<String> names, List<ProxyExecutable> hosts) {
        defineFunctions.execute(target, ProxyArray.fromList(List.copyOf(names)),
                ProxyArray.fromList(List.copyOf(hosts)), helpers.getMember("wrapNative"));
    }

    /** Throws a JS {@code Error} with this message into the JS code that called the host. */
    public RuntimeException throwError(String message) {
        helpers.invokeMember("makeError", message).throwException();
        throw new AssertionError("unreachable");
    }

    /** {@code typeof value}, with {@code "null"} for null. */
    public String typeOf(Value value) {
        return helpers.invokeMember("typeOf", value).asString();
    }

    /**
     * The value as the platform's messages show it: {@code 7}, {@code abc}, {@code undefined},
     * {@code object}; a value that throws while it is looked at (a revoked Proxy) is shown by its
     * {@code typeof}.
     */
    public String describe(Value value) {
        try {
            return helpers.invokeMember("describe", value).asString();
        } catch (PolyglotException e) {
            if (!isOrdinaryGuestError(e)) {
                throw e;
            }
            return typeOf(value);
        }
    }

    /** Calls {@code onValue} with the value as JSON text once it settles (promises are awaited). */
    public void settle(Value value, Consumer<String> onValue, Consumer<Value> onError) {
        helpers.invokeMember("settle", value,
                (ProxyExecutable) args -> {
                    onValue.accept(args[0].asString());
                    return null;
                },
                (ProxyExecutable) args -> {
                    onError.accept(args[0]);
                    return null;
                });
    }

    /** Evaluates source text as a global script (indirect eval). */
    public Value evalGlobal(String source) {
        return helpers.invokeMember("evalGlobal", source);
    }

    Value helpers() {
        return helpers;
    }

    static JsonNode parse(String json) {
        try {
            return JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("the bootstrap produced invalid JSON", e);
        }
    }
}
