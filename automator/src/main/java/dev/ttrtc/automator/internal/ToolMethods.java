package dev.ttrtc.automator.internal;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.util.Map;

/** {@code Tool.*}: what the client asks of the devtools themselves. */
final class ToolMethods {
    /**
     * The base library version reported to the client: automator 0.12.1 refuses anything below
     * 2.7.3; the host follows no WeChat base library, so it names the oldest one the client takes.
     */
    static final String SDK_VERSION = "2.7.3";

    void register(Map<String, Session.Handler> methods) {
        methods.put("Tool.getInfo", p -> JsonNodeFactory.instance.objectNode().put("SDKVersion", SDK_VERSION));
        // The client closes the socket itself after this answer; the instance belongs to the embedder.
        methods.put("Tool.close", p -> JsonNodeFactory.instance.objectNode());
    }
}
