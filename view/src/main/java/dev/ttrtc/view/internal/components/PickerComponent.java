package dev.ttrtc.view.internal.components;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.ttrtc.view.internal.ttml.JsValues;
import dev.ttrtc.view.spi.AttributeSpec;
import dev.ttrtc.view.spi.ComponentProvider;
import dev.ttrtc.view.spi.ElementBehavior;
import dev.ttrtc.view.spi.ElementContext;
import dev.ttrtc.view.spi.HtmlOut;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code <picker>}: its content is what the page shows; the choice sheet the phone slides up
 * is, in a browser, a transparent native control over the content (a {@code <select>} of the
 * range, a {@code <select>} per column, or a time / date input). Modes: {@code selector}
 * ({@code range} of strings or of objects labelled by {@code range-key}, {@code value} the
 * index), {@code multiSelector} ({@code range} an array of such columns, {@code value} an index
 * per column), {@code time} ({@code "hh:mm"}) and {@code date} ({@code "YYYY-MM-DD"}, or
 * {@code YYYY-MM} / {@code YYYY} by {@code fields}), with {@code start} / {@code end}.
 * {@code change(v)} from Java is the user confirming v (an index, an array of them, or a time /
 * date string): a multiSelector first fires {@code columnchange} with {@code {column, value}}
 * for each column that moved, then every mode fires {@code change} with {@code {value}}. The
 * chosen value is the element's (the template's {@code value} replaces it when it changes).
 * region is not built here (it needs the country's region list): a WARN entry, and the picker
 * shows its content only.
 */
final class PickerComponent implements ComponentProvider {
    private static final Set<String> NOT_BUILT = Set.of("region");

    @Override
    public String tag() {
        return "picker";
    }

    @Override
    public List<AttributeSpec> attributes() {
        return List.of(AttributeSpec.string("mode", "selector"), AttributeSpec.bool("disabled", false),
                AttributeSpec.any("range"), AttributeSpec.string("range-key", ""), AttributeSpec.any("value"),
                AttributeSpec.string("start", ""), AttributeSpec.string("end", ""), AttributeSpec.string("fields", "day"),
                AttributeSpec.string("name", ""));
    }

    @Override
    public String baseCss() {
        return """
                tt-picker { display: block; position: relative; cursor: pointer; }
                tt-picker > .tt-picker-native { position: absolute; left: 0; top: 0; width: 100%; height: 100%; margin: 0;
                  border: 0; padding: 0; opacity: 0; cursor: pointer; }
                tt-picker[disabled] { cursor: default; }
                tt-picker > .tt-picker-columns { position: absolute; left: 0; top: 0; width: 100%; height: 100%; display: flex;
                  opacity: 0; }
                tt-picker > .tt-picker-columns > .tt-picker-native { flex: 1; min-width: 0; height: 100%; margin: 0; border: 0;
                  padding: 0; cursor: pointer; }""";
    }

    @Override
    public ElementBehavior create(ElementContext element) {
        return new Picker(element);
    }

    static final class Picker implements ElementBehavior, FormField {
        private final ElementContext element;
        private String modeName;
        private PickerMode mode;
        private JsonNode chosen;
        private String lastTemplate;

        Picker(ElementContext element) {
            this.element = element;
            this.modeName = element.string("mode");
            this.mode = mode();
            this.lastTemplate = templateSignature();
            this.chosen = mode == null ? null : mode.fromTemplate(element);
        }

        private PickerMode mode() {
            String name = element.string("mode");
            PickerMode found = PickerMode.named(name);
            if (found == null) {
                element.warn(NOT_BUILT.contains(name)
                        ? "mode=\"" + name + "\" is not built in tt-rtc-host; the picker shows its content only"
                        : "mode=\"" + name + "\" is not a picker mode (selector, multiSelector, time, date or region)");
            }
            return found;
        }

        /** What the template gives that the HTML shows: mode, range, labels, value, bounds. */
        private String templateSignature() {
            return element.string("mode") + '\u0000' + element.value("range") + '\u0000' + element.string("range-key")
                    + '\u0000' + element.value("value") + '\u0000' + element.string("start") + '\u0000' + element.string("end")
                    + '\u0000' + element.string("fields") + '\u0000' + element.bool("disabled");
        }

        @Override
        public void attributesChanged() {
            String signature = templateSignature();
            if (signature.equals(lastTemplate)) {
                return;
            }
            if (!element.string("mode").equals(modeName)) {
                modeName = element.string("mode");
                mode = mode();
            }
            lastTemplate = signature;
            chosen = mode == null ? null : mode.fromTemplate(element);
            element.invalidate();
        }

        @Override
        public void htmlAttributes(Map<String, String> out) {
            out.put("mode", element.string("mode"));
            if (element.bool("disabled")) {
                out.put("disabled", "");
            }
        }

        @Override
        public void innerHtml(HtmlOut out) {
            if (mode == null) {
                return;
            }
            Map<String, String> attributes = new LinkedHashMap<>();
            attributes.put("class", "tt-picker-native");
            attributes.put("disabled", element.bool("disabled") ? "" : null);
            if (mode == PickerMode.SELECTOR) {
                select(out, attributes, columns().get(0), chosen.asInt());
            } else if (mode == PickerMode.MULTI_SELECTOR) {
                out.open("div", Map.of("class", "tt-picker-columns"));
                List<List<String>> columns = columns();
                for (int column = 0; column < columns.size(); column++) {
                    Map<String, String> columnAttributes = new LinkedHashMap<>(attributes);
                    columnAttributes.put("data-column", Integer.toString(column));
                    select(out, columnAttributes, columns.get(column), chosen.path(column).asInt());
                }
                out.close("div");
            } else {
                mode.nativeInput(element, chosen.asText(), attributes);
                out.open("input", attributes);
            }
        }

        private static void select(HtmlOut out, Map<String, String> attributes, List<String> labels, int chosenIndex) {
            out.open("select", attributes);
            for (int i = 0; i < labels.size(); i++) {
                Map<String, String> option = new LinkedHashMap<>();
                option.put("value", Integer.toString(i));
                option.put("selected", i == chosenIndex ? "" : null);
                out.element("option", option, labels.get(i));
            }
            out.close("select");
        }

        /** The labels of each column: a selector's range is one column, a multiSelector's holds its columns. */
        List<List<String>> columns() {
            JsonNode range = element.value("range");
            if (mode != PickerMode.MULTI_SELECTOR) {
                return List.of(labels(range));
            }
            List<List<String>> columns = new ArrayList<>();
            if (range.isArray()) {
                range.forEach(column -> columns.add(labels(column)));
            }
            return columns;
        }

        /** A column's labels: strings as they are, objects by {@code range-key}. */
        private List<String> labels(JsonNode column) {
            List<String> labels = new ArrayList<>();
            String key = element.string("range-key");
            if (column.isArray()) {
                for (JsonNode item : column) {
                    JsonNode shown = item.isObject() && !key.isEmpty() ? item.path(key) : item;
                    labels.add(shown.isMissingNode() ? "" : JsValues.toDisplayString(JsValues.fromJson(shown)));
                }
            }
            return labels;
        }

        @Override
        public JsonNode value() {
            return chosen;
        }

        @Override
        public boolean enabled() {
            return !element.bool("disabled");
        }

        @Override
        public void change(JsonNode to) {
            if (mode == null) {
                throw new UnsupportedOperationException("picker mode \"" + element.string("mode") + "\" is not built in tt-rtc-host");
            }
            JsonNode before = chosen;
            chosen = mode.choose(element, to, columns().stream().map(List::size).toList());
            element.invalidate();
            if (mode == PickerMode.MULTI_SELECTOR) {
                for (int column = 0; column < chosen.size(); column++) {
                    if (before.path(column).asInt(-1) != chosen.get(column).asInt()) {
                        element.emit("columnchange", JsonNodeFactory.instance.objectNode().put("column", column)
                                .put("value", chosen.get(column).asInt()));
                    }
                }
            }
            element.emit("change", JsonNodeFactory.instance.objectNode().set("value", chosen));
        }

        @Override
        public String fieldName() {
            return element.string("name");
        }

        @Override
        public JsonNode fieldValue() {
            return chosen == null ? JsonNodeFactory.instance.nullNode() : chosen;
        }

        @Override
        public void reset() {
            chosen = mode == null ? null : mode.fromTemplate(element);
            element.invalidate();
        }
    }
}
