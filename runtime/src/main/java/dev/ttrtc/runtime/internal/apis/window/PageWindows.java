package dev.ttrtc.runtime.internal.apis.window;

import dev.ttrtc.runtime.NavigationBar;
import dev.ttrtc.runtime.TabBar;
import dev.ttrtc.runtime.WindowState;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;

/**
 * The window state of one instance: the navigation bar of every open page (a page keeps what it
 * set while others are on top), the tab bar, the pull-down indicator and the screen flag. The
 * framework tells it which page is shown and which unloaded; the window APIs change it.
 *
 * <p>Changed on the loop thread only; {@link #snapshot()} is safe from any thread.
 */
public final class PageWindows {

    /** The changeable window of one open page. Loop thread only. */
    public static final class PageWindow {
        final String route;
        String title;
        String frontColor;
        String backgroundColor;
        final String style;
        final boolean enablePullDownRefresh;
        boolean loading;
        boolean homeButtonHidden;
        boolean refreshing;
        boolean shareMenu = true;

        PageWindow(String route, WindowConfig.PageConfig config) {
            this.route = route;
            this.title = config.title();
            this.frontColor = config.frontColor();
            this.backgroundColor = config.backgroundColor();
            this.style = config.style();
            this.enablePullDownRefresh = config.enablePullDownRefresh();
        }

        public String route() {
            return route;
        }

        public boolean enablePullDownRefresh() {
            return enablePullDownRefresh;
        }
    }

    private final WindowConfig config;
    private final AtomicReference<WindowState> snapshot;
    // Loop thread only, from here on.
    private final Map<Integer, PageWindow> pages = new HashMap<>();
    private PageWindow top;
    private int stackSize;
    private final List<TabBar.Item> tabItems;
    private boolean tabBarVisible = true;
    private String tabColor;
    private String tabSelectedColor;
    private String tabBackgroundColor;
    private String tabBorderStyle;
    private boolean keepScreenOn;

    public PageWindows(WindowConfig config) {
        this.config = config;
        Optional<TabBar> tabBar = config.tabBar();
        this.tabItems = new ArrayList<>(tabBar.map(TabBar::items).orElse(List.of()));
        this.tabColor = tabBar.map(TabBar::color).orElse("");
        this.tabSelectedColor = tabBar.map(TabBar::selectedColor).orElse("");
        this.tabBackgroundColor = tabBar.map(TabBar::backgroundColor).orElse("");
        this.tabBorderStyle = tabBar.map(TabBar::borderStyle).orElse("");
        this.snapshot = new AtomicReference<>(new WindowState("", toBar(null),
                tabBar.map(t -> new TabBar(t.items(), -1, true, t.color(), t.selectedColor(), t.backgroundColor(),
                        t.borderStyle(), t.position())),
                false, false, true, false));
    }

    public WindowConfig config() {
        return config;
    }

    /** The framework showed page {@code id} on top of a stack of {@code size} pages. */
    public void pageShown(int id, String route, int size) {
        top = pages.computeIfAbsent(id, any -> new PageWindow(route, config.page(route)));
        stackSize = size;
        publish();
    }

    /** The framework unloaded page {@code id}. */
    public void pageUnloaded(int id) {
        PageWindow gone = pages.remove(id);
        if (gone == top) {
            top = null;
        }
        publish();
    }

    /** The page on top, if any page is open. */
    public Optional<PageWindow> top() {
        return Optional.ofNullable(top);
    }

    /** Sets the top page's title; false when no page is open. */
    public boolean setTitle(String title) {
        return changeTop(page -> page.title = title);
    }

    public boolean setColors(String frontColor, String backgroundColor) {
        return changeTop(page -> {
            page.frontColor = frontColor;
            page.backgroundColor = backgroundColor;
        });
    }

    public boolean setLoading(boolean loading) {
        return changeTop(page -> page.loading = loading);
    }

    public boolean hideHomeButton() {
        return changeTop(page -> page.homeButtonHidden = true);
    }

    public boolean setRefreshing(boolean refreshing) {
        return changeTop(page -> page.refreshing = refreshing);
    }

    public boolean setShareMenu(boolean shown) {
        return changeTop(page -> page.shareMenu = shown);
    }

    private boolean changeTop(Consumer<PageWindow> change) {
        if (top == null) {
            return false;
        }
        change.accept(top);
        publish();
        return true;
    }

    public void setKeepScreenOn(boolean on) {
        keepScreenOn = on;
        publish();
    }

    // ---- tab bar -----------------------------------------------------------------------------

    public boolean hasTabBar() {
        return !tabItems.isEmpty();
    }

    public int tabCount() {
        return tabItems.size();
    }

    public void setTabBarVisible(boolean visible) {
        tabBarVisible = visible;
        publish();
    }

    /** Replaces tab {@code index} with what {@code change} makes of it. */
    public void changeTab(int index, UnaryOperator<TabBar.Item> change) {
        tabItems.set(index, change.apply(tabItems.get(index)));
        publish();
    }

    /** Changes the tab bar's style; a null argument keeps the current value. */
    public void setTabStyle(String color, String selectedColor, String backgroundColor, String borderStyle) {
        tabColor = color == null ? tabColor : color;
        tabSelectedColor = selectedColor == null ? tabSelectedColor : selectedColor;
        tabBackgroundColor = backgroundColor == null ? tabBackgroundColor : backgroundColor;
        tabBorderStyle = borderStyle == null ? tabBorderStyle : borderStyle;
        publish();
    }

    // ---- snapshots ---------------------------------------------------------------------------

    /** The state as of the last change; any thread. */
    public WindowState snapshot() {
        return snapshot.get();
    }

    private void publish() {
        Optional<TabBar> tabBar = config.tabBar().map(t -> new TabBar(tabItems,
                top == null ? -1 : config.tabRoutes().indexOf(top.route), tabBarVisible, tabColor, tabSelectedColor,
                tabBackgroundColor, tabBorderStyle, t.position()));
        snapshot.set(new WindowState(top == null ? "" : top.route, toBar(top), tabBar,
                top != null && top.refreshing, top != null && top.enablePullDownRefresh,
                top == null || top.shareMenu, keepScreenOn));
    }

    private NavigationBar toBar(PageWindow page) {
        if (page == null) {
            WindowConfig.PageConfig defaults = config.page("");
            return new NavigationBar(defaults.title(), defaults.frontColor(), defaults.backgroundColor(), false, false,
                    defaults.style());
        }
        boolean homeButton = stackSize == 1 && !page.homeButtonHidden && !page.route.equals(config.homeRoute())
                && !config.tabRoutes().contains(page.route);
        return new NavigationBar(page.title, page.frontColor, page.backgroundColor, page.loading, homeButton, page.style);
    }
}
