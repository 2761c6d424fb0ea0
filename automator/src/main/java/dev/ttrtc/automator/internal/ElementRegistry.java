package dev.ttrtc.automator.internal;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ttrtc.runtime.view.InstanceView;
import dev.ttrtc.runtime.view.ViewElement;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The elements one connection handed out, by page and element id. An element id is the node id
 * of the render tree, stable while the node stays in the page, so the client's per-page cache
 * maps one node to one object. Elements live in the rendered top page only.
 */
final class ElementRegistry {
    private final Session session;
    private final InstanceScript script;
    private final Map<String, ViewElement> handedOut = new ConcurrentHashMap<>();

    ElementRegistry(Session session, InstanceScript script) {
        this.session = session;
        this.script = script;
    }

    /** The rendered page, after checking that {@code pageId} is the top page. */
    InstanceView topView(Params p) {
        int pageId = p.pageId();
        int top = script.call(session.program(), p.method(), "current").path("pageId").asInt();
        if (pageId != top) {
            script.call(session.program(), p.method(), "data", pageId, null); // NO_PAGE when it is not even in the stack
            throw AutomatorError.NOT_TOP_PAGE.error(pageId);
        }
        return session.program().view();
    }

    /** The element a request names ({@code pageId}, {@code elementId}). */
    ViewElement element(Params p) {
        topView(p);
        String elementId = p.id("elementId");
        ViewElement element = handedOut.get(p.pageId() + "/" + elementId);
        if (element == null) {
            throw AutomatorError.NO_ELEMENT.error(elementId);
        }
        return element;
    }

    /**
     * {@code {elementId, tagName}}, and a {@code nodeId} for a custom component's element only: with
     * one the client makes a {@code CustomElement} (data, setData, callMethod) and sends it back.
     */
    ObjectNode describe(int pageId, ViewElement element) {
        String elementId = Integer.toString(element.nodeId());
        handedOut.put(pageId + "/" + elementId, element);
        ObjectNode described = JsonNodeFactory.instance.objectNode().put("elementId", elementId).put("tagName", element.tag());
        if (element.component().isPresent()) {
            described.put("nodeId", elementId);
        }
        return described;
    }

    /** {@code {elements: [...]}}. */
    ObjectNode describeAll(int pageId, List<ViewElement> elements) {
        ObjectNode result = JsonNodeFactory.instance.objectNode();
        ArrayNode list = result.putArray("elements");
        elements.forEach(e -> list.add(describe(pageId, e)));
        return result;
    }

    /** The first of {@code found}, described, or the "not found" error the client turns into null. */
    ObjectNode first(int pageId, Optional<ViewElement> found, String selector) {
        return describe(pageId, found.orElseThrow(() -> AutomatorError.NOT_FOUND.error(selector)));
    }

    /** The node ids inside {@code element} (not itself). */
    static Set<Integer> descendants(ViewElement element) {
        Set<Integer> ids = new HashSet<>();
        collect(element, ids);
        ids.remove(element.nodeId());
        return ids;
    }

    private static void collect(ViewElement element, Set<Integer> ids) {
        ids.add(element.nodeId());
        element.children().forEach(child -> collect(child, ids));
    }
}
