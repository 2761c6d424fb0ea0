package dev.ttrtc.view.spi;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;

/**
 * One element of a built-in component: its view-side state, its HTML, and how it answers a
 * user's actions. Every method has a default, so a component overrides only what it does.
 */
public interface ElementBehavior {

    /** The template changed some of the element's attributes. */
    default void attributesChanged() {
    }

    /** Adds the element's own HTML attributes to those of {@code tt-<tag>}. */
    default void htmlAttributes(Map<String, String> out) {
    }

    /** Writes the element's own inner HTML (before its children, if it shows them). */
    default void innerHtml(HtmlOut out) {
    }

    /** False for leaves whose template children are not shown (input, image…). */
    default boolean showsChildren() {
        return true;
    }

    /**
     * The text the element shows in place of its template children (an input's value, a
     * rich-text's content), for {@code text()} of the consumer view; null: its children's text.
     */
    default String shownText() {
        return null;
    }

    /** The state mirrors show for {@link ElementContext#valueChanged()} ({@code value} op). */
    default JsonNode value() {
        return null;
    }

    /** False while the element ignores the user (disabled): no events are dispatched. */
    default boolean enabled() {
        return true;
    }

    /** After the tap events were dispatched: what the element does on a tap (a switch toggles). */
    default void tapped() {
    }

    /**
     * True for controls whose content is their label (button, checkbox, radio, navigator…): a
     * tap on an element inside is their tap too, as on the phone. The nearest such ancestor
     * gets {@link #tapped()}; while it is disabled the tap is ignored.
     */
    default boolean takesTapsInside() {
        return false;
    }

    /**
     * The detail of an event a consumer raises at this element with {@code trigger(type,
     * detail)}: a control fills in what the platform would (a textarea's {@code value} on
     * {@code blur}); by default the detail as given.
     */
    default JsonNode eventDetail(String type, JsonNode given) {
        return given;
    }

    /** The user typed: the element's text becomes {@code text}. */
    default void input(String text) {
        throw new UnsupportedOperationException("cannot type into this element");
    }

    /** The user changed the control to {@code value}. */
    default void change(JsonNode value) {
        throw new UnsupportedOperationException("this element has no value to change");
    }

    /** The user scrolled the element to an offset. */
    default void scroll(double left, double top) {
        throw new UnsupportedOperationException("this element does not scroll");
    }

    /**
     * A method of the element's context object ({@code VideoContext.play()} and the like) was
     * called with {@code args} (a JSON array); the element acts on it.
     *
     * @throws IllegalArgumentException the element has no context object, or it lacks the method
     */
    default void command(String name, JsonNode args) {
        throw new IllegalArgumentException("this element has no context object");
    }

    /** The element left the tree. */
    default void removed() {
    }
}
