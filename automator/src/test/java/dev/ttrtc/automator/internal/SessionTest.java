package dev.ttrtc.automator.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.ttrtc.runtime.LaunchOptions;
import dev.ttrtc.runtime.MiniProgram;
import dev.ttrtc.runtime.MiniProgramHost;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The protocol handler on the sample mini-program: malformed, out-of-order and unknown requests, and the basics. */
class SessionTest {
    private static final Path SAMPLE = Path.of("..", "sample-miniapp");
    private static MiniProgramHost host;

    private MiniProgram program;
    private Session session;
    private final List<String> events = new CopyOnWriteArrayList<>();
    private int nextId;

    @BeforeAll
    static void startHost() {
        host = MiniProgramHost.create();
    }

    @AfterAll
    static void stopHost() {
        host.close();
    }

    @BeforeEach
    void launch() throws Exception {
        program = host.launch(LaunchOptions.builder(SAMPLE).build());
        session = open(() -> program);
    }

    private Session open(Supplier<MiniProgram> target) {
        return open(target, Duration.ofSeconds(20));
    }

    private Session open(Supplier<MiniProgram> target, Duration timeout) {
        return new Session(target, events::add, new AutomatorSettings(timeout, Screenshots.using(Path.of("/nonexistent/chromium"))));
    }

    @AfterEach
    void close() {
        session.close();
        program.close();
    }

    /** Sends a request; the reply frame. */
    private JsonNode send(String method, String params) throws Exception {
        String id = "r" + (++nextId);
        JsonNode reply = InstanceScript.JSON.readTree(session.answer("{\"id\":\"" + id + "\",\"method\":\"" + method + "\",\"params\":" + params + "}"));
        assertEquals(id, reply.path("id").asText(), "the reply carries the request's id");
        return reply;
    }

    private JsonNode result(String method, String params) throws Exception {
        JsonNode reply = send(method, params);
        assertFalse(reply.has("error"), () -> method + " failed: " + reply);
        return reply.get("result");
    }

    private String error(String method, String params) throws Exception {
        JsonNode reply = send(method, params);
        assertFalse(reply.has("result"), () -> method + " answered " + reply);
        return reply.path("error").path("message").asText();
    }

    private JsonNode raw(String frame) throws Exception {
        return InstanceScript.JSON.readTree(session.answer(frame));
    }

    @Test
    void malformed_frames_get_error_frames_and_the_session_goes_on() throws Exception {
        JsonNode notJson = raw("this is not json");
        assertFalse(notJson.has("id"), "no id to answer to: the client takes it for an event it ignores");
        assertEquals("the frame is not a JSON object: this is not json", notJson.path("error").path("message").asText());
        assertEquals("the frame is not a JSON object: [1,2]", raw("[1,2]").path("error").path("message").asText());
        assertEquals("the frame needs a string \"id\" and a string \"method\": {\"method\":\"Tool.getInfo\"}",
                raw("{\"method\":\"Tool.getInfo\"}").path("error").path("message").asText());
        JsonNode noMethod = raw("{\"id\":\"x1\",\"params\":{}}");
        assertEquals("x1", noMethod.path("id").asText(), "the error goes back to the id the frame had");
        assertTrue(noMethod.path("error").path("message").asText().startsWith("the frame needs a string \"id\" and a string \"method\""));
        JsonNode badParams = raw("{\"id\":\"x2\",\"method\":\"Tool.getInfo\",\"params\":[1]}");
        assertEquals("\"params\" must be an object", badParams.path("error").path("message").asText());
        assertEquals("page abc is not in the page stack", error("Page.getData", "{\"pageId\":\"abc\"}"),
                "a pageId that is no number");
        assertEquals("App.callWxMethod: parameter \"method\" must be a string", error("App.callWxMethod", "{\"args\":[]}"));
        assertEquals("2.7.3", result("Tool.getInfo", "{}").path("SDKVersion").asText());
    }

    @Test
    void unknown_and_unsupported_methods_say_so() throws Exception {
        assertEquals("unknown method Foo.bar", error("Foo.bar", "{}"));
        assertTrue(error("Tool.getTestAccounts", "{}").startsWith("Tool.getTestAccounts is not supported by tt-rtc-host: "));
        assertTrue(error("Tool.enableRemoteDebug", "{\"auto\":false}").startsWith("Tool.enableRemoteDebug is not supported"));
        assertTrue(error("App.callWxMethod", "{\"method\":\"getSystemInfoSync\",\"args\":[],\"pluginId\":\"wx123\"}")
                .startsWith("App.callWxMethod with a pluginId is not supported"));
        assertEquals("screenshot failed: headless Chromium is not installed (apt-get install -y chromium)",
                error("App.captureScreenshot", "{}"));
        assertEquals(JsonNodeFactory.instance.objectNode(), result("App.enableLog", "{}"), "enableLog must never fail: the client does not await it");
    }

    @Test
    void out_of_order_requests_name_what_is_missing() throws Exception {
        JsonNode page = result("App.getCurrentPage", "{}");
        int pageId = page.path("pageId").asInt();
        assertEquals("element 4242 is not in the page", error("Element.tap", "{\"pageId\":" + pageId + ",\"elementId\":\"4242\"}"),
                "an element id this connection never handed out");
        assertEquals("page 77 is not in the page stack", error("Page.getElement", "{\"pageId\":77,\"selector\":\"button\"}"));
        String button = result("Page.getElement", "{\"pageId\":" + pageId + ",\"selector\":\"button\"}").path("elementId").asText();
        result("App.callWxMethod", "{\"method\":\"navigateTo\",\"args\":[{\"url\":\"/pages/room/room?roomId=r1&userId=u1\"}]}");
        JsonNode top = result("App.getCurrentPage", "{}");
        assertEquals("pages/room/room", top.path("path").asText());
        assertTrue(top.path("pageId").asInt() > pageId, "a new page gets a new id");
        assertEquals("page " + pageId + " is not the top page: tt-rtc-host renders the top page only",
                error("Element.tap", "{\"pageId\":" + pageId + ",\"elementId\":\"" + button + "\"}"),
                "an element of a page that is no longer on top");
        assertEquals("demo-room", result("Page.getData", "{\"pageId\":" + pageId + ",\"path\":\"roomId\"}").path("data").asText(),
                "the page below still answers with its data");
        result("App.callWxMethod", "{\"method\":\"navigateBack\",\"args\":[{\"url\":null}]}");
        JsonNode stack = result("App.getPageStack", "{}").path("pageStack");
        assertEquals(1, stack.size());
        assertEquals(pageId, stack.get(0).path("pageId").asInt(), "the lobby keeps its id");
        assertEquals("page " + top.path("pageId").asInt() + " is not in the page stack",
                error("Page.getData", "{\"pageId\":" + top.path("pageId").asInt() + "}"), "an unloaded page's id is not reused");
    }

    @Test
    void a_promise_that_never_settles_times_out_and_a_missing_instance_is_named() throws Exception {
        result("Tool.getInfo", "{}");
        session.close();
        session = open(() -> program, Duration.ofSeconds(1));
        assertEquals("App.callFunction did not finish within 1 s",
                error("App.callFunction", "{\"functionDeclaration\":\"() => new Promise(() => {})\",\"args\":[]}"));
        assertEquals(5, result("App.callFunction", "{\"functionDeclaration\":\"(a, b) => a + b\",\"args\":[2,3]}").path("result").asInt(),
                "the session answers the next request");
        session.close();
        session = open(() -> null);
        assertEquals("the mini-program is not running", error("App.getCurrentPage", "{}"));
        assertEquals("2.7.3", result("Tool.getInfo", "{}").path("SDKVersion").asText(), "Tool methods need no instance");
    }

    @Test
    void page_and_element_methods_read_and_drive_the_sample() throws Exception {
        int pageId = result("App.getCurrentPage", "{}").path("pageId").asInt();
        String page = "\"pageId\":" + pageId;
        JsonNode inputs = result("Page.getElements", "{" + page + ",\"selector\":\"input\"}").path("elements");
        assertEquals(2, inputs.size());
        assertEquals("input", inputs.get(0).path("tagName").asText());
        assertFalse(inputs.get(0).has("nodeId"), "a built-in is no custom component");
        String room = inputs.get(0).path("elementId").asText();
        String el = page + ",\"elementId\":\"" + room + "\"";
        result("Element.callFunction", "{" + el + ",\"functionName\":\"input.input\",\"args\":[\"room-42\"]}");
        assertEquals("room-42", result("Page.getData", "{" + page + ",\"path\":\"roomId\"}").path("data").asText());
        assertEquals("room-42", result("Element.getDOMProperties", "{" + el + ",\"names\":[\"innerText\"]}").path("properties").get(0).asText());
        assertEquals("room id", result("Element.getAttributes", "{" + el + ",\"names\":[\"placeholder\",\"nothing\"]}")
                .path("attributes").get(0).asText());
        String field = result("Page.getElement", "{" + page + ",\"selector\":\".field\"}").path("elementId").asText();
        JsonNode inner = result("Element.getElements", "{" + page + ",\"elementId\":\"" + field + "\",\"selector\":\"text\"}").path("elements");
        assertEquals(1, inner.size(), "only the text inside the first field");
        String wxml = result("Element.getWXML", "{" + page + ",\"elementId\":\"" + field + "\",\"type\":\"outer\"}").path("wxml").asText();
        assertTrue(wxml.startsWith("<view class=\"field\"><text>Room</text><input "), wxml);
        assertTrue(error("Page.getElement", "{" + page + ",\"selector\":\".nothing\"}").startsWith("no element matches .nothing"));
        JsonNode byXpath = result("Page.getElementsByXpath", "{" + page + ",\"selector\":\"//view[@class='field'][2]/input\"}").path("elements");
        assertEquals(1, byXpath.size());
        assertEquals(inputs.get(1).path("elementId"), byXpath.get(0).path("elementId"), "[2] is the second field among its siblings");
    }
}
