package dev.ttrtc.view.internal.components;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ttrtc.view.internal.ttml.JsValues;
import dev.ttrtc.view.spi.AttributeSpec;
import dev.ttrtc.view.spi.ComponentProvider;
import dev.ttrtc.view.spi.ElementBehavior;
import dev.ttrtc.view.spi.ElementContext;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * {@code <checkbox-group>} and {@code <radio-group>}: when the user changes one of their boxes
 * they fire {@code change}, a checkbox-group with {@code {value: [values of the checked boxes,
 * in document order]}}, a radio-group with {@code {value: "the checked radio's value"}} (the
 * older Douyin text and WeChat; the current Douyin table types it string[], its text says "the
 * value of the checked radio"). In a form they submit that value under their {@code name}.
 * {@code change(value)} from Java checks exactly the enabled boxes with those values (an array
 * for a checkbox-group, whose disabled boxes keep their state; a string for a radio-group) and
 * fires {@code change}.
 */
final class ChoiceGroupComponent implements ComponentProvider {
    private final boolean radio;

    private ChoiceGroupComponent(boolean radio) {
        this.radio = radio;
    }

    static ChoiceGroupComponent checkboxGroup() {
        return new ChoiceGroupComponent(false);
    }

    static ChoiceGroupComponent radioGroup() {
        return new ChoiceGroupComponent(true);
    }

    @Override
    public String tag() {
        return radio ? "radio-group" : "checkbox-group";
    }

    @Override
    public List<AttributeSpec> attributes() {
        return List.of(AttributeSpec.string("name", ""));
    }

    @Override
    public String baseCss() {
        return "tt-" + tag() + " { display: block; }";
    }

    @Override
    public ElementBehavior create(ElementContext element) {
        return new Group(element, radio);
    }

    static final class Group implements ElementBehavior, FormField {
        private final ElementContext element;
        private final boolean radio;

        Group(ElementContext element, boolean radio) {
            this.element = element;
            this.radio = radio;
        }

        private List<ChoiceComponent.Choice> boxes() {
            List<ChoiceComponent.Choice> boxes = new ArrayList<>();
            Elements.descendants(element, ChoiceComponent.Choice.class, Group.class, boxes::add);
            return boxes;
        }

        /** One of its boxes was changed by the user. */
        void chosen(ChoiceComponent.Choice box) {
            if (radio && box.checked()) {
                for (ChoiceComponent.Choice other : boxes()) {
                    if (other != box) {
                        other.set(false);
                    }
                }
            }
            element.emit("change", JsonNodeFactory.instance.objectNode().set("value", fieldValue()));
        }

        @Override
        public void change(JsonNode value) {
            Set<String> wanted = new HashSet<>();
            if (radio) {
                wanted.add(JsValues.toDisplayString(JsValues.fromJson(value)));
            } else if (value.isArray()) {
                value.forEach(v -> wanted.add(JsValues.toDisplayString(JsValues.fromJson(v))));
            } else {
                throw new IllegalArgumentException("a checkbox-group changes to an array of values, not " + value);
            }
            List<ChoiceComponent.Choice> boxes = boxes();
            if (radio && boxes.stream().noneMatch(b -> b.enabled() && wanted.contains(b.choiceValue()))) {
                throw new IllegalArgumentException("the radio-group has no enabled radio with value " + value);
            }
            for (ChoiceComponent.Choice box : boxes) {
                if (radio || box.enabled()) {
                    box.set(box.enabled() && wanted.contains(box.choiceValue()));
                }
            }
            ObjectNode detail = JsonNodeFactory.instance.objectNode();
            detail.set("value", fieldValue());
            element.emit("change", detail);
        }

        @Override
        public String fieldName() {
            return element.string("name");
        }

        @Override
        public JsonNode fieldValue() {
            ArrayNode checked = JsonNodeFactory.instance.arrayNode();
            for (ChoiceComponent.Choice box : boxes()) {
                if (box.checked()) {
                    if (radio) {
                        return JsonNodeFactory.instance.textNode(box.choiceValue());
                    }
                    checked.add(box.choiceValue());
                }
            }
            return radio ? JsonNodeFactory.instance.textNode("") : checked;
        }

        @Override
        public void reset() {
            boxes().forEach(ChoiceComponent.Choice::reset);
        }
    }
}
