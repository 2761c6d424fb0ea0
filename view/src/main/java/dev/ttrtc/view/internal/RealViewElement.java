package dev.ttrtc.view.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.ttrtc.runtime.view.ComponentHandle;
import dev.ttrtc.runtime.view.ViewElement;
import dev.ttrtc.view.internal.components.Builtins;
import dev.ttrtc.view.internal.query.BlockLayout;
import dev.ttrtc.view.internal.tree.Dataset;
import dev.ttrtc.view.internal.tree.Node;
import dev.ttrtc.view.internal.tree.ViewTree;
import dev.ttrtc.view.internal.ttml.JsValues;
import dev.ttrtc.view.spi.ElementBehavior;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/** One element of the rendered page, by node id; answers as an empty element once the node is gone. */
final class RealViewElement implements ViewElement {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final RealInstanceView view;
    private final RealViewLayer layer;
    private final ViewTree tree;
    private final int id;
    private final String tag;
    private final Optional<ComponentHandle> component;

    RealViewElement(RealInstanceView view, RealViewLayer layer, ViewTree tree, int id, String tag,
            Optional<ComponentHandle> component) {
        this.view = view;
        this.layer = layer;
        this.tree = tree;
        this.id = id;
        this.tag = tag;
        this.component = component;
    }

    @Override
    public int nodeId() {
        return id;
    }

    @Override
    public String tag() {
        return tag;
    }

    @Override
    public String id() {
        return attr("id").orElse("");
    }

    @Override
    public String text() {
        return view.read(() -> {
            Node node = tree.node(id);
            if (node == null) {
                return "";
            }
            StringBuilder out = new StringBuilder();
            collectText(node, out);
            return out.toString().replaceAll("\\s+", " ").strip();
        });
    }

    private void collectText(Node node, StringBuilder out) {
        if (node.isText()) {
            out.append(layer.builtins().text(node));
            return;
        }
        if (JsValues.toBoolean(node.attributes().get("hidden"))) {
            return;
        }
        String shown = Builtins.behavior(node) == null ? null : Builtins.behavior(node).shownText();
        if (shown != null) {
            out.append(shown).append(' ');
            return;
        }
        if (!layer.builtins().showsChildren(node)) {
            return;
        }
        for (Node child : node.children()) {
            collectText(child, out);
        }
        out.append(' ');
    }

    @Override
    public Optional<String> attr(String name) {
        return view.read(() -> {
            Node node = tree.node(id);
            if (node == null || !node.attributes().containsKey(name)) {
                return Optional.empty();
            }
            Object value = node.attributes().get(name);
            return Optional.of(value == Boolean.TRUE ? "" : JsValues.toDisplayString(value));
        });
    }

    @Override
    public Map<String, String> attributes() {
        return view.read(() -> {
            Node node = tree.node(id);
            return node == null ? Map.of() : TtmlMarkup.attributes(node);
        });
    }

    @Override
    public String markup(boolean outer) {
        return view.read(() -> {
            Node node = tree.node(id);
            return node == null ? "" : new TtmlMarkup(layer.builtins()).write(node, outer);
        });
    }

    @Override
    public Optional<double[]> box() {
        return view.read(() -> {
            Node node = tree.node(id);
            BlockLayout layout = node == null ? null : layer.layout(node.owner().pageId());
            if (layout == null) {
                return Optional.empty();
            }
            BlockLayout.Box box = layout.box(node);
            return Optional.of(new double[] {box.left(), box.top(), box.width(), box.height()});
        });
    }

    @Override
    public Optional<ComponentHandle> component() {
        return component;
    }

    @Override
    public JsonNode dataset() {
        return view.read(() -> {
            Node node = tree.node(id);
            return node == null ? JsonNodeFactory.instance.objectNode() : Dataset.of(node.attributes());
        });
    }

    @Override
    public boolean visible() {
        return view.read(() -> {
            Node node = tree.node(id);
            if (node == null || node.owner().pageId() != tree.topPageId()) {
                return false;
            }
            for (Node n = node; n != null; n = n.parent()) {
                if (JsValues.toBoolean(n.attributes().get("hidden"))) {
                    return false;
                }
            }
            return true;
        });
    }

    @Override
    public List<ViewElement> children() {
        return view.read(() -> {
            Node node = tree.node(id);
            List<ViewElement> out = new ArrayList<>();
            if (node != null) {
                for (Node child : node.children()) {
                    if (!child.isText()) {
                        out.add(view.element(child));
                    }
                }
            }
            return List.copyOf(out);
        });
    }

    private CompletableFuture<Void> act(Consumer<Node> action) {
        return view.act(() -> {
            Node node = tree.node(id);
            if (node == null) {
                throw new IllegalStateException("<" + tag + "> (node " + id + ") is no longer in the page");
            }
            action.accept(node);
        });
    }

    @Override
    public CompletableFuture<Void> tap() {
        return act(node -> layer.interactions().tap(node));
    }

    @Override
    public CompletableFuture<Void> input(String text) {
        return act(node -> layer.interactions().input(node, text));
    }

    @Override
    public CompletableFuture<Void> change(Object value) {
        JsonNode json = JSON.valueToTree(value);
        return act(node -> layer.interactions().change(node, json));
    }

    @Override
    public CompletableFuture<Void> scroll(double left, double top) {
        return act(node -> layer.interactions().scroll(node, left, top));
    }

    @Override
    public CompletableFuture<Void> trigger(String type, JsonNode detail) {
        JsonNode copy = detail == null ? JsonNodeFactory.instance.objectNode() : detail.deepCopy();
        return act(node -> layer.interactions().trigger(node, type, copy));
    }

    @Override
    public CompletableFuture<Void> callContextMethod(String method, JsonNode args) {
        JsonNode copy = args == null ? JsonNodeFactory.instance.arrayNode() : args.deepCopy();
        return act(node -> {
            ElementBehavior behavior = Builtins.behavior(node);
            if (behavior == null) {
                throw new IllegalArgumentException("this element has no context object");
            }
            behavior.command(method, copy);
        });
    }

    @Override
    public String toString() {
        return "<" + tag + " " + id + ">";
    }
}
