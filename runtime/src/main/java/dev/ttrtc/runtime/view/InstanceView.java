package dev.ttrtc.runtime.view;

import dev.ttrtc.runtime.SystemInfo;
import java.util.List;
import java.util.Optional;

/**
 * The rendered page of one instance, for embedders, tests and tools: query it with CSS
 * selectors, read what it shows, act on it as a user would, mirror it through patch ops.
 *
 * <p>Thread-safe: reads and actions are carried out on the instance's loop thread (a read from
 * another thread waits for it, up to a few seconds). Elements stay valid while their node is
 * in the tree; once removed, their reads answer as for an empty element and their actions fail.
 */
public interface InstanceView {

    /**
     * The first element of the top page matching a selector: tag ({@code view}, {@code my-card}),
     * {@code .class}, {@code #id}, {@code [attr]}, {@code [attr=value]}, compounds of these, and
     * the descendant and child ({@code >}) combinators; the search crosses component boundaries.
     *
     * @throws IllegalArgumentException a selector outside that grammar
     */
    Optional<ViewElement> $(String selector);

    /** Every element of the top page matching a selector, in document order. */
    List<ViewElement> $$(String selector);

    /**
     * The element of the top page whose node id ({@code data-nid}) this is: how a mirror that
     * shows the page's HTML (the simulator) hands a user's click back.
     */
    default Optional<ViewElement> element(int nodeId) {
        return Optional.empty();
    }

    /** The top page's route, or an empty string before the first page opens. */
    String route();

    /** The top page as a standalone HTML document with its CSS. */
    String html();

    /** The phone the page renders for: its window size ({@code windowWidth}, {@code windowHeight}) sets rpx. */
    default SystemInfo systemInfo() {
        return SystemInfo.defaults();
    }

    /** How far the top page is scrolled, in px ({@code tt.pageScrollTo}, a page scroll); 0 before any scroll. */
    default double scrollTop() {
        return 0;
    }

    /** The top page's CSS: the built-ins' base styles, app.ttss, its components' and its own. */
    String css();

    /** Adds a listener of patch ops; the returned handle removes it. */
    AutoCloseable addListener(ViewListener listener);

    /**
     * Adds a listener that first gets the top page whole (a {@code page} op, if a page is open)
     * on the loop, before any later op: a mirror that starts from it stays right whenever it
     * starts (a simulator page that connects late). The returned handle removes it.
     */
    default AutoCloseable mirror(ViewListener listener) {
        return addListener(listener);
    }
}
