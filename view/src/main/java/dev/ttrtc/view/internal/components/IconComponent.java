package dev.ttrtc.view.internal.components;

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
 * {@code <icon>}: one of the documented types drawn as an inline SVG, {@code size} px square
 * (24 by default, as Douyin documents), in {@code color}. The drawings and the colors used
 * without {@code color} are the host's (the platform's artwork is not published). Another type
 * is a WARN entry and draws nothing.
 */
final class IconComponent implements ComponentProvider {
    /** type → [default color, SVG shapes in a 24 × 24 box, "C" standing for the color]. */
    private static final Map<String, String[]> TYPES = Map.of(
            "success", new String[] {"#2ac96b", "circle:12,12,11,C;path:M6.5 12.5l3.5 3.5 7.5-8,#fff"},
            "success_no_circle", new String[] {"#2ac96b", "path:M4 12.5l5 5 11-11,C"},
            "info", new String[] {"#3b83f7", "circle:12,12,11,C;path:M12 10.5v7M12 6.5v1.5,#fff"},
            "warn", new String[] {"#f85959", "circle:12,12,11,C;path:M12 6v8M12 16.5v1.5,#fff"},
            "waiting", new String[] {"#3b83f7", "circle:12,12,11,C;path:M12 6v6.5l4 2.5,#fff"},
            "clear", new String[] {"#b2b2b2", "circle:12,12,11,C;path:M8 8l8 8M16 8l-8 8,#fff"},
            "cancel", new String[] {"#f85959", "ring:12,12,10,C;path:M8 8l8 8M16 8l-8 8,C"},
            "download", new String[] {"#2ac96b", "circle:12,12,11,C;path:M12 6v10M7.5 12l4.5 4.5 4.5-4.5,#fff"},
            "search", new String[] {"#b2b2b2", "ring:10.5,10.5,6.5,C;path:M15.5 15.5l5 5,C"});

    @Override
    public String tag() {
        return "icon";
    }

    @Override
    public List<AttributeSpec> attributes() {
        return List.of(AttributeSpec.string("type", ""), AttributeSpec.number("size", 24), AttributeSpec.string("color", ""));
    }

    @Override
    public String baseCss() {
        return "tt-icon { display: inline-block; vertical-align: middle; line-height: 0; }";
    }

    @Override
    public ElementBehavior create(ElementContext element) {
        return new Icon(element);
    }

    private static final class Icon implements ElementBehavior {
        private final ElementContext element;

        Icon(ElementContext element) {
            this.element = element;
            check();
        }

        private void check() {
            String type = element.string("type");
            if (!TYPES.containsKey(type)) {
                element.warn((element.has("type") ? "type=\"" + type + "\" is not an icon type" : "has no type")
                        + " (success, success_no_circle, info, warn, waiting, clear, cancel, download, search); nothing is drawn");
            }
        }

        @Override
        public void attributesChanged() {
            check();
            element.invalidate();
        }

        @Override
        public void htmlAttributes(Map<String, String> out) {
            out.put("type", element.string("type"));
        }

        @Override
        public boolean showsChildren() {
            return false;
        }

        @Override
        public void innerHtml(HtmlOut out) {
            String[] icon = TYPES.get(element.string("type"));
            if (icon == null) {
                return;
            }
            double size = element.number("size");
            String px = JsValues.numberToString(Double.isFinite(size) && size > 0 ? size : 24);
            String color = element.string("color").isEmpty() ? icon[0] : element.string("color");
            Map<String, String> svg = new LinkedHashMap<>();
            svg.put("width", px);
            svg.put("height", px);
            svg.put("viewBox", "0 0 24 24");
            out.open("svg", svg);
            for (String shape : icon[1].split(";")) {
                String[] kind = shape.split(":", 2);
                String[] args = kind[1].split(",");
                String paint = args[args.length - 1].equals("C") ? color : args[args.length - 1];
                Map<String, String> a = new LinkedHashMap<>();
                if (kind[0].equals("path")) {
                    a.put("d", args[0]);
                    a.put("fill", "none");
                    a.put("stroke", paint);
                    a.put("stroke-width", "2");
                    a.put("stroke-linecap", "round");
                    a.put("stroke-linejoin", "round");
                } else {
                    a.put("cx", args[0]);
                    a.put("cy", args[1]);
                    a.put("r", args[2]);
                    a.put("fill", kind[0].equals("ring") ? "none" : paint);
                    a.put("stroke", kind[0].equals("ring") ? paint : null);
                    a.put("stroke-width", kind[0].equals("ring") ? "2" : null);
                }
                out.element(kind[0].equals("path") ? "path" : "circle", a, "");
            }
            out.close("svg");
        }
    }
}
