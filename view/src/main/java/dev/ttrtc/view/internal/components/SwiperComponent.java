package dev.ttrtc.view.internal.components;

import com.fasterxml.jackson.databind.JsonNode;
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

/**
 * {@code <swiper>}: shows one of its {@code <swiper-item>} children (150 px high by default),
 * {@code current} or the item whose {@code item-id} is {@code current-item-id}; the shown
 * index is the element's (the template's value replaces it when it changes, and
 * {@code change} then fires with source ""). {@code change(i)} from Java is the user swiping
 * to item i: {@code change} fires with {@code {current, source: "touch"}}. {@code indicator-dots}
 * shows a dot per item. Host rule: {@code autoplay} is accepted but the host never swipes by
 * itself, so that a headless run is the same every time; a test drives it with {@code change}.
 */
final class SwiperComponent implements ComponentProvider {
    @Override
    public String tag() {
        return "swiper";
    }

    @Override
    public List<AttributeSpec> attributes() {
        return List.of(AttributeSpec.bool("indicator-dots", false), AttributeSpec.string("indicator-color", "rgba(0, 0, 0, .3)"),
                AttributeSpec.string("indicator-active-color", "#000000"), AttributeSpec.bool("autoplay", false),
                AttributeSpec.number("current", 0), AttributeSpec.string("current-item-id", ""),
                AttributeSpec.number("interval", 5000), AttributeSpec.string("previous-margin", ""),
                AttributeSpec.string("next-margin", ""), AttributeSpec.number("display-multiple-items", 1),
                AttributeSpec.number("duration", 500), AttributeSpec.bool("circular", false), AttributeSpec.bool("vertical", false));
    }

    @Override
    public String baseCss() {
        return """
                tt-swiper { display: flex; position: relative; overflow: hidden; height: 150px; }
                tt-swiper[vertical] { flex-direction: column; }
                tt-swiper > tt-swiper-item { flex: 0 0 100%; width: 100%; height: 100%; overflow: hidden;
                  transform: translateX(calc(var(--tt-swiper-current, 0) * -100%)); transition: transform 0.3s; }
                tt-swiper[vertical] > tt-swiper-item { transform: translateY(calc(var(--tt-swiper-current, 0) * -100%)); }
                tt-swiper > .tt-swiper-dots { position: absolute; left: 0; right: 0; bottom: 10px; z-index: 1; display: flex;
                  justify-content: center; gap: 8px; pointer-events: none; }
                tt-swiper > .tt-swiper-dots > i { width: 8px; height: 8px; border-radius: 50%; background: var(--tt-dot, rgba(0, 0, 0, .3)); }
                tt-swiper > .tt-swiper-dots > i.active { background: var(--tt-dot-active, #000000); }
                tt-swiper-item { display: block; }""";
    }

    @Override
    public ElementBehavior create(ElementContext element) {
        return new Swiper(element);
    }

    static final class Swiper implements ElementBehavior {
        private final ElementContext element;
        private int current;
        private String lastTemplate;

        Swiper(ElementContext element) {
            this.element = element;
            this.lastTemplate = templateSignature();
            this.current = (int) Math.max(0, finite(element.number("current")));
            if (!element.string("current-item-id").isEmpty()) {
                // the items are not in the tree yet: find the one named once they are
                element.later(() -> {
                    int index = templateIndex();
                    if (index != current) {
                        show(index);
                    }
                });
            }
        }

        private static double finite(double v) {
            return Double.isFinite(v) ? v : 0;
        }

        private String templateSignature() {
            return element.string("current") + '\u0000' + element.string("current-item-id");
        }

        private List<SwiperItem> items() {
            List<SwiperItem> items = new ArrayList<>();
            for (Node child : Elements.node(element).children()) {
                if (Builtins.behavior(child) instanceof SwiperItem item) {
                    items.add(item);
                }
            }
            return items;
        }

        /** The index the template asks for: the item with {@code current-item-id}, else {@code current}. */
        private int templateIndex() {
            String itemId = element.string("current-item-id");
            if (!itemId.isEmpty()) {
                List<SwiperItem> items = items();
                for (int i = 0; i < items.size(); i++) {
                    if (items.get(i).itemId().equals(itemId)) {
                        return i;
                    }
                }
            }
            return (int) Math.max(0, finite(element.number("current")));
        }

        @Override
        public void attributesChanged() {
            String signature = templateSignature();
            if (signature.equals(lastTemplate)) {
                return;
            }
            lastTemplate = signature;
            int index = templateIndex();
            if (index != current) {
                show(index);
                element.later(() -> element.emit("change", detail("")));
            }
        }

        private JsonNode detail(String source) {
            return JsonNodeFactory.instance.objectNode().put("current", current).put("source", source);
        }

        private void show(int index) {
            current = index;
            if (element.bool("indicator-dots")) {
                element.invalidate();
            } else {
                element.valueChanged();
            }
        }

        @Override
        public void htmlAttributes(Map<String, String> out) {
            if (element.bool("vertical")) {
                out.put("vertical", "");
            }
            out.put("current", Integer.toString(current));
            Styles.prependVariable(out, "--tt-swiper-current", Integer.toString(current));
        }

        @Override
        public void innerHtml(HtmlOut out) {
            if (!element.bool("indicator-dots")) {
                return;
            }
            Map<String, String> dots = new LinkedHashMap<>();
            dots.put("class", "tt-swiper-dots");
            dots.put("style", "--tt-dot: " + element.string("indicator-color") + "; --tt-dot-active: "
                    + element.string("indicator-active-color"));
            out.open("span", dots);
            int count = items().size();
            for (int i = 0; i < count; i++) {
                out.element("i", i == current ? Map.of("class", "active") : Map.of(), "");
            }
            out.close("span");
        }

        @Override
        public JsonNode value() {
            return JsonNodeFactory.instance.objectNode().put("current", current);
        }

        @Override
        public void change(JsonNode to) {
            double index = JsValues.toNumber(JsValues.fromJson(to));
            int count = items().size();
            if (!(index >= 0 && index < count && index == Math.rint(index))) {
                throw new IllegalArgumentException("the swiper has items 0…" + (count - 1) + "; it cannot swipe to " + to);
            }
            if ((int) index == current) {
                return;
            }
            show((int) index);
            element.emit("change", detail("touch"));
        }
    }

    /** {@code <swiper-item>}: one slide, as large as its swiper. */
    static final class ItemProvider implements ComponentProvider {
        @Override
        public String tag() {
            return "swiper-item";
        }

        @Override
        public List<AttributeSpec> attributes() {
            return List.of(AttributeSpec.string("item-id", ""));
        }

        @Override
        public ElementBehavior create(ElementContext element) {
            return new SwiperItem(element);
        }
    }

    static final class SwiperItem implements ElementBehavior {
        private final ElementContext element;

        SwiperItem(ElementContext element) {
            this.element = element;
        }

        String itemId() {
            return element.string("item-id");
        }
    }
}
