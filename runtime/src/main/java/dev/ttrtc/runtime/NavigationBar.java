package dev.ttrtc.runtime;

/**
 * The navigation bar of a page as a phone would draw it: the app.json {@code window} defaults,
 * overridden by the page's json, then by {@code tt.setNavigationBarTitle},
 * {@code tt.setNavigationBarColor}, the loading calls and {@code tt.hideHomeButton}.
 *
 * @param title the title text
 * @param frontColor {@code #ffffff} or {@code #000000}: title, buttons and status bar
 * @param backgroundColor the bar's background, a hex colour
 * @param loading whether the bar shows its loading animation
 * @param homeButton whether the bar shows the "back to home" button: the page is alone on the
 *     stack, is neither the home page nor a tab page, and did not hide it
 * @param style {@code default}, or {@code custom} when the page draws its own bar (only the menu
 *     button stays)
 */
public record NavigationBar(String title, String frontColor, String backgroundColor, boolean loading,
        boolean homeButton, String style) {
}
