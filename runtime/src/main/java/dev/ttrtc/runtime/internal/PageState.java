package dev.ttrtc.runtime.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.util.List;
import java.util.Map;

/**
 * What the view would show, as of the last navigation or setData: the top page, its query and
 * data, and the stack. Immutable; an instance swaps in a new one from its loop thread.
 */
record PageState(String route, Map<String, String> query, List<String> stack, JsonNode data) {
    static final PageState EMPTY = new PageState("", Map.of(), List.of(), JsonNodeFactory.instance.objectNode());

    PageState withData(JsonNode newData) {
        return new PageState(route, query, stack, newData);
    }
}
