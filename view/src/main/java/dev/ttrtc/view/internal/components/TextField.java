package dev.ttrtc.view.internal.components;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ttrtc.view.spi.ElementBehavior;
import dev.ttrtc.view.spi.ElementContext;
import java.util.Set;

/**
 * What {@code <input>} and {@code <textarea>} share: the text the user typed is the element's
 * state (the template's {@code value} replaces it whenever it changes); typing fires
 * {@code input} with {@code {value, cursor}}, and a string the handler returns replaces the
 * text, as the platform documents. At most {@code maxlength} characters are kept (-1: no
 * limit). {@code focus}, {@code blur} and {@code confirm} raised with {@code trigger} carry the
 * text as {@code value} ({@code focus} also {@code height}: 0, there is no keyboard here).
 */
abstract class TextField implements ElementBehavior, FormField {
    private static final Set<String> VALUE_EVENTS = Set.of("focus", "blur", "confirm");

    final ElementContext element;
    private String text;

    TextField(ElementContext element) {
        this.element = element;
        this.text = element.string("value");
    }

    String text() {
        return text;
    }

    @Override
    public void attributesChanged() {
        String value = element.string("value");
        if (!value.equals(text)) {
            text = value;
            element.valueChanged();
        }
    }

    @Override
    public boolean showsChildren() {
        return false;
    }

    @Override
    public JsonNode value() {
        return JsonNodeFactory.instance.textNode(text);
    }

    @Override
    public String shownText() {
        return text;
    }

    @Override
    public boolean enabled() {
        return !element.bool("disabled");
    }

    /** The maxlength attribute as a limit, or -1 for none. */
    long maxLength() {
        double max = element.number("maxlength");
        return max >= 0 ? (long) max : -1;
    }

    @Override
    public void input(String typed) {
        if (!enabled()) {
            throw new IllegalStateException("the " + element.tag() + " is disabled");
        }
        long max = maxLength();
        text = max >= 0 && typed.length() > max ? typed.substring(0, (int) max) : typed;
        ObjectNode detail = JsonNodeFactory.instance.objectNode().put("value", text).put("cursor", text.length());
        JsonNode returned = element.emit("input", detail);
        if (returned.isTextual()) {
            text = returned.asText();
        } else if (returned.isObject() && returned.path("value").isTextual()) {
            text = returned.get("value").asText();
        }
        element.valueChanged();
    }

    @Override
    public JsonNode eventDetail(String type, JsonNode given) {
        if (!VALUE_EVENTS.contains(type) || !given.isObject() || given.has("value")) {
            return given;
        }
        ObjectNode detail = ((ObjectNode) given).deepCopy().put("value", text);
        if (type.equals("focus") && !detail.has("height")) {
            detail.put("height", 0);
        }
        return detail;
    }

    @Override
    public String fieldName() {
        return element.string("name");
    }

    @Override
    public JsonNode fieldValue() {
        return JsonNodeFactory.instance.textNode(text);
    }

    @Override
    public void reset() {
        text = element.string("value");
        element.valueChanged();
    }
}
