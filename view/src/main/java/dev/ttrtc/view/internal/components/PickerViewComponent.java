package dev.ttrtc.view.internal.components;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.ttrtc.view.internal.tree.Node;
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
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code <picker-view>} with its {@code <picker-view-column>}s: each column shows its children
 * as rows as high as the indicator (34 px, or the {@code height} of {@code indicator-style} in px or rpx),
 * the chosen one in the indicator band across the middle. The chosen rows are the element's
 * state: {@code value} (an array of row indexes, a number past a column's rows choosing its last)
 * replaces them whenever the template changes it. A user who scrolls a column to another row, or
 * {@code change([i, j…])} from Java, fires {@code change} with {@code {value: [rows]}}.
 * {@code pickstart} and {@code pickend} do not fire; {@code mask-style} and {@code mask-class}
 * draw nothing (no masks); the picker is 170 px high unless its style says otherwise.
 */
final class PickerViewComponent implements ComponentProvider {
    /** The row height when {@code indicator-style} names none. */
    private static final double ROW = 34;
    private static final Pattern HEIGHT_PX = Pattern.compile("(?:^|;)\\s*height\\s*:\\s*([0-9]+(?:\\.[0-9]+)?)px", Pattern.CASE_INSENSITIVE);

    @Override
    public String tag() {
        return "picker-view";
    }

    @Override
    public List<AttributeSpec> attributes() {
        return List.of(AttributeSpec.any("value"), AttributeSpec.string("indicator-style", ""),
                AttributeSpec.string("indicator-class", ""), AttributeSpec.string("mask-style", ""),
                AttributeSpec.string("mask-class", ""));
    }

    @Override
    public String baseCss() {
        return """
                tt-picker-view { display: flex; position: relative; overflow: hidden; height: 170px; }
                tt-picker-view > .tt-picker-view-indicator { position: absolute; left: 0; right: 0; z-index: 1;
                  top: calc(50% - var(--tt-pv-row, 34px) / 2); height: var(--tt-pv-row, 34px); box-sizing: border-box;
                  border-top: 1px solid #e5e5e5; border-bottom: 1px solid #e5e5e5; pointer-events: none; }
                tt-picker-view-column { display: block; flex: 1; height: 100%; overflow-y: auto; scroll-snap-type: y mandatory;
                  scrollbar-width: none; }
                tt-picker-view-column::before, tt-picker-view-column::after { content: ""; display: block;
                  height: calc(50% - var(--tt-pv-row, 34px) / 2); }
                tt-picker-view-column > * { display: block; height: var(--tt-pv-row, 34px); line-height: var(--tt-pv-row, 34px);
                  overflow: hidden; text-align: center; scroll-snap-align: center; }""";
    }

    @Override
    public ElementBehavior create(ElementContext element) {
        return new PickerView(element);
    }

    static final class PickerView implements ElementBehavior {
        private final ElementContext element;
        /** The row each column has chosen (not clamped: a column's rows may still come). */
        private final List<Integer> chosen = new ArrayList<>();
        private JsonNode lastTemplateValue;

        PickerView(ElementContext element) {
            this.element = element;
            this.lastTemplateValue = element.value("value");
            take(lastTemplateValue);
        }

        private void take(JsonNode value) {
            chosen.clear();
            if (value != null && value.isArray()) {
                for (JsonNode row : value) {
                    double n = JsValues.toNumber(JsValues.fromJson(row));
                    chosen.add(Double.isFinite(n) && n > 0 ? (int) Math.min(Integer.MAX_VALUE, n) : 0);
                }
            }
        }

        double rowHeight() {
            Matcher m = HEIGHT_PX.matcher(element.style("indicator-style"));
            if (m.find()) {
                double px = Double.parseDouble(m.group(1));
                if (px > 0) {
                    return px;
                }
            }
            return ROW;
        }

        private List<Column> columns() {
            List<Column> columns = new ArrayList<>();
            Elements.descendants(element, Column.class, Column.class, columns::add);
            return columns;
        }

        /** The row {@code column} shows: its chosen one, or its last when it has fewer rows. */
        int rowOf(Column column) {
            int index = columns().indexOf(column);
            int wanted = index >= 0 && index < chosen.size() ? chosen.get(index) : 0;
            return Math.max(0, Math.min(wanted, column.rows() - 1));
        }

        private ArrayNode shownValue() {
            ArrayNode value = JsonNodeFactory.instance.arrayNode();
            columns().forEach(c -> value.add(rowOf(c)));
            return value;
        }

        /** The user scrolled {@code column} to {@code row}. */
        void picked(Column column, int row) {
            List<Column> columns = columns();
            int index = columns.indexOf(column);
            if (index < 0 || row == rowOf(column)) {
                return;
            }
            while (chosen.size() < columns.size()) {
                chosen.add(0);
            }
            chosen.set(index, row);
            element.emit("change", JsonNodeFactory.instance.objectNode().set("value", shownValue()));
        }

        @Override
        public void attributesChanged() {
            element.invalidate();
            JsonNode templateValue = element.value("value");
            if (!templateValue.equals(lastTemplateValue)) {
                lastTemplateValue = templateValue;
                take(templateValue);
                columns().forEach(Column::show);
            }
        }

        @Override
        public void htmlAttributes(Map<String, String> out) {
            Styles.prependVariable(out, "--tt-pv-row", JsValues.numberToString(rowHeight()) + "px");
        }

        @Override
        public void innerHtml(HtmlOut out) {
            Map<String, String> indicator = new LinkedHashMap<>();
            indicator.put("class", ("tt-picker-view-indicator " + element.string("indicator-class")).strip());
            String style = element.style("indicator-style");
            indicator.put("style", style.isEmpty() ? null : style);
            out.element("div", indicator, "");
        }

        @Override
        public void change(JsonNode value) {
            if (!value.isArray()) {
                throw new IllegalArgumentException("a picker-view changes to an array of row indexes, not " + value);
            }
            take(value);
            columns().forEach(Column::show);
            element.emit("change", JsonNodeFactory.instance.objectNode().set("value", shownValue()));
        }
    }

    static final class ColumnProvider implements ComponentProvider {
        @Override
        public String tag() {
            return "picker-view-column";
        }

        @Override
        public List<AttributeSpec> attributes() {
            return List.of();
        }

        @Override
        public ElementBehavior create(ElementContext element) {
            return new Column(element);
        }
    }

    /** A column: its scroll offset is its chosen row times the row height (a mirror scrolls there). */
    static final class Column implements ElementBehavior {
        private final ElementContext element;

        /** Mirrors get its offset as a restored value after the HTML that inserts it. */
        Column(ElementContext element) {
            this.element = element;
        }

        private PickerView picker() {
            return Elements.ancestor(element, PickerView.class);
        }

        int rows() {
            int rows = 0;
            for (Node child : Elements.node(element).children()) {
                rows += child.isText() ? 0 : 1;
            }
            return rows;
        }

        void show() {
            element.valueChanged();
        }

        @Override
        public JsonNode value() {
            PickerView picker = picker();
            double top = picker == null ? 0 : picker.rowOf(this) * picker.rowHeight();
            return JsonNodeFactory.instance.objectNode().put("scrollLeft", 0).put("scrollTop", top);
        }

        @Override
        public void scroll(double left, double top) {
            PickerView picker = picker();
            if (picker == null) {
                throw new UnsupportedOperationException("this picker-view-column is not inside a picker-view");
            }
            int row = (int) Math.max(0, Math.min(rows() - 1, Math.round(top / picker.rowHeight())));
            picker.picked(this, row);
            // A scroll that stops between rows settles on the nearest.
            show();
        }
    }
}
