package dev.ttrtc.runtime.internal;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.BinaryNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.POJONode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.function.Supplier;
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
final class JsBridge {
    /** The runtime's own scripts, read once each (see {@link #hostSource}). */
    private static final Map<String, Source> HOST_SOURCES = new ConcurrentHashMap<>();

    /**
     * Reads the JSON texts the bootstrap writes. Jackson's own limits (a string of at most
     * {@value #MAX_JSON_STRING} characters, {@value #MAX_JSON_DEPTH} levels of nesting) are the
     * host's limits for one value crossing from JS; {@link #parse} turns a value past them into a
     * {@link HostLimitException}.
     */
    static final ObjectMapper JSON = new ObjectMapper();
    static final int MAX_JSON_STRING = 20_000_000;
    static final int MAX_JSON_DEPTH = 1000;

    static {
        JSON.getFactory().setStreamReadConstraints(StreamReadConstraints.builder()
                .maxStringLength(MAX_JSON_STRING).maxNameLength(MAX_JSON_STRING).maxNestingDepth(MAX_JSON_DEPTH).build());
    }

    private final Context context;
    private final Value helpers;
    private final Value undefined;
    private final Value readMember;
    private final Value deepFreeze;
    private final Value defineAccessor;
    private final Value defineFunctions;
    private Consumer<Throwable> internalErrors = t -> { };

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

    /**
     * A script shipped with the runtime, named so error reports can tell it from project files.
     * One {@link Source} per script for the JVM's life: the engine keeps parsed code only while
     * its Source is reachable, so the warm-up's parse and every instance's reuse it.
     */
    static Source hostSource(String resource) {
        return HOST_SOURCES.computeIfAbsent(resource, JsBridge::readHostSource);
    }

    private static Source readHostSource(String resource) {
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

    /** Where {@link #guarded} functions report a failure of the host itself (the instance's error reporter). */
    void onInternalError(Consumer<Throwable> reporter) {
        this.internalErrors = reporter;
    }

    /**
     * {@code host} as JS may call it: what the host throws reaches JS as a JS error, never as a
     * Java exception (whose class name and text would leak into JS). A value past a host limit is
     * a {@code RangeError}, memory running out a {@code RangeError} too, any other failure of the
     * host a plain {@code Error "<name>: internal host error"} (and an INTERNAL entry in the log).
     * JS errors thrown inside (a getter, a callback, an interrupt) pass through unchanged.
     */
    ProxyExecutable guarded(String name, ProxyExecutable host) {
        return guarded(name, host, () -> this);
    }

    /** {@link #guarded(String, ProxyExecutable)} for hooks made before the bridge (the bootstrap's own). */
    static ProxyExecutable guarded(String name, ProxyExecutable host, Supplier<JsBridge> bridge) {
        return args -> {
            try {
                return host.execute(args);
            } catch (PolyglotException e) {
                throw e;
            } catch (HostLimitException e) {
                throw bridge.get().throwRangeError(name + ": " + e.getMessage());
            } catch (OutOfMemoryError e) {
                throw bridge.get().throwRangeError(name + ": out of memory");
            } catch (RuntimeException | StackOverflowError e) {
                bridge.get().internalErrors.accept(e);
                throw bridge.get().throwError(name + ": internal host error");
            }
        };
    }

    /**
     * The JSON text the event log keeps of a JS value: as {@link #toJsonText}, with strings and keys
     * longer than {@link JsonTrees#LOG_STRING_LIMIT} cut in JS, before the text is built.
     */
    public JsonNode toLogJson(Value value) {
        try {
            return parse(helpers.invokeMember("toJson", value, JsonTrees.LOG_STRING_LIMIT).asString());
        } catch (PolyglotException e) {
            if (!isOrdinaryGuestError(e)) {
                throw e;
            }
            return JsonNodeFactory.instance.textNode("[Unserializable]");
        }
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

    /**
     * A fresh JS value built from JSON. Two kinds of node reach JS as what they hold rather than
     * as JSON (see {@link dev.ttrtc.runtime.api.JsValues}): a binary node becomes an ArrayBuffer,
     * a POJO node holding a {@link ValueHandle} becomes that JS object.
     */
    public Value fromJson(JsonNode node) {
        if (node != null && JsonTrees.holdsJsValues(node)) {
            return build(node);
        }
        return fromJsonText(node == null ? "null" : node.toString());
    }

    private Value build(JsonNode node) {
        if (node.isBinary()) {
            return newArrayBuffer(((BinaryNode) node).binaryValue());
        }
        if (JsonTrees.isJsObject(node)) {
            return ((ValueHandle) ((POJONode) node).getPojo()).value();
        }
        if (node.isObject()) {
            Value object = newObject();
            node.fields().forEachRemaining(e -> object.putMember(e.getKey(), build(e.getValue())));
            return object;
        }
        if (node.isArray()) {
            Value array = fromJsonText("[]");
            for (int i = 0; i < node.size(); i++) {
                array.setArrayElement(i, build(node.get(i)));
            }
            return array;
        }
        return fromJsonText(node.toString());
    }

    /** A fresh ArrayBuffer with a copy of {@code bytes}. */
    public Value newArrayBuffer(byte[] bytes) {
        return helpers.invokeMember("bytesFromBase64", Base64.getEncoder().encodeToString(bytes));
    }

    /** A copy of the bytes of an ArrayBuffer (JS ArrayBuffers are the only values with buffer elements). */
    public static byte[] bytesOf(Value arrayBuffer) {
        long size = arrayBuffer.getBufferSize();
        if (size > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("ArrayBuffer of " + size + " bytes");
        }
        byte[] bytes = new byte[(int) size];
        arrayBuffer.readBuffer(0, bytes, 0, bytes.length);
        return bytes;
    }

    /**
     * The parameters of one API call with each enumerable property read once (see bootstrap.js):
     * what the event log shows is what the API uses. Non-objects come back as they are.
     */
    public Value snapshotParams(Value params) {
        return helpers.invokeMember("snapshotParams", params);
    }

    /** What an API parameter holds: {@code typeof}, with {@code null}, {@code array} and {@code arraybuffer} named. */
    public String kindOf(Value value) {
        return helpers.invokeMember("kindOf", value).asString();
    }

    /**
     * {@code JSON.stringify(value)} with the original built-in, or null when the value has no JSON
     * form (undefined, a function); what it throws (a cycle, a BigInt) propagates.
     */
    public String stringify(Value value) {
        Value text = helpers.invokeMember("stringify", value);
        return text.isString() ? text.asString() : null;
    }

    /** An object's own enumerable entries, values converted with {@code String()}, undefined ones left out. */
    public Map<String, String> stringEntries(Value object) {
        Value flat = helpers.invokeMember("stringEntries", object);
        Map<String, String> entries = new LinkedHashMap<>();
        for (long i = 0; i + 1 < flat.getArraySize(); i += 2) {
            entries.put(flat.getArrayElement(i).asString(), flat.getArrayElement(i + 1).asString());
        }
        return entries;
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
        return helpers.invokeMember("wrapNative", name, guarded(name, function));
    }

    /**
     * Puts {@code target[names[i]] = function(hosts[i])} for every i in one call into JS: an
     * instance's {@code tt} has some 170 functions, and one crossing per function adds up at launch.
     */
    public void defineFunctions(Value target, List<String> names, List<ProxyExecutable> hosts) {
        List<ProxyExecutable> guardedHosts = new ArrayList<>(hosts.size());
        for (int i = 0; i < hosts.size(); i++) {
            guardedHosts.add(guarded(names.get(i), hosts.get(i)));
        }
        defineFunctions.execute(target, ProxyArray.fromList(List.copyOf(names)),
                ProxyArray.fromList(List.copyOf(guardedHosts)), helpers.getMember("wrapNative"));
    }

    /** Throws a JS {@code Error} with this message into the JS code that called the host. */
    public RuntimeException throwError(String message) {
        helpers.invokeMember("makeError", message).throwException();
        throw new AssertionError("unreachable");
    }

    /** Throws a JS {@code SyntaxError} with this message (a file the compiler refused). */
    public RuntimeException throwSyntaxError(String message) {
        helpers.invokeMember("makeSyntaxError", message).throwException();
        throw new AssertionError("unreachable");
    }

    /** Throws a JS {@code TypeError} with this message (a value of the wrong kind, such as an impossible path). */
    public RuntimeException throwTypeError(String message) {
        helpers.invokeMember("makeTypeError", message).throwException();
        throw new AssertionError("unreachable");
    }

    /** Throws a JS {@code RangeError} with this message (a value past one of the host's limits). */
    public RuntimeException throwRangeError(String message) {
        helpers.invokeMember("makeRangeError", message).throwException();
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

    /**
     * Reads a JSON text the bootstrap wrote.
     *
     * @throws HostLimitException when a string or the nesting is past the host's limits
     */
    static JsonNode parse(String json) {
        try (JsonParser parser = JSON.getFactory().createParser(json)) {
            JsonToken first = parser.nextToken();
            return first == null ? MissingNode.getInstance() : tree(parser, first);
        } catch (StreamConstraintsException e) {
            String what = e.getMessage() != null && e.getMessage().contains("nesting depth")
                    ? "the value is nested deeper than " + MAX_JSON_DEPTH + " levels"
                    : e.getMessage() != null && e.getMessage().contains("length")
                    ? "the value holds a string longer than " + MAX_JSON_STRING + " characters"
                    : "the value is past the host's limits for data from JS";
            throw new HostLimitException(what + " (the host's limit)");
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("the bootstrap produced invalid JSON", e);
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a parser over a String does no IO
        }
    }

    /**
     * The tree of the value that starts at {@code token}, as {@code ObjectMapper.readTree} builds
     * it (ints as int, long or big-integer nodes by size, other numbers as doubles, a repeated key's
     * last value), straight from the parser's tokens: readTree sets up a deserialisation context
     * for each call, and every setData parses its patch. The parser's nesting limit bounds the
     * recursion.
     */
    private static JsonNode tree(JsonParser parser, JsonToken token) throws IOException {
        JsonNodeFactory nodes = JsonNodeFactory.instance;
        switch (token) {
            case START_OBJECT -> {
                ObjectNode object = nodes.objectNode();
                for (String name = parser.nextFieldName(); name != null; name = parser.nextFieldName()) {
                    object.set(name, tree(parser, parser.nextToken()));
                }
                return object;
            }
            case START_ARRAY -> {
                ArrayNode array = nodes.arrayNode();
                for (JsonToken next = parser.nextToken(); next != JsonToken.END_ARRAY; next = parser.nextToken()) {
                    array.add(tree(parser, next));
                }
                return array;
            }
            case VALUE_STRING -> {
                return nodes.textNode(parser.getText());
            }
            case VALUE_NUMBER_INT -> {
                return switch (parser.getNumberType()) {
                    case INT -> nodes.numberNode(parser.getIntValue());
                    case LONG -> nodes.numberNode(parser.getLongValue());
                    default -> nodes.numberNode(parser.getBigIntegerValue());
                };
            }
            case VALUE_NUMBER_FLOAT -> {
                return nodes.numberNode(parser.getDoubleValue());
            }
            case VALUE_TRUE -> {
                return nodes.booleanNode(true);
            }
            case VALUE_FALSE -> {
                return nodes.booleanNode(false);
            }
            case VALUE_NULL -> {
                return nodes.nullNode();
            }
            default -> throw new JsonParseException(parser, "unexpected " + token);
        }
    }
}
