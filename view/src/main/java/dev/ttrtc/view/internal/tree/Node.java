package dev.ttrtc.view.internal.tree;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ttrtc.view.internal.ttml.TNode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * A node of the live render tree: an element (a built-in, a component host, a slot, the page
 * root) or a text. The tree is the composed tree: a host's children are its component's nodes,
 * and a slot's children are the host's children as the host's owner rendered them. Ids are
 * stable while the node stays in the tree. Loop thread only.
 */
public final class Node {
    private final int id;
    private final Owner owner;
    private final TNode source;
    private final String key;
    private final String tag;
    private final List<Node> children = new ArrayList<>();
    private Node parent;
    private Map<String, Object> attributes;
    private List<VNode.BoundEvent> events;
    private String text;
    private Owner component;
    private Map<String, String> html;
    private Object state;
    /** What {@code animation} exports left on the element; null before the first. */
    private AnimatedStyle animated;

    Node(int id, Owner owner, TNode source, String key, String tag) {
        this.id = id;
        this.owner = owner;
        this.source = source;
        this.key = key;
        this.tag = tag;
    }

    public int id() {
        return id;
    }

    /** The page or component whose template declared this node. */
    public Owner owner() {
        return owner;
    }

    /** The template instruction that rendered this node; null for a page root. */
    public TNode source() {
        return source;
    }

    String key() {
        return key;
    }

    /** The TTML tag ({@code view}, {@code my-card}, {@code slot}, {@code page}); null for text. */
    public String tag() {
        return tag;
    }

    public boolean isText() {
        return tag == null;
    }

    public Node parent() {
        return parent;
    }

    void parent(Node node) {
        this.parent = node;
    }

    public List<Node> children() {
        return Collections.unmodifiableList(children);
    }

    List<Node> mutableChildren() {
        return children;
    }

    /** Evaluated attributes as the template wrote them (a bare attribute is {@link Boolean#TRUE}). */
    public Map<String, Object> attributes() {
        return attributes == null ? Map.of() : attributes;
    }

    void attributes(Map<String, Object> values) {
        Object export = values.get("animation");
        if (AnimatedStyle.isExport(export) && !export.equals(attributes().get("animation"))) {
            animated = animated == null ? new AnimatedStyle() : animated;
            animated.play((ObjectNode) export);
        }
        this.attributes = values;
    }

    /** The inline CSS the element's animation exports have left on it, or null when it had none. */
    public String animatedStyle() {
        return animated == null ? null : animated.css();
    }

    public List<VNode.BoundEvent> events() {
        return events == null ? List.of() : events;
    }

    void events(List<VNode.BoundEvent> bindings) {
        this.events = bindings;
    }

    public String text() {
        return text;
    }

    void text(String value) {
        this.text = value;
    }

    /** The component this element hosts, or null. */
    public Owner component() {
        return component;
    }

    void component(Owner instance) {
        this.component = instance;
    }

    /** The HTML attributes last sent to mirrors (for diffing), or null before the first send. */
    public Map<String, String> html() {
        return html;
    }

    public void html(Map<String, String> attributes) {
        this.html = attributes;
    }

    /** View-side state of a built-in (an input's typed value); null for most nodes. */
    public Object state() {
        return state;
    }

    public void state(Object value) {
        this.state = value;
    }

    @Override
    public String toString() {
        return isText() ? "#text " + id : "<" + tag + " " + id + ">";
    }
}
