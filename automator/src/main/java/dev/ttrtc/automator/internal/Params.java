package dev.ttrtc.automator.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The params of one request, read with checks that answer {@link AutomatorError#BAD_PARAM}. */
record Params(String method, ObjectNode json) {

    String string(String name) {
        JsonNode value = json.get(name);
        if (value == null || !value.isTextual()) {
            throw AutomatorError.BAD_PARAM.error(method, name, "must be a string");
        }
        return value.asText();
    }

    Optional<String> optionalString(String name) {
        JsonNode value = json.get(name);
        return value == null || value.isNull() ? Optional.empty() : Optional.of(string(name));
    }

    /** Page ids and element ids: the client sends back what it got, a number or a string. */
    String id(String name) {
        JsonNode value = json.get(name);
        if (value == null || !(value.isTextual() || value.isNumber())) {
            throw AutomatorError.BAD_PARAM.error(method, name, "must be an id");
        }
        return value.asText();
    }

    int pageId() {
        try {
            return Integer.parseInt(id("pageId"));
        } catch (NumberFormatException e) {
            throw AutomatorError.NO_PAGE.error(json.get("pageId").asText());
        }
    }

    ArrayNode array(String name) {
        JsonNode value = json.get(name);
        if (value == null || value.isNull()) {
            return JsonNodeFactory.instance.arrayNode();
        }
        if (!value.isArray()) {
            throw AutomatorError.BAD_PARAM.error(method, name, "must be an array");
        }
        return (ArrayNode) value;
    }

    List<String> names() {
        List<String> names = new ArrayList<>();
        for (JsonNode name : array("names")) {
            if (!name.isTextual()) {
                throw AutomatorError.BAD_PARAM.error(method, "names", "must list strings");
            }
            names.add(name.asText());
        }
        return names;
    }

    /** A value that may be anything, null when absent. */
    JsonNode any(String name) {
        JsonNode value = json.get(name);
        return value == null ? JsonNodeFactory.instance.nullNode() : value;
    }

    boolean has(String name) {
        return json.has(name);
    }
}
