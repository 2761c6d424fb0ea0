package dev.ttrtc.view.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ttrtc.view.internal.components.Builtins;
import dev.ttrtc.view.internal.html.HtmlWriter;
import dev.ttrtc.view.internal.tree.Change;
import dev.ttrtc.view.internal.tree.Node;
import dev.ttrtc.view.spi.ElementBehavior;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Turns the changes of a render pass into patch ops for mirrors (see
 * {@link dev.ttrtc.runtime.view.ViewListener}): HTML for inserted subtrees, only the HTML
 * attributes that differ from what mirrors last got, text and value updates.
 */
final class OpWriter {
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private final HtmlWriter html;

    OpWriter(HtmlWriter html) {
        this.html = html;
    }

    List<ObjectNode> ops(List<Change> changes) {
        List<ObjectNode> ops = new ArrayList<>(changes.size());
        for (Change change : changes) {
            if (change instanceof Change.Insert c) {
                ops.add(op("insert").put("parent", c.parent().id()).put("before", idOrNull(c.before()))
                        .put("html", html.outer(c.node())));
                restoredValues(c.node(), ops);
            } else if (change instanceof Change.Remove c) {
                ops.add(op("remove").put("id", c.node().id()));
            } else if (change instanceof Change.Move c) {
                ops.add(op("move").put("id", c.node().id()).put("parent", c.parent().id()).put("before", idOrNull(c.before())));
            } else if (change instanceof Change.Text c) {
                ops.add(op("text").put("id", c.node().id()).put("text", c.node().text()));
            } else if (change instanceof Change.Attributes c) {
                attributes(c.node(), ops);
            } else if (change instanceof Change.Replace c) {
                ops.add(op("replace").put("id", c.node().id()).put("html", html.outer(c.node())));
                restoredValues(c.node(), ops);
            } else if (change instanceof Change.Value c) {
                attributes(c.node(), ops);
                JsonNode value = valueOf(c.node());
                if (value != null) {
                    ops.add(valueOp(c.node(), value));
                }
            }
        }
        return ops;
    }

    private static Integer idOrNull(Node node) {
        return node == null ? null : node.id();
    }

    /** An attrs op with what changed since mirrors last got the element (nothing when nothing did). */
    private void attributes(Node node, List<ObjectNode> ops) {
        Map<String, String> now = html.attributes(node);
        Map<String, String> before = node.html();
        ObjectNode changed = JSON.objectNode();
        for (Map.Entry<String, String> a : now.entrySet()) {
            if (before == null || !Objects.equals(before.get(a.getKey()), a.getValue())) {
                changed.put(a.getKey(), a.getValue());
            }
        }
        if (before != null) {
            for (String name : before.keySet()) {
                if (!now.containsKey(name)) {
                    changed.putNull(name);
                }
            }
        }
        node.html(now);
        if (!changed.isEmpty()) {
            ObjectNode op = op("attrs").put("id", node.id());
            op.set("attrs", changed);
            ops.add(op);
        }
    }

    /**
     * The page whole, then the restored value of each element that has one: HTML carries no
     * view-side state (a column's scroll offset, an input's typed text), so a mirror that gets
     * the page anew gets that state as value ops after it.
     */
    List<ObjectNode> page(String route, Node root, String css) {
        List<ObjectNode> ops = new ArrayList<>();
        ops.add(op("page").put("route", route).put("html", html.outer(root)).put("css", css));
        restoredValues(root, ops);
        return List.copyOf(ops);
    }

    /**
     * A value op for {@code node} and each element under it that has view-side state, marked
     * {@code restore}: the state the new HTML lacks, not something that just happened (a
     * mirror restores a video's flags but does not run its last command again).
     */
    private static void restoredValues(Node node, List<ObjectNode> ops) {
        if (node.isText()) {
            return;
        }
        JsonNode value = valueOf(node);
        if (value != null) {
            ops.add(valueOp(node, value).put("restore", true));
        }
        for (Node child : node.children()) {
            restoredValues(child, ops);
        }
    }

    /** The view-side state of a built-in element, or null (no built-in, or no such state). */
    private static JsonNode valueOf(Node node) {
        ElementBehavior behavior = Builtins.behavior(node);
        return behavior == null ? null : behavior.value();
    }

    private static ObjectNode valueOp(Node node, JsonNode value) {
        ObjectNode op = op("value").put("id", node.id());
        op.set("value", value);
        return op;
    }

    private static ObjectNode op(String name) {
        return JSON.objectNode().put("op", name);
    }
}
