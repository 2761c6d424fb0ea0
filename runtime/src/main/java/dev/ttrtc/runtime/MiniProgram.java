package dev.ttrtc.runtime;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ttrtc.runtime.view.InstanceView;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * A running mini-program (or mini-game) instance. Every method is safe to call from any thread:
 * reads return the latest snapshot, actions are posted to the instance's event loop.
 *
 * <p>Lifecycle: created by {@link MiniProgramHost#launch}, running until {@link #close()}, the
 * host's close, or the host stopping it (runaway code, the heap guard); {@link #isClosed()} then
 * answers true.
 *
 * <p>The closed-instance rule, the same for every method: no method throws because the instance
 * is closed. Reads ({@link #route()}, {@link #pageData()}, {@link #events()}, …) return the last
 * snapshot; every method that returns a future returns one failed with
 * {@link IllegalStateException} ({@code instance <id> is closed}), and futures still pending when
 * the instance closes fail the same way; actions without a result ({@link #hide()},
 * {@link #show()}, {@link #setNetworkType}) do nothing; {@link #close()} again does nothing.
 */
public interface MiniProgram extends AutoCloseable {

    /** A label unique within the host, used in logs and thread names. */
    String id();

    /** The project's root folder (the one holding app.js), whose files its pages show: images, videos. */
    Path projectRoot();

    /** The route of the page on top of the stack ({@code pages/room/room}); {@code game} for a mini-game. */
    String route();

    /** The query the top page was opened with. */
    Map<String, String> query();

    /** The routes of the page stack, bottom first. */
    List<String> pageStack();

    /** The top page's data as of its last {@code setData} (what the view would render). */
    JsonNode pageData();

    /**
     * Calls a method of the top page as a tap handler would be called. Completes with the
     * method's return value (awaited when it is a promise) as JSON, or exceptionally with the
     * error it threw.
     */
    CompletableFuture<JsonNode> callPageMethod(String method, PageEvent event);

    /**
     * Evaluates JS source in the instance's global scope; completes with the value (awaited when
     * it is a promise) as JSON. For tools and tests; mini-program code never sees this.
     */
    CompletableFuture<JsonNode> evaluate(String source);

    /**
     * What a phone draws around the top page now: its navigation bar, the tab bar, the pull-down
     * indicator and the screen flag. A snapshot as of the last change.
     */
    WindowState window();

    /**
     * The user pulls the top page down: when the page enables pull-down refresh, the indicator
     * shows and its {@code onPullDownRefresh} runs (the page ends it with
     * {@code tt.stopPullDownRefresh}). Completes with false when the page cannot be pulled.
     */
    CompletableFuture<Boolean> pullDownRefresh();

    /**
     * The top page scrolled to {@code scrollTop} px: calls its {@code onPageScroll({scrollTop})}.
     * For the view layer; completes with whether the page has the hook.
     */
    CompletableFuture<Boolean> pageScroll(double scrollTop);

    /** The top page scrolled to its bottom: calls its {@code onReachBottom()}; completes with whether it has the hook. */
    CompletableFuture<Boolean> reachBottom();

    /**
     * The user taps tab {@code index} of the tab bar: the app switches to that tab (as
     * {@code tt.switchTab}) and the tab page's {@code onTabItemTap({index, pagePath, text})} runs.
     * Completes exceptionally when the app has no such tab.
     */
    CompletableFuture<Void> tapTab(int index);

    /**
     * The user shares the top page from its menu: its {@code onShareAppMessage({from: "menu"})}
     * decides the content, recorded as a UI entry {@code share}. Completes with the content, or
     * empty when no page is open or the page hid its share menu.
     */
    CompletableFuture<Optional<JsonNode>> share();

    /**
     * Changes the simulated network ({@code wifi}, {@code 4g}, {@code none}, …; see
     * {@link LaunchOptions#NETWORK_TYPES}): {@code onNetworkStatusChange} listeners hear of it.
     */
    void setNetworkType(String networkType);

    /** Sends the app to the background: page and App {@code onHide}. */
    void hide();

    /** Brings the app to the foreground: App and page {@code onShow}. */
    void show();

    EventLog events();

    /** What an API module attached to this instance under {@code type} (see {@code InstanceContext.attach}). */
    <T> Optional<T> attachment(Class<T> type);

    /**
     * The rendered top page: query it by CSS selector, read it, tap and type into it, mirror it
     * through patch ops. Without the view module on the class path its methods fail with
     * {@link IllegalStateException}.
     */
    InstanceView view();

    boolean isClosed();

    /** Unloads the pages, releases what API modules hold, cancels timers and stops the loop thread. */
    @Override
    void close();
}
