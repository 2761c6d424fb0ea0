package dev.ttrtc.view.internal.components;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.ttrtc.view.internal.ttml.JsValues;
import dev.ttrtc.view.spi.AttributeSpec;
import dev.ttrtc.view.spi.ComponentProvider;
import dev.ttrtc.view.spi.ElementBehavior;
import dev.ttrtc.view.spi.ElementContext;
import dev.ttrtc.view.spi.HtmlOut;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code <progress>}: a bar {@code percent} full (clamped to 0–100), {@code stroke-width} px
 * high, in {@code activeColor} (else the older {@code color}) on {@code backgroundColor}, with
 * the percentage beside it under {@code show-info}. The host draws the new width at once: it
 * does not animate, so with {@code active} the animation's end ({@code activeend}) fires on the
 * turn after each change of percent. The default colors are the host's.
 */
final class ProgressComponent implements ComponentProvider {
    @Override
    public String tag() {
        return "progress";
    }

    @Override
    public List<AttributeSpec> attributes() {
        return List.of(AttributeSpec.number("percent", 0), AttributeSpec.bool("show-info", false),
                AttributeSpec.number("border-radius", 0), AttributeSpec.number("font-size", 16),
                AttributeSpec.number("stroke-width", 6), AttributeSpec.string("color", "#f85959"),
                AttributeSpec.string("activeColor", "#f85959"), AttributeSpec.string("backgroundColor", "#ebebeb"),
                AttributeSpec.bool("active", false), AttributeSpec.string("active-mode", "backwards"),
                AttributeSpec.number("duration", 30));
    }

    @Override
    public String baseCss() {
        return """
                tt-progress { display: flex; align-items: center; }
                tt-progress > .tt-progress-bar { flex: 1; overflow: hidden; }
                tt-progress > .tt-progress-bar > div { height: 100%; }
                tt-progress > .tt-progress-info { margin-left: 15px; }""";
    }

    @Override
    public ElementBehavior create(ElementContext element) {
        return new Progress(element);
    }

    private static final class Progress implements ElementBehavior {
        private final ElementContext element;
        private double shownPercent;

        Progress(ElementContext element) {
            this.element = element;
            this.shownPercent = percent();
            if (element.bool("active")) {
                element.later(this::animationEnded);
            }
        }

        private double percent() {
            double percent = element.number("percent");
            return Double.isNaN(percent) ? 0 : Math.max(0, Math.min(100, percent));
        }

        private void animationEnded() {
            element.emit("activeend", JsonNodeFactory.instance.objectNode());
        }

        @Override
        public void attributesChanged() {
            element.invalidate();
            double percent = percent();
            if (percent != shownPercent) {
                shownPercent = percent;
                if (element.bool("active")) {
                    element.later(this::animationEnded);
                }
            }
        }

        @Override
        public boolean showsChildren() {
            return false;
        }

        @Override
        public void innerHtml(HtmlOut out) {
            String active = element.has("activeColor") || !element.has("color") ? element.string("activeColor") : element.string("color");
            out.open("div", classAndStyle("tt-progress-bar", "height: " + px("stroke-width", 6) + "; border-radius: "
                    + px("border-radius", 0) + "; background-color: " + element.string("backgroundColor")));
            out.element("div", Map.of("style", "width: " + JsValues.numberToString(shownPercent) + "%; background-color: " + active), "");
            out.close("div");
            if (element.bool("show-info")) {
                out.element("span", classAndStyle("tt-progress-info", "font-size: " + px("font-size", 16)),
                        JsValues.numberToString(shownPercent) + "%");
            }
        }

        private static Map<String, String> classAndStyle(String className, String style) {
            Map<String, String> attributes = new LinkedHashMap<>();
            attributes.put("class", className);
            attributes.put("style", style);
            return attributes;
        }

        private String px(String attribute, double fallback) {
            double value = element.number(attribute);
            return JsValues.numberToString(Double.isFinite(value) && value >= 0 ? value : fallback) + "px";
        }
    }
}
