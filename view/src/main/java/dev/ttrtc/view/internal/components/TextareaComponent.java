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
 * {@code <textarea>}: a real {@code <textarea>} showing the typed text (see {@link TextField});
 * {@code maxlength} 140 by default; {@code auto-height} grows it with its lines (CSS
 * {@code field-sizing: content} in the browser) instead of the fixed 300 × 150 px.
 */
final class TextareaComponent implements ComponentProvider {
    @Override
    public String tag() {
        return "textarea";
    }

    @Override
    public List<AttributeSpec> attributes() {
        return List.of(AttributeSpec.string("value", ""), AttributeSpec.string("placeholder", ""),
                AttributeSpec.string("placeholder-style", ""), AttributeSpec.string("placeholder-class", ""),
                AttributeSpec.bool("disabled", false), AttributeSpec.number("maxlength", 140),
                AttributeSpec.bool("focus", false), AttributeSpec.bool("auto-height", false), AttributeSpec.bool("fixed", false),
                AttributeSpec.number("cursor-spacing", 0), AttributeSpec.number("cursor", -1),
                AttributeSpec.number("selection-start", -1), AttributeSpec.number("selection-end", -1),
                AttributeSpec.bool("adjust-position", true), AttributeSpec.bool("disable-default-padding", true),
                AttributeSpec.string("confirm-type", "return"), AttributeSpec.bool("show-confirm-bar", true),
                AttributeSpec.bool("hold-keyboard", false), AttributeSpec.string("name", ""));
    }

    @Override
    public String baseCss() {
        return """
                tt-textarea { display: block; width: 300px; height: 150px; overflow: hidden; }
                tt-textarea[auto-height] { height: auto; min-height: 1.4rem; }
                tt-textarea > textarea { display: block; box-sizing: border-box; width: 100%; height: 100%; border: 0; padding: 0;
                  margin: 0; background: transparent; font: inherit; color: inherit; outline: none; resize: none; }
                tt-textarea[auto-height] > textarea { field-sizing: content; }""";
    }

    @Override
    public ElementBehavior create(ElementContext element) {
        return new Textarea(element);
    }

    static final class Textarea extends TextField {
        Textarea(ElementContext element) {
            super(element);
        }

        @Override
        public void htmlAttributes(Map<String, String> out) {
            if (element.bool("auto-height")) {
                out.put("auto-height", "");
            }
        }

        @Override
        public void innerHtml(HtmlOut out) {
            Map<String, String> attributes = new LinkedHashMap<>();
            String placeholder = element.string("placeholder");
            attributes.put("placeholder", placeholder.isEmpty() ? null : placeholder);
            attributes.put("disabled", element.bool("disabled") ? "" : null);
            long max = maxLength();
            attributes.put("maxlength", max >= 0 ? Long.toString(max) : null);
            out.element("textarea", attributes, text());
        }
    }
}
