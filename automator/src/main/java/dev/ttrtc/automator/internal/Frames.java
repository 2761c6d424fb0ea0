package dev.ttrtc.automator.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The wire format of miniprogram-automator: requests {@code {id, method, params}}, replies
 * {@code {id, result}} or {@code {id, error: {message}}}, events {@code {method, params}} with no
 * id (the client takes every frame without an id for an event).
 */
final class Frames {
    private static final int QUOTED_LIMIT = 80;

    /** A parsed request; {@code params} is an object (empty when the frame had none). */
    record Request(String id, String method, ObjectNode params) {
    }

    private Frames() {
    }

    /**
     * Parses one text frame.
     *
     * @throws Malformed when it is not a request; carries the id when the frame had a usable one
     */
    static Request parse(String text) {
        JsonNode root;
        try {
            root = InstanceScript.JSON.readTree(text);
        } catch (JsonProcessingException e) {
            throw new Malformed(null, AutomatorError.NOT_JSON.error(quote(text)));
        }
        if (root == null || !root.isObject()) {
            throw new Malformed(null, AutomatorError.NOT_JSON.error(quote(text)));
        }
        JsonNode id = root.get("id");
        String usableId = id != null && (id.isTextual() || id.isNumber()) && !id.asText().isEmpty() ? id.asText() : null;
        JsonNode method = root.get("method");
        if (usableId == null || method == null || !method.isTextual()) {
            throw new Malformed(usableId, AutomatorError.BAD_FRAME.error(quote(text)));
        }
        JsonNode params = root.get("params");
        if (params != null && !params.isNull() && !params.isObject()) {
            throw new Malformed(usableId, AutomatorError.BAD_PARAMS.error());
        }
        ObjectNode object = params instanceof ObjectNode o ? o : JsonNodeFactory.instance.objectNode();
        return new Request(usableId, method.asText(), object);
    }

    /** {@code {id, result}}; a missing result is sent as {@code {}} (the client reads fields of it). */
    static String result(String id, JsonNode result) {
        ObjectNode frame = JsonNodeFactory.instance.objectNode().put("id", id);
        frame.set("result", result == null || result.isNull() || result.isMissingNode() ? JsonNodeFactory.instance.objectNode() : result);
        return frame.toString();
    }

    /** {@code {id, error: {message}}}, or without an id when the frame had none. */
    static String error(String id, String message) {
        ObjectNode frame = JsonNodeFactory.instance.objectNode();
        if (id != null) {
            frame.put("id", id);
        }
        frame.putObject("error").put("message", message);
        return frame.toString();
    }

    /** {@code {method, params}}. */
    static String event(String method, JsonNode params) {
        ObjectNode frame = JsonNodeFactory.instance.objectNode().put("method", method);
        frame.set("params", params);
        return frame.toString();
    }

    private static String quote(String text) {
        String oneLine = text.replaceAll("\\s+", " ").strip();
        return oneLine.length() <= QUOTED_LIMIT ? oneLine : oneLine.substring(0, QUOTED_LIMIT) + "…";
    }

    /** A frame that is no request; answered with an error frame, the connection stays open. */
    static final class Malformed extends RuntimeException {
        private static final long serialVersionUID = 1L;

        private final String id;

        Malformed(String id, AutomatorException error) {
            super(error.getMessage(), null, false, false);
            this.id = id;
        }

        String id() {
            return id;
        }
    }
}
