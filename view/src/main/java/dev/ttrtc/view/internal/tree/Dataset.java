package dev.ttrtc.view.internal.tree;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ttrtc.view.internal.ttml.JsValues;
import java.util.Locale;
import java.util.Map;

/**
 * The {@code dataset} of an element from its {@code data-*} attributes, named as the platform
 * names them: {@code data-element-type} → {@code elementType}, {@code data-elementType} →
 * {@code elementtype}; values keep their type ({@code data-id="{{5}}"} is the number 5).
 */
public final class Dataset {
    private Dataset() {
    }

    public static ObjectNode of(Map<String, Object> attributes) {
        ObjectNode dataset = JsonNodeFactory.instance.objectNode();
        for (Map.Entry<String, Object> a : attributes.entrySet()) {
            String name = a.getKey();
            if (!name.startsWith("data-") || name.length() == 5) {
                continue;
            }
            JsonNode value = JsValues.toJson(a.getValue());
            dataset.set(camelCase(name.substring(5)), value.isMissingNode() ? JsonNodeFactory.instance.nullNode() : value);
        }
        return dataset;
    }

    static String camelCase(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        StringBuilder out = new StringBuilder(lower.length());
        boolean upper = false;
        for (int i = 0; i < lower.length(); i++) {
            char c = lower.charAt(i);
            if (c == '-') {
                upper = true;
            } else {
                out.append(upper ? Character.toUpperCase(c) : c);
                upper = false;
            }
        }
        return out.toString();
    }
}
