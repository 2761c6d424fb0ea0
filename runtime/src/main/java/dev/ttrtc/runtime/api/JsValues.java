package dev.ttrtc.runtime.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;

/**
 * Payload nodes that reach JS as something JSON cannot carry. Put them anywhere in a payload
 * ({@link ApiCall#succeed}, {@link JsEventChannel#emit}, a {@link SyncApi} result): the host turns
 * them into the JS value when it delivers the payload, and the event log shows a short
 * description instead ({@code "[ArrayBuffer 12 bytes]"}, {@code "[object]"}).
 */
public final class JsValues {
    private JsValues() {
    }

    /** A node that reaches JS as a fresh ArrayBuffer holding {@code bytes} (not copied: do not change them). */
    public static JsonNode arrayBuffer(byte[] bytes) {
        return JsonNodeFactory.instance.binaryNode(bytes);
    }

    /**
     * A node that reaches JS as {@code object} itself, for payloads with methods (a file's Stats).
     * Deliver it only to the instance whose {@link JsObjectBuilder} made it.
     */
    public static JsonNode object(JsObject object) {
        return JsonNodeFactory.instance.pojoNode(object);
    }
}
