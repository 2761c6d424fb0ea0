package dev.ttrtc.runtime.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.BinaryNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.POJONode;
import java.util.Iterator;
import java.util.Map;

/**
 * Payload trees that carry JS values (an ArrayBuffer as a binary node, a host-built JS object as
 * a POJO node): finding them, and the copy the event log keeps, where such values and very long
 * strings are described instead of copied.
 */
final class JsonTrees {
    /** Strings longer than this are cut in the event log (a downloaded body is not a log line). */
    static final int LOG_STRING_LIMIT = 64 * 1024;

    private JsonTrees() {
    }

    /** Whether the tree holds a binary or POJO node anywhere. */
    static boolean holdsJsValues(JsonNode node) {
        if (node.isBinary() || isJsObject(node)) {
            return true;
        }
        if (node.isContainerNode()) {
            for (JsonNode child : node) {
                if (holdsJsValues(child)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** A POJO node holding a JS object the host built (other POJOs are plain values). */
    static boolean isJsObject(JsonNode node) {
        return node.isPojo() && ((POJONode) node).getPojo() instanceof ValueHandle;
    }

    /** The tree as the event log keeps it; the same object when nothing needs describing. */
    static JsonNode forLog(JsonNode node) {
        if (node == null || !needsLogCopy(node)) {
            return node;
        }
        return logCopy(node);
    }

    private static boolean needsLogCopy(JsonNode node) {
        if (node.isBinary() || isJsObject(node)) {
            return true;
        }
        if (node.isTextual()) {
            return node.textValue().length() > LOG_STRING_LIMIT;
        }
        if (node.isContainerNode()) {
            for (JsonNode child : node) {
                if (needsLogCopy(child)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static JsonNode logCopy(JsonNode node) {
        JsonNodeFactory f = JsonNodeFactory.instance;
        if (node.isBinary()) {
            return f.textNode("[ArrayBuffer " + ((BinaryNode) node).binaryValue().length + " bytes]");
        }
        if (isJsObject(node)) {
            return f.textNode("[object]");
        }
        if (node.isTextual() && node.textValue().length() > LOG_STRING_LIMIT) {
            String text = node.textValue();
            return f.textNode(text.substring(0, LOG_STRING_LIMIT) + "…(" + text.length() + " characters)");
        }
        if (node.isObject()) {
            ObjectNode copy = f.objectNode();
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                copy.set(e.getKey(), logCopy(e.getValue()));
            }
            return copy;
        }
        if (node.isArray()) {
            ArrayNode copy = f.arrayNode();
            node.forEach(child -> copy.add(logCopy(child)));
            return copy;
        }
        return node;
    }
}
