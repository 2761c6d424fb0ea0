package dev.ttrtc.view.internal.tree;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ttrtc.runtime.view.ComponentInfo;
import dev.ttrtc.view.internal.ttml.TemplateUnit;
import java.util.List;
import java.util.Map;

/**
 * A page or component instance as the view knows it: its copy of the data (as the logic layer
 * sent it), its compiled template, the components its template may use, and where its nodes
 * hang in the tree. Loop thread only.
 */
public final class Owner {
    private final int id;
    private final String path;
    private final int pageId;
    private final Owner parent;
    private final TemplateUnit unit;
    private final Map<String, String> usingComponents;
    private final ComponentInfo info;
    private ObjectNode data;
    private Node root;
    private List<VNode> light = List.of();
    private ObjectNode passed = JsonNodeFactory.instance.objectNode();
    private boolean attached = true;
    private final java.util.Set<String> slotsFilled = new java.util.HashSet<>();

    Owner(int id, String path, int pageId, Owner parent, TemplateUnit unit, Map<String, String> usingComponents,
            ComponentInfo info, ObjectNode data) {
        this.id = id;
        this.path = path;
        this.pageId = pageId;
        this.parent = parent;
        this.unit = unit;
        this.usingComponents = usingComponents;
        this.info = info;
        this.data = data;
    }

    public int id() {
        return id;
    }

    /** The page route or the component path. */
    public String path() {
        return path;
    }

    public boolean isPage() {
        return info == null;
    }

    public int pageId() {
        return pageId;
    }

    /** The owner whose template holds this component's host element; null for a page. */
    public Owner parent() {
        return parent;
    }

    /** The compiled template, or null when the page or component has no .ttml. */
    TemplateUnit unit() {
        return unit;
    }

    Map<String, String> usingComponents() {
        return usingComponents;
    }

    /** The component definition; null for a page. */
    public ComponentInfo info() {
        return info;
    }

    ObjectNode data() {
        return data;
    }

    /** A top-level data field as the view has it (a copy), or null when there is none. */
    public JsonNode dataField(String name) {
        JsonNode value = data.get(name);
        return value == null ? null : value.deepCopy();
    }

    /** The node its template renders into: the page root, or the component's host element. */
    public Node root() {
        return root;
    }

    void root(Node node) {
        this.root = node;
    }

    /** The host element's children as the parent rendered them, distributed into this component's slots. */
    List<VNode> light() {
        return light;
    }

    void light(List<VNode> children) {
        this.light = children;
    }

    /** The property values last passed from the host element, before coercion. */
    ObjectNode passed() {
        return passed;
    }

    /** The slot names given content during the current render of this component. */
    java.util.Set<String> slotsFilled() {
        return slotsFilled;
    }

    /** False once detached: later setData for it is ignored. */
    public boolean attached() {
        return attached;
    }

    void detach() {
        attached = false;
    }

    @Override
    public String toString() {
        return path;
    }
}
