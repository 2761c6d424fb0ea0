package dev.ttrtc.view.internal.components;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import dev.ttrtc.view.spi.AttributeSpec;
import dev.ttrtc.view.spi.ComponentProvider;
import dev.ttrtc.view.spi.ElementBehavior;
import dev.ttrtc.view.spi.ElementContext;
import java.util.List;
import java.util.Map;

/**
 * {@code <checkbox>} and {@code <radio>}: a box with its content as label, checked or not. The
 * checked state is the element's (the template's {@code checked} replaces it whenever it
 * changes). A tap on it or its label toggles a checkbox and checks a radio (unchecking the
 * other radios of its group); its {@code -group} then fires {@code change}. Neither fires an
 * event of its own, as the platform documents; {@code change(bool)} from Java sets it as a tap would.
 */
final class ChoiceComponent implements ComponentProvider {
    private final boolean radio;

    private ChoiceComponent(boolean radio) {
        this.radio = radio;
    }

    static ChoiceComponent checkbox() {
        return new ChoiceComponent(false);
    }

    static ChoiceComponent radio() {
        return new ChoiceComponent(true);
    }

    @Override
    public String tag() {
        return radio ? "radio" : "checkbox";
    }

    @Override
    public List<AttributeSpec> attributes() {
        return List.of(AttributeSpec.string("value", ""), AttributeSpec.bool("checked", false),
                AttributeSpec.bool("disabled", false), AttributeSpec.string("color", "#f85959"));
    }

    @Override
    public String baseCss() {
        String t = "tt-" + tag();
        return t + " { display: inline-block; cursor: pointer; }\n"
                + t + "::before { content: \"\"; display: inline-block; box-sizing: border-box; width: 20px; height: 20px;"
                + " margin-right: 5px; vertical-align: -4px; border: 1px solid #d1d1d1; background: #ffffff;"
                + (radio ? " border-radius: 50%;" : " border-radius: 3px;") + " }\n"
                + t + "[checked]::before { border-color: var(--tt-choice-color, #f85959); background: var(--tt-choice-color, #f85959);"
                + (radio ? " box-shadow: inset 0 0 0 4px #ffffff;" : " content: \"\\2713\"; color: #ffffff; font-size: 14px;"
                        + " line-height: 18px; text-align: center;") + " }\n"
                + t + "[disabled] { opacity: 0.6; cursor: default; }";
    }

    @Override
    public ElementBehavior create(ElementContext element) {
        return new Choice(element, radio);
    }

    static final class Choice implements ElementBehavior {
        private final ElementContext element;
        private final boolean radio;
        private boolean checked;
        private boolean lastTemplateValue;

        Choice(ElementContext element, boolean radio) {
            this.element = element;
            this.radio = radio;
            this.checked = element.bool("checked");
            this.lastTemplateValue = checked;
        }

        boolean checked() {
            return checked;
        }

        String choiceValue() {
            return element.string("value");
        }

        /** Sets the state without events (a group answering for its boxes). */
        void set(boolean value) {
            if (value != checked) {
                checked = value;
                element.valueChanged();
            }
        }

        /** Back to the template's {@code checked}. */
        void reset() {
            set(element.bool("checked"));
        }

        @Override
        public void attributesChanged() {
            boolean templateValue = element.bool("checked");
            if (templateValue != lastTemplateValue) {
                lastTemplateValue = templateValue;
                set(templateValue);
            }
        }

        @Override
        public void htmlAttributes(Map<String, String> out) {
            if (checked) {
                out.put("checked", "");
            }
            if (element.bool("disabled")) {
                out.put("disabled", "");
            }
            Styles.prependVariable(out, "--tt-choice-color", element.string("color"));
        }

        @Override
        public JsonNode value() {
            return BooleanNode.valueOf(checked);
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
            choose(radio || !checked);
        }

        @Override
        public void change(JsonNode value) {
            if (!value.isBoolean()) {
                throw new IllegalArgumentException("a " + element.tag() + " changes to true or false, not " + value);
            }
            choose(value.booleanValue());
        }

        /** What the user does: the new state, then the group's change event when it changed. */
        private void choose(boolean value) {
            if (value == checked) {
                return;
            }
            set(value);
            ChoiceGroupComponent.Group group = Elements.ancestor(element, ChoiceGroupComponent.Group.class);
            if (group != null) {
                group.chosen(this);
            }
        }
    }
}
