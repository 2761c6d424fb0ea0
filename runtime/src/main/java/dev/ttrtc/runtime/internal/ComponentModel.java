package dev.ttrtc.runtime.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ttrtc.runtime.view.ComponentInfo;
import dev.ttrtc.runtime.view.ComponentInfo.PropertyType;
import dev.ttrtc.runtime.view.CreatedComponent;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.graalvm.polyglot.Value;

/**
 * The Java face of components.js: component instances, their properties, lifetimes and
 * handlers, as the view layer drives them, and the JS objects of the view's APIs (selector
 * queries, animations). Values cross as JSON text. Loop thread only.
 */
final class ComponentModel {
    private final Value model;
    private final Value createAnimation;

    /** @param createAnimation animation.js's function */
    ComponentModel(Value model, Value createAnimation) {
        this.model = model;
        this.createAnimation = createAnimation;
    }

    /** The definition of a loaded component, or null when no component file defined it. */
    ComponentInfo info(String path) {
        Value json = model.invokeMember("componentInfo", path);
        if (json.isNull()) {
            return null;
        }
        JsonNode node = JsBridge.parse(json.asString());
        Map<String, PropertyType> properties = new LinkedHashMap<>();
        node.path("properties").properties().forEach(e ->
                properties.put(e.getKey(), PropertyType.valueOf(e.getValue().asText().toUpperCase(Locale.ROOT))));
        List<String> external = new ArrayList<>();
        node.path("externalClasses").forEach(c -> external.add(c.asText()));
        return new ComponentInfo(path, properties, List.copyOf(external), node.path("options"),
                node.path("formField").asBoolean(false));
    }

    CreatedComponent create(String path, int parentOwnerId, int pageId, ObjectNode hostInfo) {
        Value json = model.invokeMember("createComponent", path, parentOwnerId, pageId, hostInfo.toString());
        JsonNode node = JsBridge.parse(json.asString());
        return new CreatedComponent(node.path("id").asInt(), (ObjectNode) node.path("data"));
    }

    ObjectNode setProperties(int componentId, ObjectNode changed) {
        return (ObjectNode) JsBridge.parse(model.invokeMember("setProperties", componentId, changed.toString()).asString());
    }

    void lifetime(int componentId, String name) {
        model.invokeMember("lifetime", componentId, name);
    }

    Optional<JsonNode> callHandler(int ownerId, String method, ObjectNode event) {
        Value result = model.invokeMember("callHandler", ownerId, method, event.toString());
        if (!result.getArrayElement(0).asBoolean()) {
            return Optional.empty();
        }
        Value json = result.getArrayElement(1);
        return Optional.of(json.isNull() ? MissingNode.getInstance() : JsBridge.parse(json.asString()));
    }

    /** A component's data (at a data path unless null), for {@code settle}; throws when it is gone. */
    Value componentData(int componentId, String path) {
        return model.invokeMember("componentData", componentId, path);
    }

    /** A component's setData from outside: a promise settled once the view has the update. */
    Value componentSetData(int componentId, String dataJson) {
        return model.invokeMember("componentSetData", componentId, dataJson);
    }

    /** Calls a component's method with JSON arguments: what it returned (maybe a promise). */
    Value componentCall(int componentId, String method, String argsJson) {
        return model.invokeMember("componentCall", componentId, method, argsJson);
    }

    /** Calls a page hook such as {@code onPageScroll} with one argument, when the page has it. */
    void pageHook(int pageId, String hook, JsonNode argument) {
        model.invokeMember("pageHook", pageId, hook, argument.toString());
    }

    /** A fresh {@code SelectorQuery} for {@code tt.createSelectorQuery()}. */
    Value createSelectorQuery() {
        return model.invokeMember("createSelectorQuery");
    }

    /** A fresh {@code Animation} for {@code tt.createAnimation(options)}; options may be null (not given). */
    Value createAnimation(Value options) {
        return options == null ? createAnimation.execute() : createAnimation.execute(options);
    }

    /** The owner id of a page or component instance, or -1 for any other value. */
    int ownerIdOf(Value instance) {
        return model.invokeMember("ownerIdOf", instance).asInt();
    }

    /** The owner id of the page on top of the stack, 0 before the first page opens. */
    int topPageId() {
        return model.invokeMember("topPageId").asInt();
    }
}
