package dev.ttrtc.automator.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ttrtc.runtime.view.ComponentHandle;
import dev.ttrtc.runtime.view.ViewElement;
import java.util.Map;

/**
 * {@code Element.getData}, {@code Element.setData} and {@code Element.callMethod}: the client's
 * {@code CustomElement} (an element described with a {@code nodeId}) reaches the component
 * instance its host element holds. Values cross as JSON: {@code undefined} (a method that returns
 * nothing, a path that names nothing) answers null.
 */
final class ComponentMethods {
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private final InstanceScript script;
    private final ElementRegistry elements;

    ComponentMethods(InstanceScript script, ElementRegistry elements) {
        this.script = script;
        this.elements = elements;
    }

    void register(Map<String, Session.Handler> methods) {
        methods.put("Element.getData", p -> {
            String path = p.optionalString("path").orElse(null);
            return JSON.objectNode().set("data", script.await(component(p).data(path), p.method()));
        });
        methods.put("Element.setData", p -> {
            JsonNode data = p.any("data");
            if (!data.isObject()) {
                throw AutomatorError.BAD_PARAM.error(p.method(), "data", "must be an object");
            }
            script.await(component(p).setData((ObjectNode) data), p.method());
            return JSON.objectNode();
        });
        methods.put("Element.callMethod", p -> {
            String method = p.string("method");
            JsonNode result = script.await(component(p).callMethod(method, p.array("args")), p.method() + " " + method);
            return JSON.objectNode().set("result", result);
        });
    }

    private ComponentHandle component(Params p) {
        ViewElement element = elements.element(p);
        return element.component().orElseThrow(() -> AutomatorError.ELEMENT_CANNOT.error(element.tag(),
                "is not a custom component: " + p.method() + " reaches the instance a custom component's element hosts"));
    }
}
