package dev.ttrtc.view.internal.components;

import dev.ttrtc.view.internal.tree.Node;
import dev.ttrtc.view.spi.AttributeSpec;
import dev.ttrtc.view.spi.ComponentProvider;
import dev.ttrtc.view.spi.ElementBehavior;
import dev.ttrtc.view.spi.ElementContext;
import java.util.List;

/**
 * {@code <label>}: a tap on it is a tap on its control: the element of the same template whose
 * {@code id} is {@code for}, or else the first button, checkbox, radio or switch inside it.
 */
final class LabelComponent implements ComponentProvider {
    @Override
    public String tag() {
        return "label";
    }

    @Override
    public List<AttributeSpec> attributes() {
        return List.of(AttributeSpec.string("for", ""));
    }

    @Override
    public String baseCss() {
        return "tt-label { display: inline; cursor: pointer; }";
    }

    @Override
    public ElementBehavior create(ElementContext element) {
        return new Label(element);
    }

    private static final class Label implements ElementBehavior {
        private final ElementContext element;

        Label(ElementContext element) {
            this.element = element;
        }

        @Override
        public boolean takesTapsInside() {
            return true;
        }

        @Override
        public void tapped() {
            Node self = Elements.node(element);
            String target = element.string("for");
            Node control = target.isEmpty() ? firstControl(self) : byId(self.owner().root(), target, self);
            ElementBehavior behavior = control == null ? null : Builtins.behavior(control);
            if (behavior != null && behavior.enabled()) {
                behavior.tapped();
            }
        }

        private static Node firstControl(Node node) {
            for (Node child : node.children()) {
                if (child.isText()) {
                    continue;
                }
                if (isControl(child)) {
                    return child;
                }
                Node inside = firstControl(child);
                if (inside != null) {
                    return inside;
                }
            }
            return null;
        }

        private static boolean isControl(Node node) {
            return switch (node.tag()) {
                case "button", "checkbox", "radio", "switch" -> Builtins.behavior(node) != null;
                default -> false;
            };
        }

        /** The element of the label's own template with that id (not inside components it uses). */
        private static Node byId(Node node, String id, Node label) {
            for (Node child : node.children()) {
                if (child.isText() || child.owner() != label.owner()) {
                    continue;
                }
                if (id.equals(child.attributes().get("id"))) {
                    return child;
                }
                Node inside = byId(child, id, label);
                if (inside != null) {
                    return inside;
                }
            }
            return null;
        }
    }
}
