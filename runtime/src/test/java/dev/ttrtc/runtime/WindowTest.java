package dev.ttrtc.runtime;

import dev.ttrtc.testkit.Eventually;
import static dev.ttrtc.runtime.Waits.consoleLines;
import static dev.ttrtc.runtime.Waits.eval;
import static dev.ttrtc.runtime.Waits.get;
import static dev.ttrtc.runtime.Waits.json;
import static dev.ttrtc.runtime.Waits.waitForConsole;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The navigation bar, pull-down refresh, scrolling hooks and sharing of the top page. */
class WindowTest extends HostTestBase {

    private static List<String> ui(MiniProgram app) {
        return app.events().snapshot(e -> e.kind() == HostEvent.Kind.UI).stream().map(e -> e.name() + " " + e.data()).toList();
    }

    @Test
    void the_navigation_bar_starts_from_app_and_page_json_and_keeps_each_pages_changes() throws Exception {
        MiniProgram app = launch(TabAppFixture.write(dir));
        assertEquals(new NavigationBar("Demo", "#000000", "#ffffff", false, false, "default"), app.window().navigationBar());

        eval(app, "tt.setNavigationBarTitle({ title: 'Welcome' }); tt.showNavigationBarLoading();"
                + " tt.navigateTo({ url: '/pages/list/list' });");
        Eventually.await("app.route().equals(\"pages/list/list\")", () -> app.route().equals("pages/list/list"));
        assertEquals(new NavigationBar("List", "#000000", "#ffffff", false, false, "default"), app.window().navigationBar());
        eval(app, "tt.setNavigationBarColor({ frontColor: '#ffffff', backgroundColor: '#ff0050',"
                + " animation: { duration: 300, timingFunc: 'easeIn' } })");
        Eventually.await("app.window().navigationBar().backgroundColor().equals(\"#ff0050\")", () -> app.window().navigationBar().backgroundColor().equals("#ff0050"));
        assertEquals("#ffffff", app.window().navigationBar().frontColor());

        eval(app, "tt.navigateBack()");
        Eventually.await("app.route().equals(\"pages/home/home\")", () -> app.route().equals("pages/home/home"));
        assertEquals(new NavigationBar("Welcome", "#000000", "#ffffff", true, false, "default"), app.window().navigationBar());
        assertEquals(List.of("setNavigationBarTitle {\"title\":\"Welcome\"}", "showNavigationBarLoading {}",
                "setNavigationBarColor {\"frontColor\":\"#ffffff\",\"backgroundColor\":\"#ff0050\","
                        + "\"animation\":{\"duration\":300,\"timingFunc\":\"easeIn\"}}"), ui(app));
    }

    @Test
    void navigation_bar_parameters_are_checked() throws Exception {
        MiniProgram app = launch(TabAppFixture.write(dir));
        eval(app, "const log = (r) => console.log(r.errMsg + ' #' + r.errNo);"
                + " tt.setNavigationBarColor({ frontColor: 'red', backgroundColor: '#000', fail: log });"
                + " tt.setNavigationBarColor({ frontColor: '#000000', backgroundColor: 'blue', fail: log });"
                + " tt.setNavigationBarTitle({ fail: log });");
        waitForConsole(app, "setNavigationBarTitle:fail expect params.title to be string, but got undefined #20000");
        assertEquals(List.of("home.onLoad", "home.onShow",
                "setNavigationBarColor:fail expect params.frontColor to be one of \"#ffffff\", \"#000000\", but got red #20000",
                "setNavigationBarColor:fail expect params.backgroundColor to be a hex colour, but got blue #20000",
                "setNavigationBarTitle:fail expect params.title to be string, but got undefined #20000"), consoleLines(app));
        assertEquals(List.of(), ui(app));
    }

    @Test
    void a_page_opened_alone_that_is_not_home_shows_the_home_button_until_it_hides_it() throws Exception {
        MiniProgram app = launch(LaunchOptions.builder(TabAppFixture.write(dir)).page("pages/detail/detail"));
        assertTrue(app.window().navigationBar().homeButton());
        eval(app, "tt.hideHomeButton()");
        Eventually.await("!app.window().navigationBar().homeButton()", () -> !app.window().navigationBar().homeButton());
    }

    @Test
    void the_user_pulls_down_a_page_that_enables_it_and_the_page_stops_the_refresh() throws Exception {
        MiniProgram app = launch(LaunchOptions.builder(TabAppFixture.write(dir)).page("pages/list/list"));
        assertTrue(app.window().enablePullDownRefresh());
        assertTrue(get(app.pullDownRefresh()));
        assertTrue(app.window().pullDownRefreshing());
        get(app.callPageMethod("refreshed", PageEvent.tap()));
        waitForConsole(app, "stopped");
        assertFalse(app.window().pullDownRefreshing());
        assertEquals(List.of("pullDownRefresh {}", "stopPullDownRefresh {}"), ui(app));
        assertTrue(consoleLines(app).contains("list.onPullDownRefresh"));

        assertTrue(get(app.reachBottom()));
        assertTrue(get(app.pageScroll(120.5)));
        waitForConsole(app, "list.onPageScroll 120.5");
        assertTrue(consoleLines(app).contains("list.onReachBottom"));
    }

    @Test
    void a_page_that_does_not_enable_pull_down_cannot_be_pulled_but_start_pull_down_refresh_works() throws Exception {
        MiniProgram app = launch(LaunchOptions.builder(TabAppFixture.write(dir)).page("pages/detail/detail"));
        assertFalse(get(app.pullDownRefresh()));
        assertFalse(get(app.reachBottom()));
        eval(app, "getCurrentPages()[0].onPullDownRefresh = () => console.log('refreshing');"
                + " tt.startPullDownRefresh({ success: (r) => console.log(r.errMsg) })");
        waitForConsole(app, "refreshing");
        assertEquals(List.of("startPullDownRefresh:ok", "refreshing"),
                consoleLines(app).subList(consoleLines(app).size() - 2, consoleLines(app).size()));
        assertTrue(app.window().pullDownRefreshing());
    }

    @Test
    void sharing_asks_the_page_for_its_content_and_a_hidden_share_menu_stops_it() throws Exception {
        MiniProgram app = launch(TabAppFixture.write(dir));
        Optional<com.fasterxml.jackson.databind.JsonNode> shared = get(app.share());
        assertEquals(json("{\"title\":\"Come and see\",\"path\":\"/pages/home/home?ref=share\"}"), shared.orElseThrow());
        assertEquals(List.of("share {\"title\":\"Come and see\",\"path\":\"/pages/home/home?ref=share\"}"), ui(app));

        eval(app, "tt.hideShareMenu()");
        Eventually.await("!app.window().shareMenu()", () -> !app.window().shareMenu());
        assertEquals(Optional.empty(), get(app.share()));

        eval(app, "tt.navigateTo({ url: '/pages/detail/detail' })");
        Eventually.await("app.route().equals(\"pages/detail/detail\")", () -> app.route().equals("pages/detail/detail"));
        assertEquals(json("{\"title\":\"Demo\",\"path\":\"/pages/detail/detail\"}"), get(app.share()).orElseThrow());
    }
}
