package dev.ttrtc.automator.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;

final class JsonNodeOf {
    static final JsonNode EMPTY = JsonNodeFactory.instance.objectNode();

    private JsonNodeOf() {
    }
}
