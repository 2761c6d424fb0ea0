package dev.ttrtc.view.internal.query;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ttrtc.runtime.SystemInfo;
import dev.ttrtc.view.internal.components.Builtins;
import dev.ttrtc.view.internal.tree.Dataset;
import dev.ttrtc.view.internal.tree.Node;
import dev.ttrtc.view.internal.tree.Owner;
import dev.ttrtc.view.internal.tree.ViewTree;
import dev.ttrtc.view.internal.ttml.JsValues;
import dev.ttrtc.view.internal.ttml.Location;
import java.util.HashMap;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Answers {@code SelectorQuery.exec()} from the render tree: {@code select} (the first match or
 * null), {@code selectAll} (an array), {@code selectViewport}; fields {@code id},
 * {@code dataset}, {@code rect} (left/right/top/bottom, relative to the viewport), {@code size},
 * {@code scrollOffset}, {@code properties} (attribute values) and {@code computedStyle} (from
 * the inline style only). Positions and sizes follow {@link BlockLayout}. Also keeps each page's
 * scroll offset. Loop thread only.
 */
public final class SelectorQueries {
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    private static final Pattern DECLARATION = Pattern.compile("([a-zA-Z-]+)\\s*:\\s*([^;]+)");

    private final ViewTree tree;
    private final double windowWidth;
    private final double windowHeight;
    private final BiConsumer<Location, String> warn;
    private final Map<Integer, Double> pageScroll = new HashMap<>();

    public SelectorQueries(ViewTree tree, SystemInfo info, BiConsumer<Location, String> warn) {
        this.tree = tree;
        this.windowWidth = info.number("windowWidth");
        this.windowHeight = info.number("windowHeight");
        this.warn = warn;
    }

    public double pageScrollTop(int pageId) {
        return pageScroll.getOrDefault(pageId, 0.0);
    }

    public void pageScrollTop(int pageId, double top) {
        pageScroll.put(pageId, top);
    }

    public double windowHeight() {
        return windowHeight;
    }

    /** The layout of the page a node is on. */
    public BlockLayout layout(int pageId) {
        Node root = tree.pageRoot(pageId);
        return root == null ? null : BlockLayout.of(root, windowWidth, Builtins::scrollOffset);
    }

    /** [scrollWidth, scrollHeight, width, height] of an element. */
    public double[] measure(Node element) {
        BlockLayout layout = layout(element.owner().pageId());
        if (layout == null) {
            return new double[] {0, 0, 0, 0};
        }
        BlockLayout.Box box = layout.box(element);
        return new double[] {box.width(), layout.contentHeight(element), box.width(), box.height()};
    }

    public JsonNode answer(JsonNode requests) {
        ArrayNode results = JSON.arrayNode();
        Map<Integer, BlockLayout> layouts = new HashMap<>();
        for (JsonNode request : requests) {
            Owner scope = tree.owner(request.path("ownerId").asInt());
            if (scope == null || scope.root() == null) {
                results.addNull();
                continue;
            }
            BlockLayout layout = layouts.computeIfAbsent(scope.pageId(), this::layout);
            JsonNode fields = request.path("fields");
            String kind = request.path("kind").asText();
            if (kind.equals("viewport")) {
                results.add(viewport(scope.pageId(), fields, layout));
                continue;
            }
            Selector selector;
            try {
                selector = Selector.parse(request.path("selector").asText());
            } catch (IllegalArgumentException e) {
                warn.accept(new Location(scope.path() + ".js", 1, 1), "SelectorQuery: " + e.getMessage());
                results.addNull();
                continue;
            }
            if (kind.equals("selectAll")) {
                ArrayNode all = results.addArray();
                for (Node node : selector.selectAll(scope.root(), scope)) {
                    all.add(fields(node, fields, layout, scope.pageId()));
                }
            } else {
                Node node = selector.select(scope.root(), scope);
                if (node == null) {
                    results.addNull();
                } else {
                    results.add(fields(node, fields, layout, scope.pageId()));
                }
            }
        }
        return results;
    }

    private ObjectNode fields(Node node, JsonNode fields, BlockLayout layout, int pageId) {
        ObjectNode out = JSON.objectNode();
        if (fields.path("id").asBoolean()) {
            Object id = node.attributes().get("id");
            out.put("id", id == null || id == Boolean.TRUE ? "" : JsValues.toDisplayString(id));
        }
        if (fields.path("dataset").asBoolean()) {
            out.set("dataset", Dataset.of(node.attributes()));
        }
        BlockLayout.Box box = layout == null ? new BlockLayout.Box(0, 0, 0, 0) : layout.box(node);
        if (fields.path("rect").asBoolean()) {
            double top = box.top() - pageScrollTop(pageId);
            out.put("left", box.left()).put("right", box.left() + box.width()).put("top", top).put("bottom", top + box.height());
        }
        if (fields.path("size").asBoolean()) {
            out.put("width", box.width()).put("height", box.height());
        }
        if (fields.path("scrollOffset").asBoolean()) {
            double[] offset = Builtins.scrollOffset(node);
            out.put("scrollLeft", offset == null ? 0 : offset[0]).put("scrollTop", offset == null ? 0 : offset[1]);
            if (layout != null) {
                out.put("scrollWidth", box.width()).put("scrollHeight", layout.contentHeight(node));
            }
        }
        JsonNode properties = fields.path("properties");
        for (JsonNode name : properties) {
            Object value = attribute(node, name.asText());
            JsonNode json = JsValues.toJson(value);
            out.set(name.asText(), json.isMissingNode() ? JSON.nullNode() : json);
        }
        JsonNode styles = fields.path("computedStyle");
        if (styles.isArray() && !styles.isEmpty()) {
            Map<String, String> inline = inlineStyle(node);
            for (JsonNode name : styles) {
                String value = inline.get(name.asText().replaceAll("([A-Z])", "-$1").toLowerCase(java.util.Locale.ROOT));
                out.put(name.asText(), value == null ? "" : value);
            }
        }
        return out;
    }

    /** An attribute by its property name ({@code scrollX}) or as written ({@code scroll-x}). */
    private static Object attribute(Node node, String name) {
        Map<String, Object> attributes = node.attributes();
        if (attributes.containsKey(name)) {
            return attributes.get(name);
        }
        String kebab = name.replaceAll("([A-Z])", "-$1").toLowerCase(java.util.Locale.ROOT);
        return attributes.containsKey(kebab) ? attributes.get(kebab) : JsValues.UNDEFINED;
    }

    private static Map<String, String> inlineStyle(Node node) {
        Map<String, String> out = new HashMap<>();
        Object style = node.attributes().get("style");
        if (style != null && style != Boolean.TRUE) {
            Matcher m = DECLARATION.matcher(JsValues.toDisplayString(style));
            while (m.find()) {
                out.put(m.group(1).trim().toLowerCase(java.util.Locale.ROOT), m.group(2).trim());
            }
        }
        return out;
    }

    private ObjectNode viewport(int pageId, JsonNode fields, BlockLayout layout) {
        ObjectNode out = JSON.objectNode();
        if (fields.path("id").asBoolean()) {
            out.put("id", "");
        }
        if (fields.path("dataset").asBoolean()) {
            out.putObject("dataset");
        }
        if (fields.path("rect").asBoolean()) {
            out.put("left", 0).put("right", windowWidth).put("top", 0).put("bottom", windowHeight);
        }
        if (fields.path("size").asBoolean()) {
            out.put("width", windowWidth).put("height", windowHeight);
        }
        if (fields.path("scrollOffset").asBoolean()) {
            Node root = tree.pageRoot(pageId);
            out.put("scrollLeft", 0).put("scrollTop", pageScrollTop(pageId)).put("scrollWidth", windowWidth)
                    .put("scrollHeight", layout == null || root == null ? windowHeight
                            : Math.max(windowHeight, layout.box(root).height()));
        }
        return out;
    }
}
