package dev.ttrtc.view.internal.components;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.ttrtc.runtime.view.LogicLayer;
import dev.ttrtc.runtime.view.ProjectFiles;
import dev.ttrtc.view.internal.tree.Change;
import dev.ttrtc.view.internal.tree.Node;
import dev.ttrtc.view.internal.ttml.JsValues;
import dev.ttrtc.view.internal.ttml.TtmlCompiler;
import dev.ttrtc.view.spi.AttributeSpec;
import dev.ttrtc.view.spi.ComponentProvider;
import dev.ttrtc.view.spi.ElementContext;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** What one built-in element sees: its attributes with defaults, and the view's services. */
final class RealElementContext implements ElementContext {
    private final Node node;
    private final Map<String, AttributeSpec> specs = new HashMap<>();
    private final LogicLayer logic;
    private final Builtins.Services services;

    RealElementContext(Node node, ComponentProvider provider, LogicLayer logic, Builtins.Services services) {
        this.node = node;
        this.logic = logic;
        this.services = services;
        for (AttributeSpec spec : provider.attributes()) {
            specs.put(spec.name(), spec);
        }
    }

    Node node() {
        return node;
    }

    /** The logic layer, for what the view's own built-ins do to the page (a navigator navigates). */
    LogicLayer logic() {
        return logic;
    }

    @Override
    public String instanceId() {
        return logic.instanceId();
    }

    @Override
    public int nodeId() {
        return node.id();
    }

    @Override
    public String tag() {
        return node.tag();
    }

    @Override
    public boolean has(String attribute) {
        return node.attributes().containsKey(attribute);
    }

    private Object raw(String attribute) {
        Map<String, Object> attributes = node.attributes();
        if (attributes.containsKey(attribute)) {
            return attributes.get(attribute);
        }
        AttributeSpec spec = specs.get(attribute);
        return spec == null ? JsValues.UNDEFINED : spec.defaultValue();
    }

    @Override
    public String string(String attribute) {
        Object value = raw(attribute);
        return value == Boolean.TRUE && has(attribute) ? "" : JsValues.toDisplayString(value);
    }

    @Override
    public String style(String attribute) {
        return services.inlineStyle(string(attribute));
    }

    @Override
    public boolean bool(String attribute) {
        return JsValues.toBoolean(raw(attribute));
    }

    @Override
    public double number(String attribute) {
        return JsValues.toNumber(raw(attribute));
    }

    @Override
    public JsonNode value(String attribute) {
        JsonNode json = JsValues.toJson(raw(attribute));
        return json.isMissingNode() ? JsonNodeFactory.instance.nullNode() : json;
    }

    @Override
    public JsonNode emit(String type, JsonNode detail) {
        return services.inTree(node) ? services.emit(node, type, detail) : com.fasterxml.jackson.databind.node.MissingNode.getInstance();
    }

    @Override
    public void later(Runnable task) {
        logic.loop().execute(() -> {
            if (services.inTree(node)) {
                task.run();
            }
        });
    }

    @Override
    public void invalidate() {
        services.changed(new Change.Replace(node));
    }

    @Override
    public void valueChanged() {
        services.changed(new Change.Value(node));
    }

    @Override
    public String resolvePath(String src) {
        if (src.contains("://") || src.startsWith("data:")) {
            return null;
        }
        return TtmlCompiler.resolve(node.owner().path(), src);
    }

    @Override
    public ProjectFiles files() {
        return logic.files();
    }

    @Override
    public void warn(String message) {
        services.warn(node.source().location(), "<" + node.tag() + "> " + message);
    }

    @Override
    public <T> Optional<T> attachment(Class<T> type) {
        return logic.attachment(type);
    }
}
