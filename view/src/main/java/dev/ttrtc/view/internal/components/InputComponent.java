package dev.ttrtc.view.internal.components;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ttrtc.view.spi.AttributeSpec;
import dev.ttrtc.view.spi.ComponentProvider;
import dev.ttrtc.view.spi.ElementBehavior;
import dev.ttrtc.view.spi.ElementContext;
import dev.ttrtc.view.spi.HtmlOut;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code <input>}: the text the user typed is the element's state (the template's {@code value}
 * replaces it whenever it changes); typing fires {@code input} with {@code {value, cursor}},
 * and a string the handler returns replaces the text, as the platform documents. At most
 * {@code maxlength} characters (140 by default; -1 for no limit) are kept.
 */
final class InputComponent implements ComponentProvider {
    @Override
    public String tag() {
        return "input";
    }

    @Override
    public List<AttributeSpec> attributes() {
        return List.of(AttributeSpec.string("value", ""), AttributeSpec.string("type", "text"),
                AttributeSpec.bool("password", false), AttributeSpec.string("placeholder", ""),
                AttributeSpec.string("placeholder-style", ""), AttributeSpec.string("placeholder-class", ""),
                AttributeSpec.bool("disabled", false), AttributeSpec.number("maxlength", 140),
                AttributeSpec.number("cursor-spacing", 0), AttributeSpec.bool("focus", false), AttributeSpec.number("cursor", -1),
                AttributeSpec.number("selection-start", -1), AttributeSpec.number("selection-end", -1),
                AttributeSpec.bool("adjust-position", true), AttributeSpec.string("confirm-type", "done"),
                AttributeSpec.bool("confirm-hold", false), AttributeSpec.bool("hold-keyboard", false),
                AttributeSpec.string("name", ""));
    }

    @Override
    public String baseCss() {
        return """
                tt-input { display: block; min-height: 1.4rem; overflow: hidden; }
                tt-input > input { width: 100%; height: 100%; border: 0; padding: 0; margin: 0; background: transparent;
                  font: inherit; color: inherit; outline: none; }""";
    }

    @Override
    public ElementBehavior create(ElementContext element) {
        return new Input(element);
    }

    static final class Input implements ElementBehavior, FormField {
        private final ElementContext element;
        private String text;

        Input(ElementContext element) {
            this.element = element;
            this.text = element.string("value");
        }

        String text() {
            return text;
        }

        @Override
        public void attributesChanged() {
            String value = element.string("value");
            if (!value.equals(text)) {
                text = value;
                element.valueChanged();
            }
        }

        @Override
        public boolean showsChildren() {
            return false;
        }

        @Override
        public void innerHtml(HtmlOut out) {
            Map<String, String> attributes = new LinkedHashMap<>();
            attributes.put("type", element.bool("password") ? "password" : element.string("type").equals("text") ? "text" : "number");
            attributes.put("value", text);
            String placeholder = element.string("placeholder");
            attributes.put("placeholder", placeholder.isEmpty() ? null : placeholder);
            attributes.put("disabled", element.bool("disabled") ? "" : null);
            double max = element.number("maxlength");
            attributes.put("maxlength", max >= 0 ? Long.toString((long) max) : null);
            out.open("input", attributes);
        }

        @Override
        public JsonNode value() {
            return JsonNodeFactory.instance.textNode(text);
        }

        @Override
        public boolean enabled() {
            return !element.bool("disabled");
        }

        @Override
        public void input(String typed) {
            if (!enabled()) {
                throw new IllegalStateException("the input is disabled");
            }
            double max = element.number("maxlength");
            text = max >= 0 && typed.length() > max ? typed.substring(0, (int) max) : typed;
            ObjectNode detail = JsonNodeFactory.instance.objectNode().put("value", text).put("cursor", text.length());
            JsonNode returned = element.emit("input", detail);
            if (returned.isTextual()) {
                text = returned.asText();
            } else if (returned.isObject() && returned.path("value").isTextual()) {
                text = returned.get("value").asText();
            }
            element.valueChanged();
        }

        @Override
        public String fieldName() {
            return element.string("name");
        }

        @Override
        public JsonNode fieldValue() {
            return JsonNodeFactory.instance.textNode(text);
        }

        @Override
        public void reset() {
            text = element.string("value");
            element.valueChanged();
        }
    }
}
