package dev.ttrtc.view.internal.components;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ttrtc.view.spi.AttributeSpec;
import dev.ttrtc.view.spi.ComponentProvider;
import dev.ttrtc.view.spi.ElementBehavior;
import dev.ttrtc.view.spi.ElementContext;
import java.util.List;

/**
 * {@code <form>}: a {@code <button form-type="submit">} inside fires {@code submit} with
 * {@code {value: {name: value…}, formId: ""}} from every control that has a {@code name}; a
 * {@code form-type="reset"} button puts every control back to its template value and fires
 * {@code reset}.
 */
final class FormComponent implements ComponentProvider {
    @Override
    public String tag() {
        return "form";
    }

    @Override
    public List<AttributeSpec> attributes() {
        return List.of(AttributeSpec.bool("report-submit", false), AttributeSpec.number("report-submit-timeout", 0));
    }

    @Override
    public String baseCss() {
        return "tt-form { display: block; }";
    }

    @Override
    public ElementBehavior create(ElementContext element) {
        return new Form(element);
    }

    static final class Form implements ElementBehavior {
        private final ElementContext element;

        Form(ElementContext element) {
            this.element = element;
        }

        void submit() {
            ObjectNode values = JsonNodeFactory.instance.objectNode();
            Elements.formFields(element, Form.class, field -> {
                if (!field.fieldName().isEmpty()) {
                    values.set(field.fieldName(), field.fieldValue());
                }
            });
            ObjectNode detail = JsonNodeFactory.instance.objectNode();
            detail.set("value", values);
            detail.put("formId", "");
            element.emit("submit", detail);
        }

        void reset() {
            Elements.descendants(element, FormField.class, Form.class, FormField::reset);
            element.emit("reset", JsonNodeFactory.instance.objectNode());
        }
    }
}
