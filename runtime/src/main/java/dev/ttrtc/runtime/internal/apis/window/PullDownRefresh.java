package dev.ttrtc.runtime.internal.apis.window;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.ttrtc.runtime.EventLog;
import dev.ttrtc.runtime.HostEvent;

/**
 * The pull-down refresh of the top page, started by the user (the embedder) or by
 * {@code tt.startPullDownRefresh}: the indicator shows and the page's {@code onPullDownRefresh}
 * runs; {@code tt.stopPullDownRefresh} ends it. Loop thread only.
 */
public final class PullDownRefresh {
    private final PageWindows windows;
    private final PageHooks hooks;
    private final EventLog log;

    public PullDownRefresh(PageWindows windows, PageHooks hooks, EventLog log) {
        this.windows = windows;
        this.hooks = hooks;
        this.log = log;
    }

    /**
     * Shows the indicator and calls {@code onPullDownRefresh}.
     *
     * @param byUser true when the user pulls (only pages that enable it can be pulled), false for the API
     * @return false when no page is open or the user cannot pull this page
     */
    public boolean start(boolean byUser) {
        boolean allowed = windows.top().map(page -> !byUser || page.enablePullDownRefresh()).orElse(false);
        if (!allowed || !windows.setRefreshing(true)) {
            return false;
        }
        String name = byUser ? "pullDownRefresh" : "startPullDownRefresh";
        log.record(HostEvent.Kind.UI, name, name, JsonNodeFactory.instance.objectNode());
        hooks.call("onPullDownRefresh", null);
        return true;
    }

    public boolean hasPage() {
        return windows.top().isPresent();
    }

    /** Hides the indicator; false when no page is open. */
    public boolean stop() {
        if (!windows.setRefreshing(false)) {
            return false;
        }
        log.record(HostEvent.Kind.UI, "stopPullDownRefresh", "stopPullDownRefresh", JsonNodeFactory.instance.objectNode());
        return true;
    }
}
