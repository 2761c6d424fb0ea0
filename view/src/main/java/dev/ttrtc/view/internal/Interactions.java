package dev.ttrtc.view.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ttrtc.runtime.view.LogicLayer;
import dev.ttrtc.view.internal.components.Builtins;
import dev.ttrtc.view.internal.events.EventDispatcher;
import dev.ttrtc.view.internal.query.BlockLayout;
import dev.ttrtc.view.internal.query.Selector;
import dev.ttrtc.view.internal.query.SelectorQueries;
import dev.ttrtc.view.internal.tree.Node;
import dev.ttrtc.view.internal.tree.Owner;
import dev.ttrtc.view.internal.tree.ViewTree;
import dev.ttrtc.view.spi.ElementBehavior;

/**
 * What a user does to the page, as consumers (tests, the simulator, the Java API) ask: taps,
 * typing, changing a control, scrolling, raw events; and {@code tt.pageScrollTo}. The target
 * built-in interprets the action (a switch toggles, an input takes the text…) and the events
 * are dispatched through the tree. Loop thread only.
 */
final class Interactions {
    /** Host rule: onReachBottom fires within this many px of the page's end (the platform's default distance). */
    static final double REACH_BOTTOM_DISTANCE = 50;

    private final RealViewLayer view;
    private final ViewTree tree;
    private final EventDispatcher events;
    private final SelectorQueries queries;
    private final LogicLayer logic;

    Interactions(RealViewLayer view, ViewTree tree, EventDispatcher events, SelectorQueries queries, LogicLayer logic) {
        this.view = view;
        this.tree = tree;
        this.events = events;
        this.queries = queries;
        this.logic = logic;
    }

    /**
     * touchstart, touchend and tap at the element's centre (under the layout rule), then the
     * built-in's own answer: the element's, or that of the control it is the label of (a text in
     * a checkbox). A disabled target or control ignores the tap.
     */
    void tap(Node node) {
        ElementBehavior behavior = Builtins.behavior(node);
        if (behavior != null && !behavior.enabled()) {
            return;
        }
        Node control = tapControl(node);
        ElementBehavior answer = control == null ? behavior : Builtins.behavior(control);
        if (answer != null && !answer.enabled()) {
            return;
        }
        Node answering = control == null ? node : control;
        EventDispatcher.Touch touch = centre(node);
        JsonNode detail = JsonNodeFactory.instance.objectNode().put("x", touch.x()).put("y", touch.y());
        events.dispatch(node, "touchstart", detail, EventDispatcher.Flow.TOUCH, touch, false);
        events.dispatch(node, "touchend", detail, EventDispatcher.Flow.TOUCH, touch, true);
        events.dispatch(node, "tap", detail, EventDispatcher.Flow.TOUCH, touch, false);
        if (answer != null && tree.node(answering.id()) == answering) {
            answer.tapped();
        }
    }

    /** The element itself or its nearest ancestor that takes taps inside it, or null. */
    private static Node tapControl(Node node) {
        for (Node n = node; n != null; n = n.parent()) {
            ElementBehavior b = Builtins.behavior(n);
            if (b != null && b.takesTapsInside()) {
                return n;
            }
        }
        return null;
    }

    private EventDispatcher.Touch centre(Node node) {
        BlockLayout layout = queries.layout(node.owner().pageId());
        if (layout == null) {
            return new EventDispatcher.Touch(0, 0);
        }
        BlockLayout.Box box = layout.box(node);
        double scroll = queries.pageScrollTop(node.owner().pageId());
        return new EventDispatcher.Touch(box.left() + box.width() / 2, box.top() + box.height() / 2 - scroll);
    }

    void input(Node node, String text) {
        behaviorOf(node, "type into").input(text);
    }

    void change(Node node, JsonNode value) {
        behaviorOf(node, "change").change(value);
    }

    void scroll(Node node, double left, double top) {
        if (node.source() == null && node.owner().isPage()) {
            scrollPage(node.owner(), top);
            return;
        }
        behaviorOf(node, "scroll").scroll(left, top);
    }

    /** Dispatches any event at the element: bubbling types bubble (and cross components), others stay at it. */
    void trigger(Node node, String type, JsonNode given) {
        ElementBehavior behavior = Builtins.behavior(node);
        JsonNode detail = behavior == null ? given : behavior.eventDetail(type, given);
        boolean touch = EventDispatcher.BUBBLING.contains(type);
        events.dispatch(node, type, detail, touch ? EventDispatcher.Flow.TOUCH : EventDispatcher.Flow.TARGET,
                touch ? centre(node) : null, type.equals("touchend") || type.equals("touchcancel"));
    }

    private ElementBehavior behaviorOf(Node node, String action) {
        ElementBehavior behavior = Builtins.behavior(node);
        if (behavior == null) {
            throw new UnsupportedOperationException("cannot " + action + " <" + node.tag() + ">");
        }
        if (!behavior.enabled()) {
            throw new IllegalStateException("<" + node.tag() + "> is disabled");
        }
        return behavior;
    }

    /** {@code tt.pageScrollTo({scrollTop | selector, duration})}: null, or the errMsg detail of a failure. */
    String pageScrollTo(int pageId, JsonNode options) {
        Owner page = tree.owner(pageId);
        if (page == null) {
            return "no page is open";
        }
        double top;
        if (options.path("selector").isTextual()) {
            Node target;
            try {
                target = Selector.parse(options.get("selector").asText()).select(page.root(), page);
            } catch (IllegalArgumentException e) {
                return e.getMessage();
            }
            if (target == null) {
                return "selector " + options.get("selector").asText() + " matches nothing";
            }
            top = queries.layout(pageId).box(target).top() + options.path("offsetTop").asDouble(0);
        } else if (options.path("scrollTop").isNumber()) {
            top = options.get("scrollTop").asDouble();
        } else {
            return "parameter error: parameter.scrollTop should be Number";
        }
        scrollPage(page, top);
        return null;
    }

    /** Scrolls a page (clamped to its height under the layout rule); onPageScroll, and onReachBottom near the end. */
    private void scrollPage(Owner page, double requested) {
        BlockLayout layout = queries.layout(page.id());
        double height = layout == null ? 0 : layout.box(page.root()).height();
        double max = Math.max(0, height - queries.windowHeight());
        double top = Math.max(0, Math.min(requested, max));
        queries.pageScrollTop(page.id(), top);
        view.pageScrolled(page, top);
        ObjectNode argument = JsonNodeFactory.instance.objectNode().put("scrollTop", top);
        logic.pageEvent(page.id(), "onPageScroll", argument);
        if (height > queries.windowHeight() && top + queries.windowHeight() >= height - REACH_BOTTOM_DISTANCE) {
            logic.pageEvent(page.id(), "onReachBottom", JsonNodeFactory.instance.objectNode());
        }
    }
}
