package dev.ttrtc.view.internal.components;

import dev.ttrtc.view.spi.AttributeSpec;
import dev.ttrtc.view.spi.ComponentProvider;
import dev.ttrtc.view.spi.ElementBehavior;
import dev.ttrtc.view.spi.ElementContext;
import java.util.List;
import java.util.Map;

/**
 * {@code <navigator>}: a tap on it (or on its content) navigates as the matching {@code tt} API
 * does, after the tap events: {@code open-type} navigate (navigateTo, the default), redirect,
 * switchTab, reLaunch with {@code url}, navigateBack with {@code delta} (1). A failed navigation
 * (no such page, a tab page with navigateTo…) is a WARN entry with the API's errMsg detail; an
 * open-type Douyin does not have (such as {@code exit}) is a WARN entry and the tap does nothing.
 */
final class NavigatorComponent implements ComponentProvider {
    @Override
    public String tag() {
        return "navigator";
    }

    @Override
    public List<AttributeSpec> attributes() {
        return List.of(AttributeSpec.string("url", ""), AttributeSpec.string("open-type", "navigate"),
                AttributeSpec.number("delta", 1), AttributeSpec.string("hover-class", "navigator-hover"),
                AttributeSpec.number("hover-start-time", 50), AttributeSpec.number("hover-stay-time", 400),
                AttributeSpec.bool("hover-stop-propagation", false));
    }

    @Override
    public String baseCss() {
        return "tt-navigator { display: block; cursor: pointer; }";
    }

    @Override
    public ElementBehavior create(ElementContext element) {
        return new Navigator(element);
    }

    private static final class Navigator implements ElementBehavior {
        private final ElementContext element;

        Navigator(ElementContext element) {
            this.element = element;
            check();
        }

        /** The navigation API for the open-type, or null. */
        private String api() {
            return switch (element.string("open-type")) {
                case "navigate" -> "navigateTo";
                case "redirect" -> "redirectTo";
                case "switchTab" -> "switchTab";
                case "reLaunch" -> "reLaunch";
                case "navigateBack" -> "navigateBack";
                default -> null;
            };
        }

        private void check() {
            if (api() == null) {
                element.warn("open-type=\"" + element.string("open-type")
                        + "\" is not a Douyin navigator open-type (navigate, redirect, switchTab, reLaunch or navigateBack);"
                        + " a tap does nothing");
            }
        }

        @Override
        public void attributesChanged() {
            check();
        }

        @Override
        public void htmlAttributes(Map<String, String> out) {
            out.put("open-type", element.string("open-type"));
        }

        @Override
        public boolean takesTapsInside() {
            return true;
        }

        @Override
        public void tapped() {
            String api = api();
            if (api == null) {
                return;
            }
            double delta = element.number("delta");
            String failure = ((RealElementContext) element).logic().navigate(api, element.string("url"),
                    Double.isFinite(delta) ? (int) delta : 1);
            if (failure != null) {
                element.warn(api + ":fail " + failure);
            }
        }
    }
}
