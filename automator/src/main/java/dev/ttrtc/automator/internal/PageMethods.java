package dev.ttrtc.automator.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ttrtc.runtime.view.InstanceView;
import dev.ttrtc.runtime.view.ViewElement;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** {@code Page.*}: data, methods and elements of one page of the stack. */
final class PageMethods {
    private final Session session;
    private final InstanceScript script;
    private final ElementRegistry elements;

    PageMethods(Session session, InstanceScript script, ElementRegistry elements) {
        this.session = session;
        this.script = script;
        this.elements = elements;
    }

    void register(Map<String, Session.Handler> methods) {
        methods.put("Page.getData", p -> script.call(session.program(), p.method(), "data", p.pageId(), p.optionalString("path").orElse(null)));
        methods.put("Page.setData", p -> {
            JsonNode data = p.any("data");
            if (!data.isObject()) {
                throw AutomatorError.BAD_PARAM.error(p.method(), "data", "must be an object");
            }
            return script.call(session.program(), p.method(), "setData", p.pageId(), data);
        });
        methods.put("Page.callMethod", p -> script.call(session.program(), "Page.callMethod " + p.string("method"), "callMethod",
                p.pageId(), p.string("method"), p.array("args")));
        methods.put("Page.getElement", p -> {
            String selector = p.string("selector");
            InstanceView view = elements.topView(p);
            return elements.first(p.pageId(), Views.read(() -> view.$(selector)), selector);
        });
        methods.put("Page.getElements", p -> {
            String selector = p.string("selector");
            InstanceView view = elements.topView(p);
            return elements.describeAll(p.pageId(), Views.read(() -> view.$$(selector)));
        });
        methods.put("Page.getElementByXpath", p -> {
            String selector = p.string("selector");
            List<ViewElement> found = xpath(p, selector);
            return elements.first(p.pageId(), found.isEmpty() ? Optional.empty() : Optional.of(found.get(0)), selector);
        });
        methods.put("Page.getElementsByXpath", p -> elements.describeAll(p.pageId(), xpath(p, p.string("selector"))));
        methods.put("Page.getWindowProperties", this::windowProperties);
    }

    private List<ViewElement> xpath(Params p, String selector) {
        XPath parsed = XPath.parse(selector);
        InstanceView view = elements.topView(p);
        return Views.read(() -> parsed.select(view));
    }

    /**
     * The client asks for {@code document.documentElement.scrollWidth/scrollHeight} (page size)
     * and {@code document.body.scrollTop}/{@code document.documentElement.scrollTop}. Widths are
     * the window's; the height is the page's under the view's layout rule (at least the window's);
     * scrollTop is how far the top page is scrolled ({@code tt.pageScrollTo}, from the client or the page).
     */
    private JsonNode windowProperties(Params p) {
        InstanceView view = elements.topView(p);
        JsonNode info = script.call(session.program(), p.method(), "callWx", "getSystemInfoSync", JsonNodeFactory.instance.arrayNode())
                .path("result");
        ObjectNode result = JsonNodeFactory.instance.objectNode();
        ArrayNode values = result.putArray("properties");
        for (String name : p.names()) {
            switch (name) {
                case "document.documentElement.scrollWidth", "innerWidth" -> values.add(info.path("windowWidth").asInt());
                case "document.documentElement.scrollHeight" -> values.add(Math.max(info.path("windowHeight").asInt(), pageHeight(view)));
                case "innerHeight" -> values.add(info.path("windowHeight").asInt());
                case "document.body.scrollTop", "document.documentElement.scrollTop", "scrollY", "pageYOffset" -> values.add(Views.read(view::scrollTop));
                default -> values.addNull();
            }
        }
        return result;
    }

    private static int pageHeight(InstanceView view) {
        return Views.read(() -> view.$("page").flatMap(ViewElement::box).map(box -> (int) Math.ceil(box[3])).orElse(0));
    }
}
