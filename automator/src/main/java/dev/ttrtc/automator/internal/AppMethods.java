package dev.ttrtc.automator.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;
import java.util.regex.Pattern;

/** {@code App.*}: the page stack, {@code tt} calls and mocks, evaluation, logs, bindings, screenshots. */
final class AppMethods {
    /** A name a global function can have. */
    private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_$][A-Za-z0-9_$]*");

    private final Session session;
    private final InstanceScript script;
    private final EventForwarder events;
    private final Screenshots screenshots;

    AppMethods(Session session, InstanceScript script, EventForwarder events, Screenshots screenshots) {
        this.session = session;
        this.script = script;
        this.events = events;
        this.screenshots = screenshots;
    }

    void register(Map<String, Session.Handler> methods) {
        methods.put("App.getPageStack", p -> {
            ObjectNode result = JsonNodeFactory.instance.objectNode();
            result.set("pageStack", call("App.getPageStack", "stack"));
            return result;
        });
        methods.put("App.getCurrentPage", p -> call("App.getCurrentPage", "current"));
        methods.put("App.callWxMethod", this::callWxMethod);
        methods.put("App.mockWxMethod", this::mockWxMethod);
        methods.put("App.callFunction", p -> call("App.callFunction", "evaluate", p.string("functionDeclaration"), p.array("args")));
        methods.put("App.enableLog", p -> {
            session.program();
            events.enableLog();
            return empty();
        });
        methods.put("App.addBinding", p -> {
            String name = p.string("name");
            if (!IDENTIFIER.matcher(name).matches()) {
                throw AutomatorError.BAD_PARAM.error("App.addBinding", "name", "must be a JS identifier");
            }
            return call("App.addBinding", "addBinding", name, EventForwarder.BINDING_MARKER);
        });
        methods.put("App.captureScreenshot", p -> {
            String html = Views.read(() -> session.program().view().html());
            JsonNode info = call("App.captureScreenshot", "callWx", "getSystemInfoSync", JsonNodeFactory.instance.arrayNode()).path("result");
            String png = screenshots.capture(html, info.path("windowWidth").asInt(375), info.path("windowHeight").asInt(667));
            return JsonNodeFactory.instance.objectNode().put("data", png);
        });
        // The instance's lifetime belongs to tt-host run or the embedder: exiting answers and
        // leaves it running for the next script.
        methods.put("App.exit", p -> empty());
    }

    private JsonNode callWxMethod(Params p) {
        rejectPlugin(p);
        String method = p.string("method");
        return call("App.callWxMethod " + method, "callWx", method, p.array("args"));
    }

    /**
     * {@code mockWxMethod(m, value)} sends {@code result}; {@code mockWxMethod(m, fn, ...args)}
     * sends {@code functionDeclaration} and {@code args}; {@code restoreWxMethod(m)} sends neither.
     */
    private JsonNode mockWxMethod(Params p) {
        rejectPlugin(p);
        String method = p.string("method");
        if (p.has("functionDeclaration")) {
            return call("App.mockWxMethod", "mock", method, "function", p.string("functionDeclaration"), p.array("args"));
        }
        if (p.has("result")) {
            return call("App.mockWxMethod", "mock", method, "result", p.any("result"), null);
        }
        return call("App.mockWxMethod", "restore", method);
    }

    private static void rejectPlugin(Params p) {
        if (p.has("pluginId") && !p.any("pluginId").isNull()) {
            throw AutomatorError.UNSUPPORTED.error(p.method() + " with a pluginId", "tt-rtc-host runs no mini-program plugins");
        }
    }

    private JsonNode call(String what, String function, Object... args) {
        return script.call(session.program(), what, function, args);
    }

    private static ObjectNode empty() {
        return JsonNodeFactory.instance.objectNode();
    }
}
