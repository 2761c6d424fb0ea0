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
import java.io.OutputStream;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.graalvm.polyglot.Context;
import org.graalvm.polyglot.Engine;
import org.graalvm.polyglot.PolyglotException;
import org.graalvm.polyglot.ResourceLimits;
import org.graalvm.polyglot.SandboxPolicy;
import org.graalvm.polyglot.Source;
import org.graalvm.polyglot.Value;
import org.graalvm.polyglot.proxy.ProxyExecutable;
import org.graalvm.polyglot.proxy.ProxyObject;

/**
 * The SJS sandbox of one instance: a GraalJS context of its own (never the logic layer's),
 * created on first use, under {@link SandboxPolicy#CONSTRAINED} like every context here, on an
 * engine of its own because every evaluation and call runs under a statement limit (a
 * runaway SJS loop stops with an error instead of hanging the instance's loop; the context is
 * unusable afterwards and later calls fail). Loop thread only.
 */
final class SjsContext implements SjsSandbox, AutoCloseable {
    /** Host rule: one SJS evaluation or call may run this many statements. */
    static final long STATEMENT_LIMIT = 5_000_000;

    private static final class Holder {
        static final Engine ENGINE = Engine.newBuilder("js")
                .sandbox(SandboxPolicy.CONSTRAINED)
                .out(OutputStream.nullOutputStream())
                .err(OutputStream.nullOutputStream())
                .option("engine.WarnInterpreterOnly", "false")
                .build();
    }

    private final EventLog log;
    private Context context;
    private Value helpers;
    private boolean dead;

    SjsContext(EventLog log) {
        this.log = log;
    }

    private void open() throws SjsException {
        if (dead) {
            throw new SjsException("the SJS sandbox was stopped after a runaway call");
        }
        if (context != null) {
            return;
        }
        context = Context.newBuilder("js")
                .engine(Holder.ENGINE)
                .sandbox(SandboxPolicy.CONSTRAINED)
                .out(OutputStream.nullOutputStream())
                .err(OutputStream.nullOutputStream())
                .option("js.load", "false")
                .option("js.print", "false")
                .resourceLimits(ResourceLimits.newBuilder().statementLimit(STATEMENT_LIMIT, null).build())
                .build();
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

    /** Runs under a fresh statement budget; a runaway stops the sandbox for good. */
    private <T> T guarded(Action<T> action) throws SjsException {
        context.resetLimits();
        try {
            return action.run();
        } catch (PolyglotException e) {
            if (e.isResourceExhausted() || e.isCancelled()) {
                dead = true;
                throw new SjsException("an SJS call ran more than " + STATEMENT_LIMIT + " statements and was stopped");
            }
            if (e.isHostException() && e.asHostException() instanceof RuntimeException re) {
                throw re;
            }
            throw new SjsException(JsError.of(e).message());
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
