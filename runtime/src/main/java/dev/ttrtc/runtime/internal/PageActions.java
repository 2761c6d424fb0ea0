package dev.ttrtc.runtime.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.ttrtc.runtime.EventLog;
import dev.ttrtc.runtime.TabBar;
import dev.ttrtc.runtime.api.ApiException;
import dev.ttrtc.runtime.internal.apis.window.PageWindows;
import dev.ttrtc.runtime.internal.apis.window.PullDownRefresh;
import dev.ttrtc.runtime.internal.apis.window.ShareApi;
import java.util.Optional;

/**
 * What the user (the embedder, the view layer) does to the top page around its content: pulls it
 * down, scrolls it, taps a tab, shares it. Loop thread only; {@link RealMiniProgram} posts here.
 */
final class PageActions {
    private final Framework framework;
    private final PageWindows windows;
    private final PullDownRefresh refresh;
    private final EventLog log;

    PageActions(Framework framework, PageWindows windows, PullDownRefresh refresh, EventLog log) {
        this.framework = framework;
        this.windows = windows;
        this.refresh = refresh;
        this.log = log;
    }

    boolean pullDownRefresh() {
        return refresh.start(true);
    }

    boolean pageScroll(double scrollTop) {
        return framework.call("onPageScroll", JsonNodeFactory.instance.objectNode().put("scrollTop", scrollTop)).isPresent();
    }

    boolean reachBottom() {
        return framework.call("onReachBottom", null).isPresent();
    }

    /** Switches to tab {@code index}, then tells that page it was tapped. */
    void tapTab(int index) {
        TabBar tabBar = windows.snapshot().tabBar()
                .orElseThrow(() -> new IllegalArgumentException("the app has no tabBar in app.json"));
        if (index < 0 || index >= tabBar.items().size()) {
            throw new IllegalArgumentException("tab " + index + " does not exist; the tabBar has " + tabBar.items().size());
        }
        TabBar.Item item = tabBar.items().get(index);
        ApiException refused = framework.navigate("switchTab", "/" + item.pagePath(), 0);
        if (refused != null) {
            throw new IllegalStateException("switchTab to " + item.pagePath() + " failed: " + refused.detail());
        }
        framework.call("onTabItemTap", JsonNodeFactory.instance.objectNode()
                .put("index", index).put("pagePath", item.pagePath()).put("text", item.text()));
    }

    Optional<JsonNode> share() {
        return ShareApi.share(windows, framework, log).map(JsonNode.class::cast);
    }
}
