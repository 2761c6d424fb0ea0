package dev.ttrtc.view.internal.components;

import dev.ttrtc.view.spi.AttributeSpec;
import dev.ttrtc.view.spi.ComponentProvider;
import dev.ttrtc.view.spi.ElementBehavior;
import dev.ttrtc.view.spi.ElementContext;
import dev.ttrtc.view.spi.HtmlOut;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code <input>}: a real {@code <input>} showing the typed text (see {@link TextField});
 * {@code maxlength} 140 by default.
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

    static final class Input extends TextField {
        Input(ElementContext element) {
            super(element);
        }

        @Override
        public void innerHtml(HtmlOut out) {
            Map<String, String> attributes = new LinkedHashMap<>();
            attributes.put("type", element.bool("password") ? "password" : element.string("type").equals("text") ? "text" : "number");
            attributes.put("value", text());
            String placeholder = element.string("placeholder");
            attributes.put("placeholder", placeholder.isEmpty() ? null : placeholder);
            attributes.put("disabled", element.bool("disabled") ? "" : null);
            long max = maxLength();
            attributes.put("maxlength", max >= 0 ? Long.toString(max) : null);
            out.open("input", attributes);
        }
    }
}
