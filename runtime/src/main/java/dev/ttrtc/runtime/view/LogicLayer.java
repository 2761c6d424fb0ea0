package dev.ttrtc.runtime.view;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ttrtc.runtime.EventLog;
import dev.ttrtc.runtime.SystemInfo;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executor;

/**
 * What the view of one instance may use of its logic layer. Implemented by the runtime. Every
 * method except {@link #instanceId()}, {@link #files()}, {@link #systemInfo()},
 * {@link #events()}, {@link #loop()} and {@link #inLoop()} runs on the loop thread only.
 */
public interface LogicLayer {

    /** The instance's label, unique within its host. */
    String instanceId();

    /** The project's files (templates, styles, SJS modules, images). */
    ProjectFiles files();

    SystemInfo systemInfo();

    /** The instance's event log, for WARN and ERROR entries of the view. */
    EventLog events();

    /** Runs tasks on the instance's loop thread, in order. */
    Executor loop();

    boolean inLoop();

    /** The sandbox SJS modules run in (the view's own GraalJS context, never the logic layer's). */
    SjsSandbox sjs();

    /** The routes of app.json, in order. */
    List<String> pages();

    /**
     * The custom components a page or component template may use: tag name → component path
     * (project-relative, no extension), app.json's global ones included.
     *
     * @param ownerPath a page route or a component path
     */
    Map<String, String> usingComponents(String ownerPath);

    /** The definition of a component loaded at launch (every path {@link #usingComponents} names). */
    ComponentInfo componentInfo(String componentPath);

    /**
     * Creates a component instance for a host element and runs its {@code created} lifetime.
     *
     * @param hostInfo {@code {id, dataset}} of the host element
     * @return the instance's id and its initial data (property defaults and {@code data})
     */
    CreatedComponent createComponent(String componentPath, int parentOwnerId, int pageId, ObjectNode hostInfo);

    /**
     * Sets properties of a component from its host element: coerces them by their declared
     * type, stores them and runs {@code observers} and property observers.
     *
     * @param changed property name (camelCase) → value
     * @return the values applied, coerced (only those that changed); the view stores them
     */
    ObjectNode setProperties(int componentId, ObjectNode changed);

    /**
     * The handle through which tools reach a component instance ({@link ViewElement#component()}).
     * Any thread; the handle's calls run on the loop.
     */
    ComponentHandle component(int componentId);

    /** Runs a component lifetime: {@code attached}, {@code ready}, {@code moved} or {@code detached}. */
    void lifetime(int componentId, String name);

    /**
     * Calls an event handler of a page or component with an event object.
     *
     * @return empty when the owner has no such method; otherwise what the handler returned
     *     (serialised; a missing node for {@code undefined})
     */
    Optional<JsonNode> callHandler(int ownerId, String method, ObjectNode event);

    /**
     * Navigates as a {@code navigator} does.
     *
     * @param kind navigateTo, redirectTo, switchTab, reLaunch or navigateBack
     * @return null on success, or the errMsg detail of the failure
     */
    String navigate(String kind, String url, int delta);

    /** Calls a page hook the view raises ({@code onPageScroll}, {@code onReachBottom}). */
    void pageEvent(int pageId, String hook, JsonNode argument);

    /**
     * What a host module attached to this instance ({@code InstanceContext.attach}), such as the
     * RTC module's state that {@code rtc-room} shows; empty before the modules are installed.
     * Any thread.
     */
    default <T> Optional<T> attachment(Class<T> type) {
        return Optional.empty();
    }
}
