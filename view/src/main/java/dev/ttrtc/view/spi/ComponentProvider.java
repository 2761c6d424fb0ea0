package dev.ttrtc.view.spi;

import java.util.List;

/**
 * A built-in component: its tag, its documented attributes with their defaults, its base CSS,
 * and a behavior per element. Contributed ones are listed in
 * {@code META-INF/services/dev.ttrtc.view.spi.ComponentProvider}. One provider serves every
 * instance of the JVM: per-element state lives in what {@link #create} returns.
 */
public interface ComponentProvider {

    /** The TTML tag, such as {@code rtc-room}; it renders as the HTML element {@code tt-<tag>}. */
    String tag();

    /** The documented attributes and their defaults, as the template writes them ({@code user-id}). */
    List<AttributeSpec> attributes();

    /** CSS for {@code tt-<tag>} elements, part of every page's CSS. */
    default String baseCss() {
        return "";
    }

    /** The behavior of one element, when it enters the tree. */
    ElementBehavior create(ElementContext element);
}
