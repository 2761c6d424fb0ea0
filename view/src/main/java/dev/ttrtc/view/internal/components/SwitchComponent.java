package dev.ttrtc.view.internal.components;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.ttrtc.view.spi.AttributeSpec;
import dev.ttrtc.view.spi.ComponentProvider;
import dev.ttrtc.view.spi.ElementBehavior;
import dev.ttrtc.view.spi.ElementContext;
import java.util.List;
import java.util.Map;

/**
 * {@code <switch>}: a tap (or {@code change(value)}) sets the checked state and fires
 * {@code change} with {@code {value: checked}}; the template's {@code checked} replaces the
 * state whenever it changes.
 */
final class SwitchComponent implements ComponentProvider {
    @Override
    public String tag() {
        return "switch";
    }

    @Override
    public List<AttributeSpec> attributes() {
        return List.of(AttributeSpec.bool("checked", false), AttributeSpec.bool("disabled", false),
                AttributeSpec.string("type", "switch"), AttributeSpec.string("color", "#f85959"), AttributeSpec.string("name", ""));
    }

    @Override
    public String baseCss() {
        return """
                tt-switch { display: inline-block; position: relative; width: 52px; height: 32px; border-radius: 16px;
                  background: #e5e5e5; vertical-align: middle; cursor: pointer; transition: background 0.2s; }
                tt-switch::after { content: ""; position: absolute; top: 2px; left: 2px; width: 28px; height: 28px;
                  border-radius: 50%; background: #ffffff; box-shadow: 0 1px 3px rgba(0, 0, 0, 0.4); transition: left 0.2s; }
                tt-switch[checked] { background: var(--tt-switch-color, #f85959); }
                tt-switch[checked]::after { left: 22px; }
                tt-switch[type=checkbox] { width: 20px; height: 20px; border-radius: 3px; }
                tt-switch[type=checkbox]::after { display: none; }
                tt-switch[disabled] { opacity: 0.6; cursor: default; }""";
    }

    @Override
    public ElementBehavior create(ElementContext element) {
        return new Switch(element);
    }

    static final class Switch implements ElementBehavior, FormField {
        private final ElementContext element;
        private boolean checked;
        private boolean lastTemplateValue;

        Switch(ElementContext element) {
            this.element = element;
            this.checked = element.bool("checked");
            this.lastTemplateValue = checked;
        }

        @Override
        public void attributesChanged() {
            boolean templateValue = element.bool("checked");
            if (templateValue != lastTemplateValue) {
                lastTemplateValue = templateValue;
                checked = templateValue;
            }
        }

        @Override
        public void htmlAttributes(Map<String, String> out) {
            out.put("type", element.string("type").equals("checkbox") ? "checkbox" : "switch");
            if (checked) {
                out.put("checked", "");
            }
            if (element.bool("disabled")) {
                out.put("disabled", "");
            }
            Styles.prependVariable(out, "--tt-switch-color", element.string("color"));
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
        public void tapped() {
            set(!checked);
        }

        @Override
        public void change(JsonNode value) {
            if (!value.isBoolean()) {
                throw new IllegalArgumentException("a switch changes to true or false, not " + value);
            }
            set(value.booleanValue());
        }

        private void set(boolean value) {
            checked = value;
            element.valueChanged();
            element.emit("change", JsonNodeFactory.instance.objectNode().put("value", checked));
        }

        @Override
        public String fieldName() {
            return element.string("name");
        }

        @Override
        public JsonNode fieldValue() {
            return BooleanNode.valueOf(checked);
        }

        @Override
        public void reset() {
            checked = element.bool("checked");
            element.valueChanged();
        }
    }
}
