package dev.ttrtc.automator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code Element.touchstart/touchmove/touchend}, {@code dispatchEvent} and {@code triggerEvent}
 * through the real endpoint: the page's bound handlers ran with the event object a phone gives
 * (type, detail, currentTarget and its dataset, touches). The page logs each event in its data.
 */
class ElementEventsTest {
    private static final Path PROJECT = Path.of("src", "test", "resources", "events-app");

    private EndpointClient client;

    @BeforeEach
    void start() throws Exception {
        client = new EndpointClient(PROJECT);
    }

    @AfterEach
    void stop() throws Exception {
        client.close();
    }

    @Test
    void touches_reach_the_bound_touch_handlers_in_order() throws Exception {
        String pad = client.element("#pad");
        client.result("Element.touchstart", "{" + pad + "}");
        client.result("Element.touchmove", "{" + pad + "}");
        client.result("Element.touchend", "{" + pad + "}");
        JsonNode log = client.data("log");
        assertEquals(3, log.size(), log.toString());
        String[] types = {"touchstart", "touchmove", "touchend"};
        for (int i = 0; i < types.length; i++) {
            JsonNode entry = log.get(i);
            assertEquals(types[i], entry.path("type").asText());
            assertEquals("pad", entry.path("current").asText());
            assertEquals("pad", entry.path("kind").asText(), "currentTarget.dataset from data-kind");
            assertEquals(i < 2 ? 1 : 0, entry.path("touches").asInt(), "one finger down until touchend lifts it: " + entry);
        }
    }

    @Test
    void a_dispatched_tap_bubbles_from_the_inner_element_to_the_bound_ancestor() throws Exception {
        String inner = client.element("#inner");
        client.result("Element.dispatchEvent", "{" + inner + ",\"eventName\":\"tap\",\"eventData\":{\"from\":\"test\"}}");
        JsonNode log = client.data("log");
        assertEquals(1, log.size(), log.toString());
        JsonNode tap = log.get(0);
        assertEquals("tap", tap.path("type").asText());
        assertEquals("outer", tap.path("current").asText(), "the handler is bound on the ancestor");
        assertEquals("inner", tap.path("target").asText(), "the target is where it was dispatched");
        assertEquals("outer", tap.path("kind").asText());
        assertEquals("test", tap.path("detail").path("from").asText(), "eventData is the event's detail");
    }

    @Test
    void a_custom_event_triggered_on_a_component_host_runs_the_page_handler_with_its_detail() throws Exception {
        String card = client.element("#card");
        client.result("Element.triggerEvent", "{" + card + ",\"type\":\"myevent\",\"detail\":{\"n\":7}}");
        JsonNode log = client.data("log");
        assertEquals(1, log.size(), log.toString());
        JsonNode custom = log.get(0);
        assertEquals("myevent", custom.path("type").asText());
        assertEquals(7, custom.path("detail").path("n").asInt());
        assertEquals("card", custom.path("current").asText());
        assertEquals("card", custom.path("kind").asText(), "the host's data-kind");
        client.result("Element.triggerEvent", "{" + card + ",\"type\":\"otherevent\"}");
        assertEquals(1, client.data("log").size(), "an event nothing is bound to runs no handler");
    }

    @Test
    void window_properties_answer_the_page_scroll_position() throws Exception {
        JsonNode before = windowProperties();
        assertEquals(0, before.get(2).asDouble());
        assertTrue(before.get(1).asInt() >= 3000, "the page is as tall as its filler: " + before);
        client.result("App.callWxMethod", "{\"method\":\"pageScrollTo\",\"args\":[{\"scrollTop\":500,\"duration\":0}]}");
        assertEquals(500, client.data("scrolled").asDouble(), "the page got onPageScroll");
        JsonNode after = windowProperties();
        assertEquals(500, after.get(2).asDouble(), "document.documentElement.scrollTop: " + after);
        assertEquals(500, after.get(3).asDouble(), "document.body.scrollTop");
        assertEquals(before.get(0), after.get(0), "the width stays");
        assertEquals(before.get(1), after.get(1), "the page height stays");
    }

    private JsonNode windowProperties() throws Exception {
        return client.result("Page.getWindowProperties", "{" + client.page + ",\"names\":[\"document.documentElement.scrollWidth\","
                + "\"document.documentElement.scrollHeight\",\"document.documentElement.scrollTop\",\"document.body.scrollTop\"]}")
                .path("properties");
    }
}
