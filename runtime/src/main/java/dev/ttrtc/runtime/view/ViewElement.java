package dev.ttrtc.runtime.view;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * One element of a rendered page. Reads reflect the tree when they run; actions are posted to
 * the instance's loop and their futures complete once the event was dispatched and the
 * handlers' synchronous part ran (or exceptionally when the element is gone or cannot do it).
 */
public interface ViewElement {

    /** The node id, stable while the node stays in the tree (the {@code data-nid} of its HTML). */
    int nodeId();

    /** The TTML tag: {@code view}, {@code button}, {@code my-card}. */
    String tag();

    /** The {@code id} attribute, or an empty string. */
    String id();

    /** The text the element shows, whitespace collapsed and trimmed (an input shows its value). */
    String text();

    /** An attribute as rendered ({@code class} as written in the template, before style scoping). */
    Optional<String> attr(String name);

    /** Every attribute as rendered, in template order (values as {@link #attr} gives them). */
    default Map<String, String> attributes() {
        throw new UnsupportedOperationException("this view does not list attributes");
    }

    /**
     * The element as TTML markup with its current attribute values and texts: the element itself
     * and its content ({@code outer}), or its content only. Empty once the node is gone.
     */
    default String markup(boolean outer) {
        throw new UnsupportedOperationException("this view does not write markup");
    }

    /**
     * The element's box in page coordinates under the view's layout rule:
     * {@code [left, top, width, height]} in px; empty once the node is gone.
     */
    default Optional<double[]> box() {
        return Optional.empty();
    }

    /**
     * The custom component instance this element hosts ({@code <my-card>}); empty for a built-in,
     * a page root or a slot.
     */
    default Optional<ComponentHandle> component() {
        return Optional.empty();
    }

    /** The {@code data-*} attributes, named as the event object's dataset names them. */
    JsonNode dataset();

    /** False when the element or an ancestor is {@code hidden} (or the element is gone). */
    boolean visible();

    /** The element children (text nodes left out). */
    List<ViewElement> children();

    /** A tap (touchstart, touchend, tap) at the element's centre under the layout rule. */
    CompletableFuture<Void> tap();

    /** Types text into an input or textarea: its value becomes {@code text}, then {@code input} fires. */
    CompletableFuture<Void> input(String text);

    /**
     * Changes a control as the user would: a switch or checkbox to a boolean, a slider to a
     * number, a picker to an index; {@code change} fires with the documented detail.
     */
    CompletableFuture<Void> change(Object value);

    /** Scrolls a scroll-view (or the page, for the page root) to an offset; {@code scroll} fires. */
    CompletableFuture<Void> scroll(double left, double top);

    /** Dispatches an event of any type with a detail, as if the element raised it. */
    CompletableFuture<Void> trigger(String type, JsonNode detail);

    /**
     * Calls a method of the element's context object ({@code play} of a {@code <video>}'s
     * VideoContext) with {@code args}, a JSON array, as the page's context would; fails for an
     * element without one or a method it lacks.
     */
    default CompletableFuture<Void> callContextMethod(String method, JsonNode args) {
        return CompletableFuture.failedFuture(new UnsupportedOperationException("this view has no context objects"));
    }
}
