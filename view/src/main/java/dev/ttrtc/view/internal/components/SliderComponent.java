package dev.ttrtc.view.internal.components;

import com.fasterxml.jackson.databind.JsonNode;
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
 * {@code <slider>}: a real range input from {@code min} to {@code max} by {@code step}; its
 * value is the element's (the template's {@code value} replaces it whenever it changes).
 * {@code change(v)} from Java is a drag that ends at v: the value is clamped and snapped to the
 * step, then {@code changing} and {@code change} fire with {@code {value}}. {@code show-value}
 * shows the number beside it. A step that is not positive, or a max not above min, is a WARN
 * entry; the slider then uses step 1 / stays at min.
 */
final class SliderComponent implements ComponentProvider {
    @Override
    public String tag() {
        return "slider";
    }

    @Override
    public List<AttributeSpec> attributes() {
        return List.of(AttributeSpec.number("min", 0), AttributeSpec.number("max", 100), AttributeSpec.number("step", 1),
                AttributeSpec.bool("disabled", false), AttributeSpec.number("value", 0), AttributeSpec.string("color", "#e8e8e8"),
                AttributeSpec.string("selected-color", "#f85959"), AttributeSpec.string("active-color", "#f85959"),
                AttributeSpec.string("background-color", "#e8e8e8"), AttributeSpec.number("block-size", 28),
                AttributeSpec.string("block-color", "#ffffff"), AttributeSpec.bool("show-value", false),
                AttributeSpec.string("name", ""));
    }

    @Override
    public String baseCss() {
        return """
                tt-slider { display: flex; align-items: center; margin: 10px 18px; }
                tt-slider > input { flex: 1; margin: 0; accent-color: var(--tt-slider-active, #f85959); }
                tt-slider > .tt-slider-value { width: 3em; margin-left: 14px; text-align: right; color: #888888; }
                tt-slider[disabled] { opacity: 0.6; }""";
    }

    @Override
    public ElementBehavior create(ElementContext element) {
        return new Slider(element);
    }

    static final class Slider implements ElementBehavior, FormField {
        private final ElementContext element;
        private double value;
        private double lastTemplateValue;

        Slider(ElementContext element) {
            this.element = element;
            check();
            this.lastTemplateValue = element.number("value");
            this.value = fit(lastTemplateValue);
        }

        private void check() {
            if (!(element.number("step") > 0)) {
                element.warn("step=\"" + element.string("step") + "\" must be a number above 0; the slider uses 1");
            }
            if (!(element.number("max") > element.number("min"))) {
                element.warn("max (" + element.string("max") + ") must be above min (" + element.string("min") + ")");
            }
        }

        private double min() {
            double min = element.number("min");
            return Double.isFinite(min) ? min : 0;
        }

        private double max() {
            double max = element.number("max");
            return Double.isFinite(max) && max > min() ? max : min();
        }

        private double step() {
            double step = element.number("step");
            return step > 0 && Double.isFinite(step) ? step : 1;
        }

        /** Clamped to [min, max] and snapped to the steps from min. */
        private double fit(double v) {
            double min = min();
            double max = max();
            double clamped = Double.isNaN(v) ? min : Math.max(min, Math.min(max, v));
            double snapped = min + Math.round((clamped - min) / step()) * step();
            return Math.min(max, Math.round(snapped * 1e9) / 1e9);
        }

        @Override
        public void attributesChanged() {
            check();
            double templateValue = element.number("value");
            if (Double.compare(templateValue, lastTemplateValue) != 0) {
                lastTemplateValue = templateValue;
                show(fit(templateValue));
            }
        }

        @Override
        public void htmlAttributes(Map<String, String> out) {
            if (element.bool("disabled")) {
                out.put("disabled", "");
            }
            String active = element.has("active-color") || !element.has("selected-color")
                    ? element.string("active-color") : element.string("selected-color");
            Styles.prependVariable(out, "--tt-slider-active", active);
        }

        @Override
        public boolean showsChildren() {
            return false;
        }

        @Override
        public void innerHtml(HtmlOut out) {
            Map<String, String> attributes = new LinkedHashMap<>();
            attributes.put("type", "range");
            attributes.put("min", JsValues.numberToString(min()));
            attributes.put("max", JsValues.numberToString(max()));
            attributes.put("step", JsValues.numberToString(step()));
            attributes.put("value", JsValues.numberToString(value));
            attributes.put("disabled", element.bool("disabled") ? "" : null);
            out.open("input", attributes);
            if (element.bool("show-value")) {
                out.element("span", Map.of("class", "tt-slider-value"), JsValues.numberToString(value));
            }
        }

        @Override
        public JsonNode value() {
            return number(value);
        }

        private static JsonNode number(double v) {
            return v == Math.rint(v) && Math.abs(v) < 1e15 ? JsonNodeFactory.instance.numberNode((long) v)
                    : JsonNodeFactory.instance.numberNode(v);
        }

        @Override
        public boolean enabled() {
            return !element.bool("disabled");
        }

        @Override
        public void change(JsonNode to) {
            double requested = JsValues.toNumber(JsValues.fromJson(to));
            if (Double.isNaN(requested)) {
                throw new IllegalArgumentException("a slider changes to a number, not " + to);
            }
            show(fit(requested));
            element.emit("changing", JsonNodeFactory.instance.objectNode().set("value", number(value)));
            element.emit("change", JsonNodeFactory.instance.objectNode().set("value", number(value)));
        }

        @Override
        public String fieldName() {
            return element.string("name");
        }

        @Override
        public JsonNode fieldValue() {
            return number(value);
        }

        @Override
        public void reset() {
            show(fit(element.number("value")));
        }

        /** The new value, to mirrors: the number beside the slider is inner HTML. */
        private void show(double newValue) {
            value = newValue;
            if (element.bool("show-value")) {
                element.invalidate();
            } else {
                element.valueChanged();
            }
        }
    }
}
