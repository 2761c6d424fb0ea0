package dev.ttrtc.automator;

import static org.junit.jupiter.api.Assertions.assertFalse;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ttrtc.runtime.LaunchOptions;
import dev.ttrtc.runtime.MiniProgram;
import dev.ttrtc.runtime.MiniProgramHost;
import dev.ttrtc.testkit.WebSocketRecorder;
import java.nio.file.Path;

/**
 * A test's connection to the real endpoint serving one launched project: sends requests as the
 * client does and reads their replies (events in between are skipped), with the top page's id at
 * hand.
 */
final class EndpointClient implements AutoCloseable {
    private final MiniProgramHost host;
    private final AutomatorServer server;
    private final WebSocketRecorder client;
    /** {@code "pageId":<id>} of the page open at launch, ready to be spliced into params. */
    final String page;

    EndpointClient(Path project) throws Exception {
        host = MiniProgramHost.create();
        MiniProgram program = host.launch(LaunchOptions.builder(project).build());
        server = AutomatorServer.start(0, program);
        client = WebSocketRecorder.open(server.uri());
        page = "\"pageId\":" + result("App.getCurrentPage", "{}").path("pageId").asInt();
    }

    @Override
    public void close() throws Exception {
        client.close();
        server.close();
        host.close();
    }

    /** The reply to one request (events in between are skipped). */
    JsonNode send(String method, String params) throws Exception {
        int id = client.id();
        client.send("{\"id\":\"" + id + "\",\"method\":\"" + method + "\",\"params\":" + params + "}");
        while (true) {
            JsonNode frame = client.nextJson();
            if (frame.path("id").asText().equals(Integer.toString(id))) {
                return frame;
            }
        }
    }

    JsonNode result(String method, String params) throws Exception {
        JsonNode reply = send(method, params);
        assertFalse(reply.has("error"), () -> method + " failed: " + reply);
        return reply.get("result");
    }

    String error(String method, String params) throws Exception {
        JsonNode reply = send(method, params);
        assertFalse(reply.has("result"), () -> method + " answered " + reply);
        return reply.path("error").path("message").asText();
    }

    /** The params naming the first element a selector matches (the client sends a nodeId back when it got one). */
    String element(String selector) throws Exception {
        JsonNode found = result("Page.getElement", "{" + page + ",\"selector\":\"" + selector + "\"}");
        String params = page + ",\"elementId\":\"" + found.path("elementId").asText() + "\"";
        return found.has("nodeId") ? params + ",\"nodeId\":\"" + found.path("nodeId").asText() + "\"" : params;
    }

    /** The top page's data at a path. */
    JsonNode data(String path) throws Exception {
        return result("Page.getData", "{" + page + ",\"path\":\"" + path + "\"}").path("data");
    }
}
