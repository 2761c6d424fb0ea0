package dev.ttrtc.runtime.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ttrtc.runtime.EventLog;
import dev.ttrtc.runtime.HostEvent;
import dev.ttrtc.runtime.view.SjsException;
import dev.ttrtc.runtime.view.SjsModule;
import dev.ttrtc.runtime.view.SjsSandbox;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.graalvm.polyglot.Context;
import org.graalvm.polyglot.PolyglotException;
import org.graalvm.polyglot.Source;
import org.graalvm.polyglot.Value;
import org.graalvm.polyglot.proxy.ProxyExecutable;
import org.graalvm.polyglot.proxy.ProxyObject;

/**
 * The SJS sandbox of one instance: a sandboxed GraalJS context of its own (never the logic
 * layer's), made from the shared engine on first use. SJS runs inside the instance's loop
 * tasks, so the watchdog's task budget covers it: a runaway SJS call is interrupted like any
 * runaway task ({@link #interrupt}), fails with an error, and the sandbox stays usable.
 * Loop thread only, except {@link #interrupt}.
 */
final class SjsContext implements SjsSandbox, AutoCloseable {
    private final EventLog log;
    private volatile Context context;
    private Value helpers;

    SjsContext(EventLog log) {
        this.log = log;
    }

    private void open() {
        if (context != null) {
            return;
        }
        context = SharedEngine.newContext();
        Map<String, Object> hooks = new HashMap<>();
        hooks.put("log", (ProxyExecutable) a -> {
            ObjectNode data = JsonNodeFactory.instance.objectNode().put("level", "log").put("source", "sjs");
            log.record(HostEvent.Kind.CONSOLE, "log", a[0].asString(), data);
            return null;
        });
        helpers = context.eval(JsBridge.hostSource("sjs.js")).execute(ProxyObject.fromMap(hooks));
    }

    @Override
    public SjsModule evaluate(String name, int lineOffset, String source, SjsRequire require) throws SjsException {
        open();
        String prepared = SjsSource.prepare(name, lineOffset, source);
        String wrapped = "(function (module, exports, require) {" + "\n".repeat(Math.max(0, lineOffset)) + prepared + "\n})";
        return guarded(() -> {
            Value fn;
            try {
                fn = context.eval(Source.newBuilder("js", wrapped, name).buildLiteral());
            } catch (PolyglotException e) {
                if (e.isSyntaxError()) {
                    throw new SjsException(JsError.of(e).location() + ": " + JsError.of(e).message());
                }
                throw e;
            }
            ProxyExecutable requireHook = args -> {
                try {
                    return ((Module) require.require(args[0].asString(), args[1].asString())).module.getMember("exports");
                } catch (SjsException e) {
                    helpers.invokeMember("makeError", e.getMessage()).throwException();
                    throw new AssertionError("unreachable");
                }
            };
            Value result = helpers.invokeMember("run", fn, name, requireHook);
            if (!result.getArrayElement(0).asBoolean()) {
                throw new SjsException(name + ": " + result.getArrayElement(1).asString());
            }
            Value module = result.getArrayElement(2);
            return new Module(name, module, JsBridge.parse(helpers.invokeMember("exportsJson", module).asString()));
        });
    }

    private interface Action<T> {
        T run() throws SjsException;
    }

    /** Runs an evaluation or call; an interrupt by the watchdog becomes an SjsException. */
    private <T> T guarded(Action<T> action) throws SjsException {
        try {
            return action.run();
        } catch (PolyglotException e) {
            if (e.isInterrupted()) {
                throw new SjsException("the SJS call ran past the task budget and was interrupted");
            }
            if (e.isCancelled()) {
                throw new SjsException("the SJS sandbox was closed");
            }
            if (e.isHostException() && e.asHostException() instanceof RuntimeException re) {
                throw re;
            }
            throw new SjsException(JsError.of(e).message());
        }
    }

    /**
     * Interrupts the SJS code running now, if any (called by the watchdog's interrupter thread
     * before it interrupts the logic layer, which waits on the stack below the SJS call).
     */
    void interrupt(java.time.Duration grace) {
        Context c = context;
        if (c == null) {
            return;
        }
        try {
            c.interrupt(grace);
        } catch (java.util.concurrent.TimeoutException | IllegalStateException e) {
            // Still running or closed: the logic layer's interrupt and the instance's stop follow.
        }
    }

    @Override
    public void close() {
        if (context != null) {
            context.close(true);
            context = null;
        }
    }

    private final class Module implements SjsModule {
        final String name;
        final Value module;
        final JsonNode exports;

        Module(String name, Value module, JsonNode exports) {
            this.name = name;
            this.module = module;
            this.exports = exports;
        }

        @Override
        public JsonNode exports() {
            return exports;
        }

        @Override
        public JsonNode call(List<String> path, List<JsonNode> arguments) throws SjsException {
            open();
            ArrayNode args = JsonNodeFactory.instance.arrayNode();
            arguments.forEach(a -> args.add(a == null || a.isMissingNode() ? JsonNodeFactory.instance.nullNode() : a));
            ArrayNode pathJson = JsonNodeFactory.instance.arrayNode();
            path.forEach(pathJson::add);
            return guarded(() -> {
                Value result = helpers.invokeMember("call", module, pathJson.toString(), args.toString());
                if (!result.getArrayElement(0).asBoolean()) {
                    throw new SjsException(name + ": " + result.getArrayElement(1).asString());
                }
                Value json = result.getArrayElement(1);
                return json.isNull() ? MissingNode.getInstance() : JsBridge.parse(json.asString());
            });
        }
    }
}
