package dev.ttrtc.view.internal.components;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;
import dev.ttrtc.view.internal.tree.Owner;

/**
 * A custom component with the {@code tt://form-field} behavior, as a form sees it: its
 * {@code name} and {@code value} properties. A form's reset leaves it alone: its value is the
 * component's own data, which only the component changes.
 */
record ComponentFormField(Owner component) implements FormField {
    @Override
    public String fieldName() {
        JsonNode name = component.dataField("name");
        return name == null || name.isNull() ? "" : name.asText();
    }

    @Override
    public JsonNode fieldValue() {
        JsonNode value = component.dataField("value");
        return value == null ? NullNode.getInstance() : value;
    }

    @Override
    public void reset() {
    }
}
