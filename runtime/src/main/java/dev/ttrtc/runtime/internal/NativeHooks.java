package dev.ttrtc.runtime.internal;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ttrtc.runtime.EventLog;
import dev.ttrtc.runtime.HostEvent;
import dev.ttrtc.runtime.internal.apis.window.PageWindows;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.graalvm.polyglot.Value;
import org.graalvm.polyglot.proxy.ProxyExecutable;
import org.graalvm.polyglot.proxy.ProxyObject;

/**
 * The host functions the bootstrap and framework scripts call: console output, errors, timers,
 * app events, and page changes (told to the page windows too). They are reachable only through those scripts' closures, never from a global.
 */
final class NativeHooks {
    /** The API a hook serves, for the messages of errors it throws into JS. */
    private static final Map<String, String> PUBLIC_NAMES = Map.of("dataChanged", "setData", "viewData", "setData",
            "pageData", "setData", "pageShown", "navigation");

    private final EventLog log;
    private final ErrorReporter errors;
    private final EventLoop loop;
    private final AtomicReference<PageState> pageState;
    private final SourceLocations locations;
    private final PageWindows pages;
    private final ViewConnector view;
    private final PatchTrees patches;
    // Set once the bootstrap (which receives these hooks) has run; hooks run only after that.
    private volatile JsBridge js;

    NativeHooks(EventLog log, ErrorReporter errors, EventLoop loop, AtomicReference<PageState> pageState,
            SourceLocations locations, PageWindows pages, ViewConnector view, PatchTrees patches) {
        this.log = log;
        this.errors = errors;
        this.loop = loop;
        this.pageState = pageState;
        this.locations = locations;
        this.pages = pages;
        this.view = view;
        this.patches = patches;
    }

    void attach(JsBridge bridge) {
        this.js = bridge;
    }

    ProxyObject proxy() {
        Map<String, Object> hooks = new HashMap<>();
        hooks.put("log", (ProxyExecutable) a -> {
            String level = a[0].asString();
            // An error's stack printed by the script names positions of the code the engine ran.
            String text = locations.rewrite(a[1].asString());
            ObjectNode data = JsonNodeFactory.instance.objectNode().put("level", level);
            log.record(HostEvent.Kind.CONSOLE, level, text, data);
            return null;
        });
        hooks.put("reportError", (ProxyExecutable) a -> {
            errors.reportThrown(a[0]);
            return null;
        });
        hooks.put("reportErrorUndelivered", (ProxyExecutable) a -> {
            errors.reportThrownUndelivered(a[0]);
            return null;
        });
        hooks.put("unhandledRejection", (ProxyExecutable) a -> {
            errors.reportRejection(a[0], a.length > 1 ? a[1] : null);
            return null;
        });
        hooks.put("appEvent", (ProxyExecutable) a -> {
            String event = a[0].asString();
            ObjectNode data = JsonNodeFactory.instance.objectNode().put("listeners", a[1].asInt());
            log.record(HostEvent.Kind.EVENT, event, "app " + event, data);
            return null;
        });
        hooks.put("pageUnloaded", (ProxyExecutable) a -> {
            pages.pageUnloaded(a[0].asInt());
            return null;
        });
        hooks.put("problem", (ProxyExecutable) a -> {
            errors.problem(a[0].asString(), a[1].asString());
            return null;
        });
        TimerHooks.addTo(hooks, loop);
        hooks.put("nextTurn", (ProxyExecutable) a -> {
            Value callback = a[0];
            loop.execute(callback::executeVoid);
            return null;
        });
        hooks.put("lifecycle", (ProxyExecutable) a -> ran(HostEvent.Kind.LIFECYCLE, a));
        hooks.put("handler", (ProxyExecutable) a -> ran(HostEvent.Kind.HANDLER, a));
        hooks.put("pageShown", (ProxyExecutable) a -> {
            JsonNode query = JsBridge.parse(a[1].asString());
            JsonNode data = JsBridge.parse(a[2].asString());
            JsonNode stack = JsBridge.parse(a[3].asString());
            // The window (tab bar, title) first: once route() names the page, the window shows it.
            pages.pageShown(a[4].asInt(), a[0].asString(), stack.size());
            pageShown(a[0].asString(), query, data, stack);
            return null;
        });
        hooks.put("dataChanged", (ProxyExecutable) a -> {
            dataChanged(a[0].asString(), a[1].asString());
            return null;
        });
        // The top page's setData when its batch holds nothing else: dataChanged, then the view's patch.
        hooks.put("pageData", (ProxyExecutable) a -> {
            String patch = a[1].asString();
            dataChanged(patch, a[2].asString());
            view.dataChanged(a[0].asInt(), patch);
            return null;
        });
        view.addHooks(hooks);
        return guardedHooks(hooks);
    }

    /** Every hook as JS may call it ({@link JsBridge#guarded}): no Java exception reaches the scripts. */
    private ProxyObject guardedHooks(Map<String, Object> hooks) {
        Map<String, Object> guarded = new HashMap<>();
        hooks.forEach((name, hook) -> guarded.put(name, hook instanceof ProxyExecutable f
                ? JsBridge.guarded(PUBLIC_NAMES.getOrDefault(name, name), f, () -> js) : hook));
        return ProxyObject.fromMap(guarded);
    }

    /** A hook or handler of {@code a[0]} (the owner) named {@code a[1]} ran: one entry of {@code kind}. */
    private Object ran(HostEvent.Kind kind, Value[] a) {
        String owner = a[0].asString();
        String name = a[1].asString();
        log.record(kind, name, owner + "." + name, JsonNodeFactory.instance.objectNode().put("owner", owner).put("hook", name));
        return null;
    }

    private void pageShown(String route, JsonNode query, JsonNode data, JsonNode stack) {
        Map<String, String> queryMap = JsBridge.JSON.convertValue(query, new TypeReference<LinkedHashMap<String, String>>() { });
        List<String> routes = JsBridge.JSON.convertValue(stack, new TypeReference<List<String>>() { });
        pageState.set(new PageState(route, Collections.unmodifiableMap(queryMap), List.copyOf(routes),
                new PageData((ObjectNode) data)));
        ObjectNode details = JsonNodeFactory.instance.objectNode();
        details.put("route", route);
        details.set("query", query);
        details.set("stack", stack);
        log.record(HostEvent.Kind.NAVIGATION, route, "page " + route + " " + query, details);
    }

    /**
     * @param patch the patch as the view gets it (JSON text)
     * @param logged the patch as the event log shows it, or null when that is {@code patch} (most often)
     */
    private void dataChanged(String patch, String logged) {
        PageState state = pageState.get();
        ObjectNode tree = patches.read(patch);
        state.data().patch(tree);
        ObjectNode details = JsonNodeFactory.instance.objectNode();
        // The log's entries reach embedders, who may change them: the log keeps a tree of its own.
        details.set("patch", logged == null ? tree.deepCopy() : JsBridge.parse(logged));
        log.record(HostEvent.Kind.DATA, state.route(), "setData " + (logged == null ? patch : logged), details);
    }
}
