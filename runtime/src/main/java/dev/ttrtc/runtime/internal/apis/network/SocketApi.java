package dev.ttrtc.runtime.internal.apis.network;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ttrtc.runtime.api.ApiCall;
import dev.ttrtc.runtime.api.ApiException;
import dev.ttrtc.runtime.api.ApiParams;
import dev.ttrtc.runtime.api.InstanceContext;
import dev.ttrtc.runtime.api.JsObject;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code tt.connectSocket}: answers {@code {socketTaskId}} as soon as the task exists (the
 * platform's success means "task created"), then the returned {@link SocketSession} reports
 * onOpen, or onError and onClose. At most five sockets are open at once, as documented.
 */
final class SocketApi {
    static final int MAX_SOCKETS = 5;

    private final InstanceContext instance;
    private final InstanceNetwork network;
    // Loop thread only.
    private int nextTaskId = 1;

    SocketApi(InstanceContext instance, InstanceNetwork network) {
        this.instance = instance;
        this.network = network;
    }

    JsObject start(ApiCall call) {
        SocketSession session = new SocketSession(instance, network);
        try {
            ApiParams p = call.params();
            URI url = Urls.target(p.string("url"), List.of("ws", "wss"), network.mappings());
            List<String> protocols = protocols(p);
            if (network.openSockets() >= MAX_SOCKETS) {
                throw NetError.TOO_MANY_SOCKETS.exception();
            }
            session.connect(url, p.optionalStringMap("header"), protocols,
                    network.timeout("connectSocket", p.optionalNumber("timeout")));
            ObjectNode payload = JsonNodeFactory.instance.objectNode();
            payload.put("socketTaskId", nextTaskId++);
            call.succeed(payload);
        } catch (ApiException e) {
            call.fail(e);
        }
        return session.task();
    }

    private static List<String> protocols(ApiParams p) throws ApiException {
        List<String> protocols = new ArrayList<>();
        String kind = p.kindOf("protocols");
        if (kind.equals("undefined") || kind.equals("null")) {
            return protocols;
        }
        JsonNode list = p.json("protocols");
        if (!kind.equals("array")) {
            throw ApiException.parameter("expect params.protocols to be array, but got " + kind);
        }
        for (JsonNode item : list) {
            if (!item.isTextual()) {
                throw ApiException.parameter("expect params.protocols to hold strings");
            }
            protocols.add(item.asText());
        }
        return protocols;
    }
}
