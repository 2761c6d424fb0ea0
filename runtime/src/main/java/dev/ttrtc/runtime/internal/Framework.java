package dev.ttrtc.runtime.internal;

import dev.ttrtc.runtime.PageEvent;
import java.util.Map;
import org.graalvm.polyglot.Value;
import org.graalvm.polyglot.proxy.ProxyObject;

/**
 * The Java face of framework.js: App/Page/Component registration, the page stack and its
 * lifecycle. Lifecycle hooks that throw are reported by the framework and do not stop it. Loop
 * thread only.
 */
final class Framework {
    private final JsBridge js;
    private final Value framework;
    private final ComponentModel components;

    private Framework(JsBridge js, Value framework, ComponentModel components) {
        this.js = js;
        this.framework = framework;
        this.components = components;
    }

    /** Defines App, Page, Component, Behavior, getApp and getCurrentPages in the context. */
    static Framework install(JsBridge js, ProxyObject hooks) {
        Value definitions = js.context().eval(JsBridge.hostSource("component-definitions.js")).execute(hooks, js.helpers());
        Value selectorQuery = js.context().eval(JsBridge.hostSource("selector-query.js")).execute(hooks, js.helpers());
        Value model = js.context().eval(JsBridge.hostSource("components.js"))
                .execute(hooks, js.helpers(), definitions, selectorQuery);
        Value factory = js.context().eval(JsBridge.hostSource("framework.js"));
        return new Framework(js, factory.execute(hooks, js.helpers(), model), new ComponentModel(model));
    }

    /** The page and component instances, as the view layer drives them. */
    ComponentModel components() {
        return components;
    }

    /** Allows Component() while a component's file runs. */
    void beginComponent(String path) {
        framework.invokeMember("beginComponent", path);
    }

    /** Ends a component file's registration; false when the file did not call Component(). */
    boolean endComponent(String path) {
        return framework.invokeMember("endComponent", path).asBoolean();
    }

    /** Allows Page() while the page's file runs. */
    void beginPage(String route) {
        framework.invokeMember("beginPage", route);
    }

    /** Ends a page file's registration; false when the file did not call Page(). */
    boolean endPage(String route) {
        return framework.invokeMember("endPage", route).asBoolean();
    }

    boolean hasApp() {
        return framework.invokeMember("hasApp").asBoolean();
    }

    /** App onLaunch/onShow, then the first page's onLoad/onShow (and onReady on the next turn). */
    void launch(String route, Map<String, String> query, int scene) {
        Value jsQuery = js.fromJson(JsBridge.JSON.valueToTree(query));
        framework.invokeMember("launch", route, jsQuery, scene);
    }

    /**
     * Performs navigateTo/redirectTo/reLaunch (with a url) or navigateBack (with a delta).
     *
     * @return null on success, or the errMsg detail of the failure
     */
    String navigate(String kind, String url, int delta) {
        Value result = framework.invokeMember("navigate", kind, url, delta);
        return result.isNull() ? null : result.asString();
    }

    /** Calls a method of the top page with an event object; throws what the method throws. */
    Value callPageMethod(String method, PageEvent event) {
        Value jsEvent = framework.invokeMember("makeEvent", event.type(), event.detail().toString(), event.dataset().toString());
        return framework.invokeMember("callPageMethod", method, jsEvent);
    }

    void hide() {
        framework.invokeMember("hide");
    }

    void show() {
        framework.invokeMember("show");
    }

    /** Hides and unloads every page, top first. */
    void unloadAll() {
        framework.invokeMember("unloadAll");
    }
}
