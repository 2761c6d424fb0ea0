package dev.ttrtc.runtime.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ttrtc.runtime.PageEvent;
import dev.ttrtc.runtime.api.ApiException;
import dev.ttrtc.runtime.api.JsCallback;
import dev.ttrtc.runtime.internal.apis.NavigationApi;
import dev.ttrtc.runtime.internal.apis.app.AppEventsApi;
import dev.ttrtc.runtime.internal.apis.window.PageHooks;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executor;
import org.graalvm.polyglot.Value;
import org.graalvm.polyglot.proxy.ProxyObject;

/**
 * The Java face of framework.js: App/Page/Component registration, the page stack and its
 * lifecycle, tabs, page events and the app events. Lifecycle hooks that throw are reported by the
 * framework and do not stop it. Loop thread only, except that errors may be handed to it from the
 * loop while JS runs: they are delivered to the app's listeners on a later task.
 */
final class Framework implements NavigationApi.Navigator, AppEventsApi.AppEvents, ErrorReporter.AppErrorListeners,
        PageHooks {
    private final JsBridge js;
    private final Value framework;
    private final Executor loop;
    private final ComponentModel components;

    private Framework(JsBridge js, Value framework, Executor loop, ComponentModel components) {
        this.js = js;
        this.framework = framework;
        this.loop = loop;
        this.components = components;
    }

    /** Defines App, Page, Component, Behavior, getApp and getCurrentPages in the context. */
    static Framework install(JsBridge js, ProxyObject hooks, Executor loop) {
        Value definitions = js.context().eval(JsBridge.hostSource("component-definitions.js")).execute(hooks, js.helpers());
        Value selectorQuery = js.context().eval(JsBridge.hostSource("selector-query.js")).execute(hooks, js.helpers());
        Value createAnimation = js.context().eval(JsBridge.hostSource("animation.js")).execute();
        Value model = js.context().eval(JsBridge.hostSource("components.js"))
                .execute(hooks, js.helpers(), definitions, selectorQuery);
        Value factory = js.context().eval(JsBridge.hostSource("framework.js"));
        return new Framework(js, factory.execute(hooks, js.helpers(), model), loop, new ComponentModel(model, createAnimation));
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

    /** The routes of app.json's tabBar, in order: these pages stay alive while another tab shows. */
    void setTabRoutes(List<String> routes) {
        framework.invokeMember("setTabRoutes", js.fromJson(JsBridge.JSON.valueToTree(routes)));
    }

    /** App onLaunch/onShow, then the first page's onLoad/onShow (and onReady on the next turn). */
    void launch(String route, Map<String, String> query, int scene) {
        framework.invokeMember("launch", route, jsQuery(query), scene);
    }

    /**
     * App onLaunch/onShow, then onPageNotFound for a launch page that does not exist: the app's
     * handlers open another page. False (and nothing run) when the app has no such handler.
     */
    boolean launchNotFound(String route, Map<String, String> query, int scene) {
        return framework.invokeMember("launchNotFound", route, jsQuery(query), scene).asBoolean();
    }

    private Value jsQuery(Map<String, String> query) {
        return js.fromJson(JsBridge.JSON.valueToTree(query));
    }

    /**
     * Performs navigateTo/redirectTo/reLaunch/switchTab (with a url) or navigateBack (with a delta).
     *
     * @return null on success, or why it failed
     */
    @Override
    public ApiException navigate(String kind, String url, int delta) {
        Value result = framework.invokeMember("navigate", kind, url, delta);
        return result.isNull() ? null
                : new ApiException(result.getMember("errNo").asInt(), result.getMember("error").asString());
    }

    /** Calls a hook of the top page (onPullDownRefresh, onShareAppMessage, …) with an argument (null for none). */
    @Override
    public Optional<JsonNode> call(String hook, JsonNode argument) {
        Value result = framework.invokeMember("pageEvent", hook, argument == null ? js.undefined() : js.fromJson(argument));
        return result.getMember("found").asBoolean() ? Optional.of(js.toJson(result.getMember("value"))) : Optional.empty();
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

    /** Hides and unloads every page, top first, and the hidden tab pages. */
    void unloadAll() {
        framework.invokeMember("unloadAll");
    }

    // ---- app events --------------------------------------------------------------------------

    @Override
    public void addListener(String event, JsCallback listener) {
        framework.invokeMember("addAppListener", event, ((ValueHandle) listener).value());
    }

    @Override
    public void removeListener(String event, Optional<JsCallback> listener) {
        framework.invokeMember("removeAppListener", event,
                listener.map(l -> ((ValueHandle) l).value()).orElse(js.undefined()));
    }

    @Override
    public JsonNode launchOptions() {
        return JsBridge.parse(framework.invokeMember("launchOptions").asString());
    }

    @Override
    public JsonNode enterOptions() {
        return JsBridge.parse(framework.invokeMember("enterOptions").asString());
    }

    @Override
    public void error(String text) {
        loop.execute(() -> framework.invokeMember("emitApp", "error", text));
    }

    @Override
    public void rejection(Value reason, Value promise) {
        loop.execute(() -> framework.invokeMember("emitRejection", reason, promise == null ? js.undefined() : promise));
    }
}
