package dev.ttrtc.runtime;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.util.Objects;

/**
 * The event object a page method receives when the embedder calls it, as a tap handler would:
 * JS sees {@code {type, timeStamp, detail, target: {id, dataset}, currentTarget: {id, dataset}}}.
 */
public record PageEvent(String type, JsonNode detail, JsonNode dataset) {

    public PageEvent {
        Objects.requireNonNull(type, "type");
        detail = detail == null ? JsonNodeFactory.instance.objectNode() : detail;
        dataset = dataset == null ? JsonNodeFactory.instance.objectNode() : dataset;
    }

    /** A tap with an empty detail and dataset. */
    public static PageEvent tap() {
        return new PageEvent("tap", null, null);
    }

    /** A tap on an element carrying {@code data-*} attributes. */
    public static PageEvent tap(JsonNode dataset) {
        return new PageEvent("tap", null, dataset);
    }
}
