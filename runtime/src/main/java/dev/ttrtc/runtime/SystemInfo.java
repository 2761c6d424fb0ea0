package dev.ttrtc.runtime;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Iterator;
import java.util.Map;

/**
 * What {@code tt.getSystemInfoSync()} answers: the documented fields with the values of a
 * typical phone, each replaceable by the embedder.
 *
 * <p>Immutable. {@link #with(String, Object)} accepts only documented field names and values of
 * the field's JSON type, so a typo in a test fails loudly instead of being ignored.
 */
public final class SystemInfo {
    private static final SystemInfo DEFAULTS = new SystemInfo(defaultFields());

    private final ObjectNode fields;

    private SystemInfo(ObjectNode fields) {
        this.fields = fields;
    }

    /** An iPhone-sized phone running Douyin with a base library new enough for every RTC API. */
    public static SystemInfo defaults() {
        return DEFAULTS;
    }

    private static ObjectNode defaultFields() {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        node.put("system", "iOS 17.5");
        node.put("platform", "ios");
        node.put("brand", "Apple");
        node.put("model", "iPhone 15");
        node.put("version", "31.2.0");
        node.put("appName", "Douyin");
        node.put("SDKVersion", "3.60.0");
        node.put("screenWidth", 393);
        node.put("screenHeight", 852);
        node.put("windowWidth", 393);
        node.put("windowHeight", 852);
        node.put("pixelRatio", 3);
        node.put("statusBarHeight", 54);
        node.put("language", "zh_CN");
        node.put("battery", 100);
        node.put("screenRatio", 393.0 / 852.0);
        ObjectNode safeArea = node.putObject("safeArea");
        safeArea.put("left", 0);
        safeArea.put("right", 393);
        safeArea.put("top", 54);
        safeArea.put("bottom", 818);
        safeArea.put("width", 393);
        safeArea.put("height", 764);
        return node;
    }

    /** A copy with one field replaced; {@code value} is a String, Number, Boolean or JsonNode. */
    public SystemInfo with(String field, Object value) {
        JsonNode current = fields.get(field);
        if (current == null) {
            throw new IllegalArgumentException("unknown system info field \"" + field + "\"");
        }
        JsonNode replacement = toNode(value);
        if (current.getNodeType() != replacement.getNodeType()) {
            throw new IllegalArgumentException("system info field \"" + field + "\" expects "
                    + current.getNodeType().name().toLowerCase() + ", got " + replacement.getNodeType().name().toLowerCase());
        }
        ObjectNode copy = fields.deepCopy();
        copy.set(field, replacement);
        return new SystemInfo(copy);
    }

    /** A copy with every field of {@code overrides} (a JSON object) replaced. */
    public SystemInfo withAll(JsonNode overrides) {
        if (overrides == null || overrides.isNull()) {
            return this;
        }
        if (!overrides.isObject()) {
            throw new IllegalArgumentException("system info overrides must be an object");
        }
        SystemInfo result = this;
        for (Iterator<Map.Entry<String, JsonNode>> it = overrides.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> entry = it.next();
            result = result.with(entry.getKey(), entry.getValue());
        }
        return result;
    }

    public String string(String field) {
        return fields.path(field).asText();
    }

    public double number(String field) {
        return fields.path(field).asDouble();
    }

    /** All fields as a fresh JSON object. */
    public ObjectNode toJson() {
        return fields.deepCopy();
    }

    private static JsonNode toNode(Object value) {
        if (value instanceof JsonNode node) {
            return node;
        }
        if (value instanceof String s) {
            return JsonNodeFactory.instance.textNode(s);
        }
        if (value instanceof Integer || value instanceof Long) {
            return JsonNodeFactory.instance.numberNode(((Number) value).longValue());
        }
        if (value instanceof Number n) {
            return JsonNodeFactory.instance.numberNode(n.doubleValue());
        }
        if (value instanceof Boolean b) {
            return JsonNodeFactory.instance.booleanNode(b);
        }
        throw new IllegalArgumentException("unsupported system info value: " + value);
    }

    @Override
    public String toString() {
        return fields.toString();
    }
}
