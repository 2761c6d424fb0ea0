package dev.ttrtc.view.internal.components;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ttrtc.view.spi.AttributeSpec;
import dev.ttrtc.view.spi.ComponentProvider;
import dev.ttrtc.view.spi.ElementBehavior;
import dev.ttrtc.view.spi.ElementContext;
import java.util.List;
import java.util.Map;

/**
 * {@code <scroll-view>}: its scroll offset is view-side state ({@code scroll-top} /
 * {@code scroll-left} from the template replace it when they change). Scrolling fires
 * {@code scroll} with {@code {scrollLeft, scrollTop, scrollHeight, scrollWidth, deltaX, deltaY}}
 * (heights and widths from the layout rule), then {@code scrolltoupper} / {@code scrolltolower}
 * when the offset comes within the thresholds of an end. An axis without {@code scroll-x} /
 * {@code scroll-y} stays at 0.
 */
final class ScrollViewComponent implements ComponentProvider {

    /** The content size of the element under the layout rule: [scrollWidth, scrollHeight, width, height]. */
    interface Measure {
        double[] measure(ElementContext element);
    }

    private final Measure measure;

    ScrollViewComponent(Measure measure) {
        this.measure = measure;
    }

    @Override
    public String tag() {
        return "scroll-view";
    }

    @Override
    public List<AttributeSpec> attributes() {
        return List.of(AttributeSpec.bool("scroll-x", false), AttributeSpec.bool("scroll-y", false),
                AttributeSpec.number("upper-threshold", 50), AttributeSpec.number("lower-threshold", 50),
                AttributeSpec.number("scroll-top", 0), AttributeSpec.number("scroll-left", 0),
                AttributeSpec.string("scroll-into-view", ""), AttributeSpec.bool("scroll-with-animation", false));
    }

    @Override
    public String baseCss() {
        return """
                tt-scroll-view { display: block; overflow: hidden; position: relative; }
                tt-scroll-view[scroll-y] { overflow-y: auto; }
                tt-scroll-view[scroll-x] { overflow-x: auto; white-space: nowrap; }""";
    }

    @Override
    public ElementBehavior create(ElementContext element) {
        return new ScrollView(element, measure);
    }

    static final class ScrollView implements ElementBehavior {
        private final ElementContext element;
        private final Measure measure;
        private double left;
        private double top;

        ScrollView(ElementContext element, Measure measure) {
            this.element = element;
            this.measure = measure;
            this.left = finite(element.number("scroll-left"));
            this.top = finite(element.number("scroll-top"));
        }

        private static double finite(double v) {
            return Double.isFinite(v) ? Math.max(0, v) : 0;
        }

        double scrollLeft() {
            return left;
        }

        double scrollTop() {
            return top;
        }

        @Override
        public void attributesChanged() {
            double newTop = finite(element.number("scroll-top"));
            double newLeft = finite(element.number("scroll-left"));
            if (newTop != top || newLeft != left) {
                top = newTop;
                left = newLeft;
                element.valueChanged();
            }
        }

        @Override
        public void htmlAttributes(Map<String, String> out) {
            if (element.bool("scroll-x")) {
                out.put("scroll-x", "");
            }
            if (element.bool("scroll-y")) {
                out.put("scroll-y", "");
            }
        }

        @Override
        public JsonNode value() {
            return JsonNodeFactory.instance.objectNode().put("scrollLeft", left).put("scrollTop", top);
        }

        @Override
        public void scroll(double toLeft, double toTop) {
            double newLeft = element.bool("scroll-x") ? Math.max(0, toLeft) : 0;
            double newTop = element.bool("scroll-y") ? Math.max(0, toTop) : 0;
            double[] size = measure.measure(element);
            ObjectNode detail = JsonNodeFactory.instance.objectNode();
            detail.put("scrollLeft", newLeft).put("scrollTop", newTop).put("scrollHeight", size[1]).put("scrollWidth", size[0])
                    .put("deltaX", newLeft - left).put("deltaY", newTop - top);
            boolean movingUp = newTop < top || newLeft < left;
            left = newLeft;
            top = newTop;
            element.valueChanged();
            element.emit("scroll", detail);
            double upper = element.number("upper-threshold");
            double lower = element.number("lower-threshold");
            if (movingUp && (top <= upper && element.bool("scroll-y") || left <= upper && element.bool("scroll-x"))) {
                element.emit("scrolltoupper", JsonNodeFactory.instance.objectNode().put("direction", top <= upper ? "top" : "left"));
            } else if (!movingUp && element.bool("scroll-y") && top + size[3] >= size[1] - lower) {
                element.emit("scrolltolower", JsonNodeFactory.instance.objectNode().put("direction", "bottom"));
            } else if (!movingUp && element.bool("scroll-x") && left + size[2] >= size[0] - lower) {
                element.emit("scrolltolower", JsonNodeFactory.instance.objectNode().put("direction", "right"));
            }
        }
    }
}
