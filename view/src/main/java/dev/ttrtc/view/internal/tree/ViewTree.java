package dev.ttrtc.view.internal.tree;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ttrtc.runtime.view.ComponentInfo;
import dev.ttrtc.runtime.view.CreatedComponent;
import dev.ttrtc.runtime.view.DataPaths;
import dev.ttrtc.runtime.view.LogicLayer;
import dev.ttrtc.view.internal.ttml.JsValues;
import dev.ttrtc.view.internal.ttml.Location;
import dev.ttrtc.view.internal.ttml.SjsModules;
import dev.ttrtc.view.internal.ttml.TemplateUnit;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * The live render trees of one instance: a tree per open page, the owners (pages and component
 * instances) with their data copies, and every node by id. Each method runs one render pass and
 * returns what it changed; the caller delivers the changes and runs the lifetimes the pass lists.
 * Loop thread only.
 */
public final class ViewTree implements Reconciler.Host {

    /** Where the tree reports what the phone would render differently, once per place. */
    public interface Warn {
        void warn(Location location, String message);
    }

    /** Tells built-ins about their elements: created (set up view-side state), attributes changed, removed. */
    public interface NodeSetup {
        void created(Node node);

        void attributesChanged(Node node);

        void removed(Node node);
    }

    private final LogicLayer logic;
    private final Function<String, TemplateUnit> templates;
    private final Warn warn;
    private final NodeSetup setup;
    private final Renderer renderer;
    private final Reconciler reconciler;
    private final Map<Integer, Owner> owners = new HashMap<>();
    private final Map<Integer, Node> nodes = new HashMap<>();
    private final Set<Object> warnedPlaces = new HashSet<>();
    private int nextNodeId = 1;
    private int topPageId;

    /**
     * @param templates the compiled template of a page route or component path (null: none)
     * @param sjs the SJS modules a compiled file sees
     */
    public ViewTree(LogicLayer logic, Function<String, TemplateUnit> templates, Function<TemplateUnit, SjsModules> sjs,
            Warn warn, NodeSetup setup) {
        this.logic = logic;
        this.templates = templates;
        this.warn = warn;
        this.setup = setup;
        this.renderer = new Renderer(sjs, this::warnOnce);
        this.reconciler = new Reconciler(this);
    }

    private void warnOnce(Location location, Object place, String message) {
        if (warnedPlaces.add(List.of(place, message))) {
            warn.warn(location, message);
        }
    }

    // ---- pages and data ---------------------------------------------------------------------------

    /** The first render of a page (before its onLoad). */
    public RenderPass pageCreated(int pageId, String route, ObjectNode data) {
        Owner page = new Owner(pageId, route, pageId, null, templates.apply(route), logic.usingComponents(route), null, data);
        owners.put(pageId, page);
        Node root = new Node(nextNodeId++, page, null, "", "page");
        nodes.put(root.id(), root);
        page.root(root);
        RenderPass pass = new RenderPass();
        reconciler.renderOwner(page, Changed.EVERYTHING, false, pass);
        return pass;
    }

    /** Applies a setData patch and re-renders the owner; empty when the owner is unknown or gone. */
    public RenderPass dataChanged(int ownerId, ObjectNode patch) {
        RenderPass pass = new RenderPass();
        Owner owner = owners.get(ownerId);
        if (owner == null || !owner.attached()) {
            return pass;
        }
        DataPaths.apply(owner.data(), patch);
        reconciler.renderOwner(owner, changedFields(owner, patch), owner.pageId() == topPageId, pass);
        return pass;
    }

    /** The top-level fields a patch's paths change ({@code a.b[2]} changes {@code a}). */
    private static Changed changedFields(Owner owner, ObjectNode patch) {
        // A slot inside a template call could be passed by, and the slot content taken by another of its name.
        if (owner.unit() == null || !owner.isPage() && owner.unit().slotsInTemplates()) {
            return Changed.EVERYTHING;
        }
        Set<String> fields = new HashSet<>();
        for (Map.Entry<String, JsonNode> entry : patch.properties()) {
            List<Object> segments = DataPaths.parse(entry.getKey());
            if (segments == null || segments.isEmpty()) {
                return Changed.EVERYTHING;
            }
            fields.add((String) segments.get(0));
        }
        return Changed.fields(fields, owner.unit().reads());
    }

    /** The page is on top: its changes reach mirrors from now on. */
    public void pageShown(int pageId) {
        topPageId = pageId;
    }

    public int topPageId() {
        return topPageId;
    }

    /** Drops a page's tree; the pass lists its components for detached. */
    public RenderPass pageUnloaded(int pageId) {
        RenderPass pass = new RenderPass();
        Owner page = owners.remove(pageId);
        if (page != null) {
            dropped(page.root(), pass);
            page.detach();
        }
        if (topPageId == pageId) {
            topPageId = 0;
        }
        return pass;
    }

    public Owner owner(int id) {
        return owners.get(id);
    }

    public Node node(int id) {
        return nodes.get(id);
    }

    /** The root node of a page, or null. */
    public Node pageRoot(int pageId) {
        Owner page = owners.get(pageId);
        return page == null ? null : page.root();
    }

    // ---- Reconciler.Host --------------------------------------------------------------------------

    @Override
    public Node newNode(Owner owner, VNode v) {
        Node node = new Node(nextNodeId++, owner, v.source(), v.key(), v.tag());
        nodes.put(node.id(), node);
        if (v.isText()) {
            node.text(v.text());
        } else {
            node.attributes(v.attributes());
            node.events(v.events());
            if (v.componentPath() == null) {
                setup.created(node);
            }
        }
        return node;
    }

    @Override
    public void attributesChanged(Node node) {
        setup.attributesChanged(node);
    }

    @Override
    public void dropped(Node node, RenderPass pass) {
        nodes.remove(node.id());
        if (!node.isText()) {
            setup.removed(node);
        }
        Owner component = node.component();
        if (component != null) {
            component.detach();
            owners.remove(component.id());
            pass.removed.add(component);
        }
        for (Node child : node.mutableChildren()) {
            dropped(child, pass);
        }
    }

    @Override
    public Owner createComponent(Node host, VNode v) {
        String path = v.componentPath();
        ComponentInfo info = logic.componentInfo(path);
        ObjectNode hostInfo = JsonNodeFactory.instance.objectNode();
        Object id = v.attributes().get("id");
        hostInfo.put("id", id == null ? "" : JsValues.toJsString(id));
        hostInfo.set("dataset", Dataset.of(v.attributes()));
        Owner parent = v.owner();
        CreatedComponent created = logic.createComponent(path, parent.id(), parent.pageId(), hostInfo);
        Owner component = new Owner(created.id(), path, parent.pageId(), parent, templates.apply(path),
                logic.usingComponents(path), info, created.data());
        owners.put(component.id(), component);
        passProperties(component, v);
        return component;
    }

    @Override
    public boolean passProperties(Owner component, VNode v) {
        ObjectNode changed = null;
        for (Map.Entry<String, Object> attribute : v.attributes().entrySet()) {
            String property = propertyName(component.info(), attribute.getKey());
            if (property == null) {
                continue;
            }
            JsonNode json = JsValues.toJson(attribute.getValue());
            JsonNode value = json.isMissingNode() ? JsonNodeFactory.instance.nullNode() : json;
            if (value.equals(component.passed().get(property))) {
                continue;
            }
            // A copy: the value may be a node of the parent's data, which later setData paths change in place.
            component.passed().set(property, value.deepCopy());
            if (changed == null) {
                changed = JsonNodeFactory.instance.objectNode();
            }
            changed.set(property, value);
        }
        if (changed == null) {
            return false;
        }
        ObjectNode applied = logic.setProperties(component.id(), changed);
        if (applied.isEmpty()) {
            return false;
        }
        component.data().setAll(applied);
        return true;
    }

    /** {@code header-text} and {@code headerText} name the property headerText; null when not declared. */
    private static String propertyName(ComponentInfo info, String attribute) {
        if (info.properties().containsKey(attribute)) {
            return attribute;
        }
        if (attribute.indexOf('-') < 0) {
            return null;
        }
        StringBuilder camel = new StringBuilder();
        boolean upper = false;
        for (char c : attribute.toCharArray()) {
            if (c == '-') {
                upper = true;
            } else {
                camel.append(upper ? Character.toUpperCase(c) : c);
                upper = false;
            }
        }
        String name = camel.toString();
        return info.properties().containsKey(name) ? name : null;
    }

    @Override
    public List<VNode> render(Owner owner, Changed changed) {
        return renderer.render(owner, changed);
    }

    @Override
    public VNode render(VNode deferred) {
        return renderer.render(deferred);
    }
}
