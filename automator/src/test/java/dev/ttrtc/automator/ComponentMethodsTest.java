package dev.ttrtc.automator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ttrtc.testkit.WebSocketRecorder;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code Element.getData}, {@code setData} and {@code callMethod} on a custom component, through
 * the real endpoint, against a project whose page holds a {@code <counter-card>}.
 */
class ComponentMethodsTest {
    private static final Path PROJECT = Path.of("src", "test", "resources", "counter-app");

    private EndpointClient client;
    private String page;

    @BeforeEach
    void start() throws Exception {
        client = new EndpointClient(PROJECT);
        page = client.page;
    }

    @AfterEach
    void stop() throws Exception {
        client.close();
    }

    private JsonNode result(String method, String params) throws Exception {
        return client.result(method, params);
    }

    private String error(String method, String params) throws Exception {
        return client.error(method, params);
    }

    private String element(String selector) throws Exception {
        return client.element(selector);
    }

    private String shown(String selector) throws Exception {
        return result("Element.getDOMProperties", "{" + element(selector) + ",\"names\":[\"innerText\"]}").path("properties").get(0).asText();
    }

    @Test
    void a_component_element_is_described_with_a_node_id_and_a_built_in_without() throws Exception {
        JsonNode card = result("Page.getElement", "{" + page + ",\"selector\":\"counter-card\"}");
        assertEquals("counter-card", card.path("tagName").asText());
        assertTrue(card.has("nodeId"), "the client makes a CustomElement only for an element with a nodeId: " + card);
        assertFalse(result("Page.getElement", "{" + page + ",\"selector\":\".plain\"}").has("nodeId"));
    }

    @Test
    void get_data_answers_the_whole_data_or_a_path() throws Exception {
        String card = element("#c1");
        JsonNode data = result("Element.getData", "{" + card + "}").path("data");
        assertEquals(0, data.path("count").asInt());
        assertEquals("taps", data.path("label").asText(), "properties are part of the data, as the page passed them");
        assertEquals("b", data.path("items").get(1).path("name").asText());
        assertEquals("a", result("Element.getData", "{" + card + ",\"path\":\"items[0].name\"}").path("data").asText());
        assertTrue(result("Element.getData", "{" + card + ",\"path\":\"nothing.here\"}").path("data").isNull());
        assertEquals("invalid data path \"items[\"", error("Element.getData", "{" + card + ",\"path\":\"items[\"}"));
    }

    @Test
    void set_data_changes_what_the_component_shows() throws Exception {
        String card = element("#c1");
        assertEquals("taps: 0", shown(".count"));
        assertEquals(WebSocketRecorder.JSON.createObjectNode(), result("Element.setData", "{" + card + ",\"data\":{\"count\":7,\"items[0].name\":\"z\"}}"));
        assertEquals("taps: 7", shown(".count"), "the view has the update when setData answers");
        assertEquals("z", shown(".first"), "a data path, as this.setData takes it");
        assertEquals(7, result("Element.getData", "{" + card + ",\"path\":\"count\"}").path("data").asInt());
        assertEquals("Element.setData: parameter \"data\" must be an object", error("Element.setData", "{" + card + ",\"data\":[1]}"));
    }

    @Test
    void call_method_returns_its_value_and_its_set_data_renders() throws Exception {
        String card = element("#c1");
        assertEquals(5, result("Element.callMethod", "{" + card + ",\"method\":\"add\",\"args\":[5]}").path("result").asInt());
        String wxml = result("Element.getWXML", "{" + card + ",\"type\":\"inner\"}").path("wxml").asText();
        assertTrue(wxml.contains("taps: 5"), "this.setData inside the method re-rendered the component: " + wxml);
        assertEquals(42, result("Element.callMethod", "{" + card + ",\"method\":\"doubleLater\",\"args\":[21]}").path("result").asInt(),
                "a returned promise is awaited");
    }

    @Test
    void errors_name_the_method_the_component_lacks_its_own_exception_and_a_built_in() throws Exception {
        String card = element("#c1");
        assertEquals("component components/counter/counter has no method nope",
                error("Element.callMethod", "{" + card + ",\"method\":\"nope\",\"args\":[]}"));
        String thrown = error("Element.callMethod", "{" + card + ",\"method\":\"fail\",\"args\":[]}");
        assertEquals("components/counter/counter.js:14:13: Error: counter broke", thrown, "the JS error with its place in the project");
        String plain = element(".plain");
        assertEquals("<view> is not a custom component: Element.getData reaches the instance a custom component's element hosts",
                error("Element.getData", "{" + plain + "}"));
        assertTrue(error("Element.callMethod", "{" + plain + ",\"method\":\"add\",\"args\":[1]}").startsWith("<view> is not a custom component"));
        assertEquals("this element has no context object",
                error("Element.callContextMethod", "{" + plain + ",\"method\":\"play\",\"args\":[]}"));
    }
}
