package dev.ttrtc.view.spi;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ttrtc.runtime.view.ProjectFiles;
import java.util.Optional;

/**
 * What a built-in element may use: its attributes (with the documented defaults), the instance
 * it renders for, and the ways to tell the page and its mirrors about itself.
 */
public interface ElementContext {

    /** The mini-program instance this element renders for ({@code MiniProgram.id()}). */
    String instanceId();

    /** The element's node id (its {@code data-nid}). */
    int nodeId();

    String tag();

    /** Whether the template wrote the attribute. */
    boolean has(String attribute);

    /** The attribute as a string (its default when not written; "" for a null default). */
    String string(String attribute);

    /** The attribute as a boolean: a bare attribute is true; other values by JS truthiness. */
    boolean bool(String attribute);

    /** The attribute as a number (NaN when it is not one). */
    double number(String attribute);

    /** The attribute as inline CSS (a {@code *-style} attribute), its rpx in px of the instance's window. */
    String style(String attribute);

    /** The attribute's value as JSON (its default when not written). */
    JsonNode value(String attribute);

    /**
     * Raises an event at this element (a non-bubbling component event such as {@code error} or
     * {@code change}): handlers bound to it run before this returns. Nothing happens once the
     * element left the tree. Never call it while writing HTML.
     *
     * @return what the handler returned (a missing node when nothing or no handler)
     */
    JsonNode emit(String type, JsonNode detail);

    /**
     * Runs a task on a later turn of the instance's loop, after the render under way (an
     * element announcing {@code load} or {@code error} once it is shown); skipped if the element
     * left the tree meanwhile.
     */
    void later(Runnable task);

    /** The element's own inner HTML changed: mirrors get it again. */
    void invalidate();

    /** The element's value (a form control's state) changed: mirrors get {@link ElementBehavior#value()}. */
    void valueChanged();

    /** A project-relative path for a {@code src} written in this element's template (null if outside the project). */
    String resolvePath(String src);

    ProjectFiles files();

    /** A WARN entry naming this element's template place. */
    void warn(String message);

    /** What a host module attached to the instance (the RTC state, for {@code rtc-room}); any thread. */
    <T> Optional<T> attachment(Class<T> type);
}
