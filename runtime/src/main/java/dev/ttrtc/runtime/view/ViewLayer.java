package dev.ttrtc.runtime.view;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * The view of one instance, driven by its logic layer. Owner ids (pages and component
 * instances) share one id space per instance. Every method runs on the instance's loop thread
 * only; calls may nest (a handler the view calls may call {@link #dataChanged} again).
 */
public interface ViewLayer {

    /**
     * A page instance was created: renders it with its initial data, creating the components in
     * it ({@code created}, then {@code attached}, parent before child). Called before its
     * {@code onLoad}.
     */
    void pageCreated(int pageId, String route, ObjectNode data);

    /** The page is on top of the stack now (after a launch, navigation or a navigation back). */
    void pageShown(int pageId);

    /** The page was unloaded: detaches its components ({@code detached}) and drops its tree. */
    void pageUnloaded(int pageId);

    /**
     * The data of a page or component changed through {@code setData}: {@code patch} maps data
     * paths ({@code a.b[2].c}) to values, serialised as the platform passes them (functions and
     * {@code undefined} dropped). Updates the view before returning; a call made while the view
     * renders is applied right after that render pass. The host shares {@code patch} with its
     * page snapshot: read it (as {@link DataPaths#apply} does), never change it.
     */
    void dataChanged(int ownerId, ObjectNode patch);

    /**
     * A component called {@code triggerEvent}: dispatches the event from its host element to the
     * handlers bound there (and further when it bubbles) before returning.
     */
    void componentEvent(int componentId, String name, JsonNode detail, EventOptions options);

    /**
     * The component instances in {@code ownerId}'s own template matching a selector
     * ({@code selectComponent}/{@code selectAllComponents}), in tree order; at most one unless
     * {@code all}.
     */
    List<Integer> selectComponents(int ownerId, String selector, boolean all);

    /**
     * Answers the requests of one {@code SelectorQuery.exec()}: an array of
     * {@code {kind: "select"|"selectAll"|"viewport", selector, ownerId, fields}}, answered in order
     * as the platform does (a node's fields, an array of them, or null when nothing matches).
     */
    JsonNode querySelector(JsonNode requests);

    /** {@code tt.pageScrollTo}: scrolls the page; returns null, or the errMsg detail of a failure. */
    String pageScrollTo(int pageId, JsonNode options);

    /**
     * A method of a context object bound to an element by id ({@code VideoContext.play()} for
     * {@code <video id>}): the element {@code #elementId} of {@code tag} in {@code ownerId}'s own
     * template acts on it, with {@code args} as a JSON array. A WARN entry when there is no such
     * element, as the platform's method does nothing then.
     */
    void elementCommand(int ownerId, String tag, String elementId, String command, JsonNode args);

    /** What {@link dev.ttrtc.runtime.MiniProgram#view()} returns. */
    InstanceView consumerView();

    /** The instance is closing; drops listeners. */
    void close();
}
