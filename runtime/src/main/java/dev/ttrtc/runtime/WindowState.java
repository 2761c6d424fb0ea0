package dev.ttrtc.runtime;

import java.util.Optional;

/**
 * What a phone draws around the top page of an instance: its navigation bar, the tab bar, the
 * pull-down refresh indicator, and device state the page asked for. A snapshot; see
 * {@link MiniProgram#window()}.
 *
 * @param route the top page, empty before the first page opens
 * @param tabBar present when app.json has a {@code tabBar}
 * @param pullDownRefreshing whether the top page shows the pull-down refresh indicator
 * @param enablePullDownRefresh whether the top page may be pulled down (its json or app.json {@code window})
 * @param shareMenu whether the top page's menu offers sharing ({@code tt.showShareMenu} / {@code hideShareMenu})
 * @param keepScreenOn what {@code tt.setKeepScreenOn} last set
 */
public record WindowState(String route, NavigationBar navigationBar, Optional<TabBar> tabBar,
        boolean pullDownRefreshing, boolean enablePullDownRefresh, boolean shareMenu, boolean keepScreenOn) {
}
