package dev.ttrtc.runtime;

import java.util.List;

/**
 * The app's tab bar (app.json {@code tabBar}) as a phone would draw it, with what the tab bar APIs
 * changed.
 *
 * @param items the tabs, left to right
 * @param selectedIndex the tab of the page on top, or -1 when the top page is no tab page (the
 *     bar is then not shown)
 * @param visible false after {@code tt.hideTabBar} until {@code tt.showTabBar}
 * @param position {@code bottom} or {@code top}
 * @param borderStyle {@code black} or {@code white}
 */
public record TabBar(List<Item> items, int selectedIndex, boolean visible, String color, String selectedColor,
        String backgroundColor, String borderStyle, String position) {

    public TabBar {
        items = List.copyOf(items);
    }

    /** Whether a phone shows the bar now: it is visible and the top page is a tab page. */
    public boolean shown() {
        return visible && selectedIndex >= 0;
    }

    /**
     * One tab.
     *
     * @param badge the text of its badge, or empty for none
     * @param redDot whether it shows a red dot
     */
    public record Item(String pagePath, String text, String iconPath, String selectedIconPath, String badge,
            boolean redDot) {
    }
}
