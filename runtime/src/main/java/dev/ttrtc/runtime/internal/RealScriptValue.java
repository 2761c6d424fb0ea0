package dev.ttrtc.runtime.internal;

import dev.ttrtc.runtime.script.ScriptException;
import dev.ttrtc.runtime.script.ScriptFunction;
import dev.ttrtc.runtime.script.ScriptValue;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.graalvm.polyglot.Context;
import org.graalvm.polyglot.PolyglotException;
import org.graalvm.polyglot.Value;
import org.graalvm.polyglot.proxy.ProxyExecutable;
import org.graalvm.polyglot.proxy.ProxyObject;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** A {@link ScriptValue} over a GraalJS value; converts what crosses into JS (see ScriptValue). */
final class RealScriptValue implements ScriptValue {
    private static final Logger LOG = LoggerFactory.getLogger(RealScriptValue.class);
    private final Value value;

    RealScriptValue(Value value) {
        this.value = value;
    }

    @Override
    public boolean isNull() {
        return value.isNull();
    }

    @Override
    public String asString() {
        return value.asString();
    }

    @Override
    public int asInt() {
        return value.asInt();
    }

    @Override
    public long asLong() {
        return value.asLong();
    }

    @Override
    public boolean asBoolean() {
        return value.asBoolean();
    }

    @Override
    public ScriptValue call(Object... args) {
        try {
            return new RealScriptValue(value.execute(toJs(args)));
        } catch (PolyglotException e) {
            throw RealScriptContext.translate(e);
        }
    }

    @Override
    public ScriptValue invoke(String name, Object... args) {
        try {
            return new RealScriptValue(value.invokeMember(name, toJs(args)));
        } catch (PolyglotException e) {
            throw RealScriptContext.translate(e);
        }
    }

    private static Object[] toJs(Object[] args) {
        Object[] converted = new Object[args.length];
        for (int i = 0; i < args.length; i++) {
            converted[i] = toJs(args[i]);
        }
        return converted;
    }

    private static Object toJs(Object arg) {
        if (arg == null || arg instanceof String || arg instanceof Number || arg instanceof Boolean) {
            return arg;
        }
        if (arg instanceof RealScriptValue scriptValue) {
            return scriptValue.value;
        }
        if (arg instanceof ScriptFunction function) {
            return proxy(function);
        }
        if (arg instanceof Map<?, ?> functions) {
            Map<String, Object> members = new HashMap<>();
            functions.forEach((name, function) -> members.put((String) name, proxy((ScriptFunction) function)));
            return ProxyObject.fromMap(members);
        }
        throw new IllegalArgumentException("cannot hand a " + arg.getClass().getSimpleName() + " to a script");
    }

    private static final Set<Class<?>> REFUSALS = Set.of(IllegalArgumentException.class, IllegalStateException.class,
            UnsupportedOperationException.class);

    private static ProxyExecutable proxy(ScriptFunction function) {
        return args -> {
            ScriptValue[] wrapped = new ScriptValue[args.length];
            for (int i = 0; i < args.length; i++) {
                wrapped[i] = new RealScriptValue(args[i]);
            }
            try {
                return function.call(wrapped);
            } catch (ScriptException e) {
                // JS that a Java function called back threw: the calling JS sees that very error.
                if (e.getCause() instanceof PolyglotException original) {
                    throw original;
                }
                throw e;
            } catch (PolyglotException e) {
                throw e;
            } catch (RuntimeException e) {
                // The host's own refusals (a bad selector, an element that cannot do that) are these
                // exact classes, and the script sees an Error with the reason, never a Java exception
                // with its class name. Their subclasses (NumberFormatException, InvalidPathException…)
                // carry the JDK's wording about a value the host should have checked first: a host bug.
                if (REFUSALS.contains(e.getClass())) {
                    throw jsError(e.getMessage() == null ? "tt-rtc-host refused this call" : e.getMessage());
                }
                throw hostFailed(e);
            }
        };
    }

    private static PolyglotException hostFailed(RuntimeException e) {
        LOG.error("a host function failed", e);
        return jsError("tt-rtc-host failed to answer this call (a bug in the host; its log has the details)");
    }

    /** Throws a JS Error with {@code message} in the calling context; the PolyglotException is returned for the caller to throw. */
    private static PolyglotException jsError(String message) {
        try {
            Context.getCurrent().eval("js", "(m) => { throw new Error(m); }").execute(message);
        } catch (PolyglotException thrown) {
            return thrown;
        }
        throw new IllegalStateException("a JS throw did not throw");
    }
}
