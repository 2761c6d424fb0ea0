package dev.ttrtc.view.internal.tree;

import dev.ttrtc.view.internal.ttml.Location;
import dev.ttrtc.view.internal.ttml.Scope;
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
 * @param attributes evaluated attributes (a bare attribute is {@link Boolean#TRUE}), in order; null when deferred
 * @param componentPath the component it hosts, or null
 * @param later for a deferred element (nothing it reads changed), the scope to render it in should
 *     no live node take its place; null otherwise
 */
public record VNode(TNode source, String key, Owner owner, String tag, Map<String, Object> attributes, List<BoundEvent> events,
        List<VNode> children, String componentPath, String text, Scope later) {

    static VNode text(TNode.Text source, String key, Owner owner, String text) {
        return new VNode(source, key, owner, null, null, null, List.of(), null, text, null);
    }

    static VNode element(TNode.Element source, String key, Owner owner, Map<String, Object> attributes, List<BoundEvent> events,
            List<VNode> children, String componentPath) {
        return new VNode(source, key, owner, source.tag(), attributes, events, children, componentPath, null, null);
    }

    /** An element whose live node stays as it is; rendered (from {@code scope}) only when it has none. */
    static VNode deferred(TNode.Element source, String key, Owner owner, String componentPath, Scope scope) {
        return new VNode(source, key, owner, source.tag(), null, null, null, componentPath, null, scope);
    }

    boolean isText() {
        return tag == null;
    }

    boolean deferred() {
        return later != null;
    }

    /** An event binding with its handler name evaluated. */
    public record BoundEvent(String event, boolean capture, boolean catches, String handler, String written, Location location) {
    }
}
