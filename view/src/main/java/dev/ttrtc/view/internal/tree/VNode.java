package dev.ttrtc.view.internal.tree;

import dev.ttrtc.view.internal.ttml.Location;
import dev.ttrtc.view.internal.ttml.TNode;
import java.util.List;
import java.util.Map;

/**
 * A rendered node: what one render of an owner's template says a live node should be. Matched
 * to live nodes by {@link #source} and {@link #key} (the loop keys and template calls that led to
 * it within its parent element).
 *
 * @param owner the page or component whose template declared it (its handlers resolve there)
 * @param tag the TTML tag, or null for text
 * @param attributes evaluated attributes (a bare attribute is {@link Boolean#TRUE}), in order
 * @param componentPath the component it hosts, or null
 */
public record VNode(TNode source, String key, Owner owner, String tag, Map<String, Object> attributes, List<BoundEvent> events,
        List<VNode> children, String componentPath, String text) {

    boolean isText() {
        return tag == null;
    }

    /** An event binding with its handler name evaluated. */
    public record BoundEvent(String event, boolean capture, boolean catches, String handler, String written, Location location) {
    }
}
