package dev.ttrtc.view.internal.components;

import dev.ttrtc.view.spi.AttributeSpec;
import dev.ttrtc.view.spi.ComponentProvider;
import dev.ttrtc.view.spi.ElementBehavior;
import dev.ttrtc.view.spi.ElementContext;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code <button>}: {@code type} primary (red) or default (white), {@code size} default or mini,
 * {@code disabled} (taps do nothing), {@code loading} (a spinner before the label), and
 * {@code form-type} submit/reset acting on the enclosing form after the tap. Douyin has no
 * {@code warn} type and no {@code plain}: they render as the default and give a WARN entry.
 */
final class ButtonComponent implements ComponentProvider {
    private static final Set<String> TYPES = Set.of("default", "primary");
    private static final Set<String> SIZES = Set.of("default", "mini");

    @Override
    public String tag() {
        return "button";
    }

    @Override
    public List<AttributeSpec> attributes() {
        return List.of(AttributeSpec.string("size", "default"), AttributeSpec.string("type", "default"),
                AttributeSpec.bool("disabled", false), AttributeSpec.bool("loading", false),
                AttributeSpec.string("form-type", ""), AttributeSpec.string("open-type", ""),
                AttributeSpec.string("hover-class", "button-hover"), AttributeSpec.number("hover-start-time", 20),
                AttributeSpec.number("hover-stay-time", 70), AttributeSpec.bool("hover-stop-propagation", false));
    }

    @Override
    public String baseCss() {
        return """
                tt-button { display: block; position: relative; box-sizing: border-box; margin: 0 auto; padding: 0 14px;
                  font-size: 18px; line-height: 2.55555556; text-align: center; border-radius: 5px; cursor: pointer;
                  background-color: #f8f8f8; color: #161823; border: 1px solid rgba(0, 0, 0, 0.2); overflow: hidden; }
                tt-button[type=primary] { background-color: #fe2c55; color: #ffffff; border-color: #fe2c55; }
                tt-button[size=mini] { display: inline-block; font-size: 13px; line-height: 2.3; padding: 0 1.34em; }
                tt-button[disabled] { opacity: 0.6; cursor: default; }
                tt-button[loading]::before { content: ""; display: inline-block; width: 1em; height: 1em; margin-right: 0.4em;
                  vertical-align: -0.15em; border: 2px solid currentColor; border-right-color: transparent; border-radius: 50%;
                  animation: tt-spin 1s linear infinite; }
                @keyframes tt-spin { to { transform: rotate(360deg); } }""";
    }

    @Override
    public ElementBehavior create(ElementContext element) {
        return new Button(element);
    }

    private static final class Button implements ElementBehavior {
        private final ElementContext element;

        Button(ElementContext element) {
            this.element = element;
            check();
        }

        private void check() {
            String type = element.string("type");
            if (!TYPES.contains(type)) {
                element.warn("type=\"" + type + "\" is not a Douyin button type (primary or default); it renders as default");
            }
            String size = element.string("size");
            if (!SIZES.contains(size)) {
                element.warn("size=\"" + size + "\" is not a Douyin button size (default or mini); it renders as default");
            }
            if (element.has("plain")) {
                element.warn("plain is not a Douyin button attribute; it is ignored");
            }
        }

        @Override
        public void attributesChanged() {
            check();
        }

        @Override
        public void htmlAttributes(Map<String, String> out) {
            String type = element.string("type");
            String size = element.string("size");
            out.put("type", TYPES.contains(type) ? type : "default");
            out.put("size", SIZES.contains(size) ? size : "default");
            if (element.bool("disabled")) {
                out.put("disabled", "");
            }
            if (element.bool("loading")) {
                out.put("loading", "");
            }
        }

        @Override
        public boolean enabled() {
            return !element.bool("disabled");
        }

        @Override
        public boolean takesTapsInside() {
            return true;
        }

        @Override
        public void tapped() {
            String formType = element.string("form-type");
            if (!formType.equals("submit") && !formType.equals("reset")) {
                return;
            }
            FormComponent.Form form = Elements.ancestor(element, FormComponent.Form.class);
            if (form == null) {
                return;
            }
            if (formType.equals("submit")) {
                form.submit();
            } else {
                form.reset();
            }
        }
    }
}
