package dev.ttrtc.view.internal.events;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ttrtc.runtime.view.LogicLayer;
import dev.ttrtc.view.internal.tree.Dataset;
import dev.ttrtc.view.internal.tree.Node;
import dev.ttrtc.view.internal.tree.Owner;
import dev.ttrtc.view.internal.tree.VNode;
import dev.ttrtc.view.internal.ttml.JsValues;
import dev.ttrtc.view.internal.ttml.Location;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Dispatches events through the render tree as the platform does: a capture phase from the root
 * to the target ({@code capture-bind:} / {@code capture-catch:}), then the target and, for
 * bubbling events, each ancestor ({@code bind} / {@code catch}); a catch stops the event. Each
 * handler is a method of the owner whose template declared the binding, called with the event
 * object ({@code type, timeStamp, target, currentTarget, detail}, and {@code touches} /
 * {@code changedTouches} for touch events). Seen from outside a component, the target is the
 * component's host element. A component's own event ({@code triggerEvent}) starts at its host
 * and, unless composed, stays in the tree of the host's owner. A missing handler is a WARN
 * entry. Loop thread only.
 */
public final class EventDispatcher {
    /** The events that bubble, as the platform lists them; every other event stays at its target. */
    public static final Set<String> BUBBLING = Set.of("touchstart", "touchmove", "touchcancel", "touchend", "tap",
            "longpress", "longtap", "transitionend", "animationstart", "animationiteration", "animationend",
            "touchforcechange");
    private static final Set<String> TOUCH = Set.of("touchstart", "touchmove", "touchcancel", "touchend", "tap",
            "longpress", "longtap", "touchforcechange");

    /** Where missing handlers are reported. */
    public interface Warn {
        void warn(Location location, String message);
    }

    /** How an event travels. */
    public record Flow(boolean bubbles, boolean composed, boolean capturePhase) {
        /** A built-in's own event ({@code input}, {@code change}…): only at its target. */
        public static final Flow TARGET = new Flow(false, false, false);
        /** A touch event or tap: bubbles and crosses component boundaries. */
        public static final Flow TOUCH = new Flow(true, true, true);
    }

    /** A touch point in page coordinates. */
    public record Touch(double x, double y) {
    }

    private final LogicLayer logic;
    private final Warn warn;
    private final long startNanos = System.nanoTime();

    public EventDispatcher(LogicLayer logic, Warn warn) {
        this.logic = logic;
        this.warn = warn;
    }

    /**
     * Dispatches an event at {@code target}.
     *
     * @param touch for touch events, where the finger is (null otherwise)
     * @param touchEnded for touchend/touchcancel: the point is in changedTouches only
     * @return what the first handler returned (a missing node when none ran)
     */
    public JsonNode dispatch(Node target, String type, JsonNode detail, Flow flow, Touch touch, boolean touchEnded) {
        List<Node> path = path(target, flow.composed());
        JsonNode[] result = {MissingNode.getInstance()};
        boolean[] first = {true};
        Handler call = (node, binding) -> {
            if (binding.handler().isEmpty()) {
                return;
            }
            ObjectNode event = event(type, target, node, detail, touch, touchEnded);
            Optional<JsonNode> returned = logic.callHandler(node.owner().id(), binding.handler(), event);
            if (returned.isEmpty()) {
                Owner owner = node.owner();
                warn.warn(binding.location(), (owner.isPage() ? "page " : "component ") + owner.path() + " has no method \""
                        + binding.handler() + "\" for " + binding.written());
            } else if (first[0]) {
                first[0] = false;
                result[0] = returned.get();
            }
        };
        if (flow.capturePhase()) {
            for (int i = path.size() - 1; i >= 0; i--) {
                Node node = path.get(i);
                for (VNode.BoundEvent b : List.copyOf(node.events())) {
                    if (b.capture() && b.event().equals(type)) {
                        call.handle(node, b);
                        if (b.catches()) {
                            return result[0];
                        }
                    }
                }
            }
        }
        int last = flow.bubbles() ? path.size() : 1;
        for (int i = 0; i < last; i++) {
            Node node = path.get(i);
            boolean caught = false;
            for (VNode.BoundEvent b : List.copyOf(node.events())) {
                if (!b.capture() && b.event().equals(type)) {
                    call.handle(node, b);
                    caught |= b.catches();
                }
            }
            if (caught) {
                break;
            }
        }
        return result[0];
    }

    private interface Handler {
        void handle(Node node, VNode.BoundEvent binding);
    }

    /**
     * The nodes the event visits, target first. A non-composed event stays in the tree of the
     * target's owner (it stops at that owner's root: its host element or the page root).
     */
    private static List<Node> path(Node target, boolean composed) {
        List<Node> path = new ArrayList<>();
        Owner owner = target.owner();
        for (Node n = target; n != null; n = n.parent()) {
            if (!composed && n.owner() != owner) {
                break;
            }
            if (!n.isText()) {
                path.add(n);
            }
        }
        return path;
    }

    /** The event object one handler receives. */
    private ObjectNode event(String type, Node target, Node current, JsonNode detail, Touch touch, boolean touchEnded) {
        ObjectNode event = JsonNodeFactory.instance.objectNode();
        event.put("type", type);
        event.put("timeStamp", (System.nanoTime() - startNanos) / 1_000_000);
        event.set("target", identity(retarget(target, current)));
        event.set("currentTarget", identity(current));
        event.set("detail", detail == null ? JsonNodeFactory.instance.objectNode() : detail);
        if (touch != null && TOUCH.contains(type)) {
            ObjectNode point = JsonNodeFactory.instance.objectNode().put("identifier", 0).put("pageX", touch.x())
                    .put("pageY", touch.y()).put("clientX", touch.x()).put("clientY", touch.y());
            ArrayNode touches = event.putArray("touches");
            if (!touchEnded) {
                touches.add(point);
            }
            event.putArray("changedTouches").add(point.deepCopy());
        }
        return event;
    }

    /** What a handler of {@code current}'s owner sees as the target: the nearest node of its own tree. */
    private static Node retarget(Node target, Node current) {
        for (Node n = target; n != null; n = n.parent()) {
            if (n.owner() == current.owner() && !n.isText()) {
                return n;
            }
        }
        return target;
    }

    private static ObjectNode identity(Node node) {
        ObjectNode identity = JsonNodeFactory.instance.objectNode();
        Object id = node.attributes().get("id");
        identity.put("id", id == null || id == Boolean.TRUE ? "" : JsValues.toDisplayString(id));
        identity.set("dataset", Dataset.of(node.attributes()));
        return identity;
    }
}
