package dev.ttrtc.runtime.internal;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ttrtc.runtime.api.ApiException;

/** The one place that builds the success and fail payloads every API answers with. */
final class Payloads {
    private Payloads() {
    }

    /** {@code {errMsg: "<name>:ok", ...extra}}. */
    static ObjectNode ok(String name, ObjectNode extra) {
        ObjectNode payload = JsonNodeFactory.instance.objectNode();
        payload.put("errMsg", name + ":ok");
        if (extra != null) {
            extra.fields().forEachRemaining(e -> {
                if (!e.getKey().equals("errMsg")) {
                    payload.set(e.getKey(), e.getValue());
                }
            });
        }
        return payload;
    }

    /** {@code {errMsg: "<name>:fail <detail>", errNo}}. */
    static ObjectNode fail(String name, ApiException error) {
        ObjectNode payload = JsonNodeFactory.instance.objectNode();
        payload.put("errMsg", failMessage(name, error));
        payload.put("errNo", error.errNo());
        error.extraFields().forEach((key, value) -> payload.set(key, JsonNodeFactory.instance.pojoNode(value)));
        return payload;
    }

    /** The errMsg of a failure, also the message of the Error a synchronous API throws. */
    static String failMessage(String name, ApiException error) {
        return name + ":fail " + error.detail();
    }
}
