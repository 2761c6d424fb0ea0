package dev.ttrtc.automator.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ttrtc.runtime.view.ViewElement;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

/**
 * {@code Element.*}: queries inside an element, what it shows (text, attributes, styles,
 * properties, markup, box) and what a user does to it (tap, touches, events, typing, controls),
 * all answered from the render tree.
 */
final class ElementMethods {
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private final InstanceScript script;
    private final ElementRegistry elements;

    ElementMethods(InstanceScript script, ElementRegistry elements) {
        this.script = script;
        this.elements = elements;
    }

    void register(Map<String, Session.Handler> methods) {
        methods.put("Element.getElement", p -> {
            List<ViewElement> found = inside(p);
            return elements.first(p.pageId(), found.stream().findFirst(), p.string("selector"));
        });
        methods.put("Element.getElements", p -> elements.describeAll(p.pageId(), inside(p)));
        methods.put("Element.getDOMProperties", p -> values(p, "properties", this::domProperty));
        methods.put("Element.getProperties", p -> values(p, "properties", this::property));
        methods.put("Element.getAttributes", p -> values(p, "attributes", (e, name) -> e.attr(name).map(JSON::textNode).orElse(null)));
        methods.put("Element.getStyles", p -> values(p, "styles", (e, name) -> InlineStyle.value(e.attr("style").orElse(""), name)
                .map(JSON::textNode).orElse(null)));
        methods.put("Element.getWXML", p -> {
            ViewElement e = elements.element(p);
            boolean outer = p.optionalString("type").orElse("inner").equals("outer");
            return JSON.objectNode().put("wxml", Views.read(() -> e.markup(outer)));
        });
        methods.put("Element.getOffset", p -> {
            double[] box = box(elements.element(p));
            return JSON.objectNode().put("left", box[0]).put("top", box[1]);
        });
        methods.put("Element.tap", p -> act(p, ViewElement::tap));
        for (String touch : new String[] {"touchstart", "touchmove", "touchend"}) {
            methods.put("Element." + touch, p -> act(p, e -> e.trigger(touch, JSON.objectNode())));
        }
        methods.put("Element.triggerEvent", p -> {
            String type = p.string("type");
            return act(p, e -> e.trigger(type, detail(p)));
        });
        methods.put("Element.dispatchEvent", p -> {
            String type = p.string("eventName");
            return act(p, e -> e.trigger(type, eventData(p)));
        });
        methods.put("Element.callFunction", this::callFunction);
        methods.put("Element.callContextMethod", p -> {
            String method = p.string("method");
            return act(p, e -> e.callContextMethod(method, p.array("args")));
        });
    }

    /** The elements inside the request's element that match its selector, in document order. */
    private List<ViewElement> inside(Params p) {
        ViewElement element = elements.element(p);
        String selector = p.string("selector");
        return Views.read(() -> {
            Set<Integer> within = ElementRegistry.descendants(element);
            return elements.topView(p).$$(selector).stream().filter(e -> within.contains(e.nodeId())).toList();
        });
    }

    private interface Reader {
        JsonNode read(ViewElement element, String name);
    }

    /** {@code {<key>: [value of each name, in order]}}, null for what the element lacks. */
    private JsonNode values(Params p, String key, Reader reader) {
        ViewElement element = elements.element(p);
        List<String> names = p.names();
        ObjectNode result = JSON.objectNode();
        ArrayNode values = result.putArray(key);
        Views.read(() -> {
            names.forEach(name -> {
                JsonNode value = reader.read(element, name);
                values.add(value == null ? JSON.nullNode() : value);
            });
            return null;
        });
        return result;
    }

    private JsonNode domProperty(ViewElement e, String name) {
        return switch (name) {
            case "innerText", "textContent", "value" -> JSON.textNode(e.text());
            case "offsetWidth" -> JSON.numberNode(box(e)[2]);
            case "offsetHeight" -> JSON.numberNode(box(e)[3]);
            case "offsetLeft" -> JSON.numberNode(box(e)[0]);
            case "offsetTop" -> JSON.numberNode(box(e)[1]);
            case "innerHTML" -> JSON.textNode(e.markup(false));
            case "outerHTML" -> JSON.textNode(e.markup(true));
            case "tagName" -> JSON.textNode(e.tag());
            case "id" -> JSON.textNode(e.id());
            case "className" -> JSON.textNode(e.attr("class").orElse(""));
            case "dataset" -> e.dataset();
            default -> e.attr(name).map(JSON::textNode).orElse(null);
        };
    }

    /**
     * The client first asks for {@code __propPublic} (an object whose keys are the properties it
     * may read), then for the property: the element's attributes and its shown value, typed as
     * the template wrote them ({@code checked="true"} is true).
     */
    private JsonNode property(ViewElement e, String name) {
        if (name.equals("__propPublic")) {
            ObjectNode names = JSON.objectNode();
            e.attributes().keySet().forEach(n -> names.put(n, true));
            names.put("value", true);
            return names;
        }
        if (name.equals("value")) {
            return JSON.textNode(e.text());
        }
        return e.attr(name).map(ElementMethods::typed).orElse(null);
    }

    private static JsonNode typed(String value) {
        if (value.isEmpty() || value.equals("true")) {
            return JSON.booleanNode(true);
        }
        if (value.equals("false")) {
            return JSON.booleanNode(false);
        }
        try {
            return JSON.numberNode(Double.parseDouble(value));
        } catch (NumberFormatException notANumber) {
            return JSON.textNode(value);
        }
    }

    private static double[] box(ViewElement e) {
        Optional<double[]> box = e.box();
        return box.orElseThrow(() -> AutomatorError.ELEMENT_CANNOT.error(e.tag(), "is no longer in the page"));
    }

    /**
     * The element subclasses' own calls: {@code input.input}, {@code textarea.input},
     * {@code switch.tap}, {@code slider.slideTo}, {@code swiper.swipeTo},
     * {@code scroll-view.scrollTo} and the scroll-view's sizes and offsets.
     */
    private JsonNode callFunction(Params p) {
        String function = p.string("functionName");
        ArrayNode args = p.array("args");
        ViewElement e = elements.element(p);
        return switch (function) {
            case "input.input", "textarea.input" -> act(p, el -> el.input(args.path(0).asText()));
            case "switch.tap" -> act(p, ViewElement::tap);
            case "slider.slideTo", "swiper.swipeTo" -> act(p, el -> el.change(args.path(0).asDouble()));
            case "scroll-view.scrollTo" -> act(p, el -> el.scroll(args.path(0).asDouble(), args.path(1).asDouble()));
            case "scroll-view.scrollWidth" -> JSON.objectNode().put("result", box(e)[2]);
            case "scroll-view.scrollHeight" -> JSON.objectNode().put("result", box(e)[3]);
            default -> throw AutomatorError.UNSUPPORTED.error("Element.callFunction " + function,
                    "the element classes' functions supported are input.input, textarea.input, switch.tap, slider.slideTo,"
                            + " swiper.swipeTo, scroll-view.scrollTo, scroll-view.scrollWidth and scroll-view.scrollHeight");
        };
    }

    private interface Action {
        CompletableFuture<Void> on(ViewElement element);
    }

    /** Performs a user action and answers once its handlers' synchronous part ran. */
    private JsonNode act(Params p, Action action) {
        ViewElement element = elements.element(p);
        CompletableFuture<Void> done = Views.read(() -> action.on(element));
        script.await(done, p.method());
        return JSON.objectNode();
    }

    private static JsonNode detail(Params p) {
        JsonNode detail = p.any("detail");
        return detail.isNull() ? JSON.objectNode() : detail;
    }

    /** {@code dispatchEvent({eventName, eventData})} as the platform documents it; {@code detail} is taken too. */
    private static JsonNode eventData(Params p) {
        JsonNode data = p.any("eventData");
        return data.isNull() ? detail(p) : data;
    }

}
