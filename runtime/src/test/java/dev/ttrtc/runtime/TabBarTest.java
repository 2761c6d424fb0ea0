package dev.ttrtc.runtime;

import dev.ttrtc.testkit.Eventually;
import static dev.ttrtc.runtime.Waits.consoleLines;
import static dev.ttrtc.runtime.Waits.eval;
import static dev.ttrtc.runtime.Waits.get;
import static dev.ttrtc.runtime.Waits.json;
import static dev.ttrtc.runtime.Waits.waitForConsole;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** app.json tabBar, tt.switchTab and the tab bar APIs, against the platform's documented page lifecycle. */
class TabBarTest extends HostTestBase {

    /** Calls a navigation API from inside the instance and logs its outcome as {@code api:ok} or {@code errMsg #errNo}. */
    private static void go(MiniProgram app, String api, String url) throws Exception {
        eval(app, "tt." + api + "({ url: '" + url + "', success: (r) => console.log(r.errMsg),"
                + " fail: (r) => console.log(r.errMsg + ' #' + r.errNo) })");
    }

    /** The console lines logged since {@code before} lines. */
    private static List<String> since(MiniProgram app, int before) {
        List<String> lines = consoleLines(app);
        return new ArrayList<>(lines.subList(before, lines.size()));
    }

    @Test
    void switching_tabs_keeps_tab_pages_alive_and_unloads_the_others_as_the_platform_documents() throws Exception {
        MiniProgram app = launch(TabAppFixture.write(dir));
        waitForConsole(app, "home.onShow");

        int mark = consoleLines(app).size();
        go(app, "switchTab", "/pages/mine/mine");
        waitForConsole(app, "switchTab:ok");
        assertEquals(List.of("home.onHide", "mine.onLoad", "mine.onShow", "switchTab:ok"), since(app, mark));
        assertEquals(List.of("pages/mine/mine"), app.pageStack());

        mark = consoleLines(app).size();
        go(app, "switchTab", "/pages/home/home");
        Eventually.await("since(app, 0).stream().filter(\"switchTab:ok\"::equals).count() == 2", () -> since(app, 0).stream().filter("switchTab:ok"::equals).count() == 2);
        assertEquals(List.of("mine.onHide", "home.onShow", "switchTab:ok"), since(app, mark));

        // C opened from tab A, then a switch to tab B: C unloads, B (alive) shows.
        go(app, "navigateTo", "/pages/detail/detail");
        waitForConsole(app, "navigateTo:ok");
        mark = consoleLines(app).size();
        go(app, "switchTab", "/pages/mine/mine");
        Eventually.await("since(app, 0).stream().filter(\"switchTab:ok\"::equals).count() == 3", () -> since(app, 0).stream().filter("switchTab:ok"::equals).count() == 3);
        assertEquals(List.of("detail.onUnload", "mine.onShow", "switchTab:ok"), since(app, mark));
        assertEquals(1, eval(app, "getCurrentPages().length").asInt());

        // D opened from C opened from B: switching to A unloads D then C; A shows without loading again.
        go(app, "navigateTo", "/pages/detail/detail");
        Eventually.await("since(app, 0).stream().filter(\"navigateTo:ok\"::equals).count() == 2", () -> since(app, 0).stream().filter("navigateTo:ok"::equals).count() == 2);
        go(app, "navigateTo", "/pages/list/list");
        Eventually.await("since(app, 0).stream().filter(\"navigateTo:ok\"::equals).count() == 3", () -> since(app, 0).stream().filter("navigateTo:ok"::equals).count() == 3);
        mark = consoleLines(app).size();
        go(app, "switchTab", "/pages/home/home");
        Eventually.await("since(app, 0).stream().filter(\"switchTab:ok\"::equals).count() == 4", () -> since(app, 0).stream().filter("switchTab:ok"::equals).count() == 4);
        assertEquals(List.of("list.onUnload", "detail.onUnload", "home.onShow", "switchTab:ok"), since(app, mark));
        assertEquals(List.of("pages/home/home"), app.pageStack());
    }

    @Test
    void the_tab_rules_fail_with_21500() throws Exception {
        MiniProgram app = launch(TabAppFixture.write(dir));
        go(app, "navigateTo", "/pages/mine/mine");
        waitForConsole(app, "navigateTo:fail can not navigateTo a tabbar page #21500");
        go(app, "redirectTo", "/pages/mine/mine");
        waitForConsole(app, "redirectTo:fail can not redirectTo a tabbar page #21500");
        go(app, "switchTab", "/pages/detail/detail");
        waitForConsole(app, "switchTab:fail can not switch to no-tabBar page #21500");
        go(app, "switchTab", "/pages/nowhere/nowhere");
        waitForConsole(app, "switchTab:fail url \"pages/nowhere/nowhere\" is not in app.json #21500");
        go(app, "navigateTo", "");
        waitForConsole(app, "navigateTo:fail url is invalid #20000");
        assertEquals(List.of("pages/home/home"), app.pageStack());
    }

    @Test
    void relaunch_unloads_the_hidden_tab_pages_too() throws Exception {
        MiniProgram app = launch(TabAppFixture.write(dir));
        go(app, "switchTab", "/pages/mine/mine");
        waitForConsole(app, "switchTab:ok");
        int mark = consoleLines(app).size();
        go(app, "reLaunch", "/pages/detail/detail");
        waitForConsole(app, "reLaunch:ok");
        assertEquals(List.of("mine.onUnload", "home.onUnload", "detail.onLoad", "detail.onShow", "reLaunch:ok"),
                since(app, mark));
    }

    @Test
    void the_tab_bar_shows_on_tab_pages_and_its_apis_change_what_is_drawn() throws Exception {
        MiniProgram app = launch(TabAppFixture.write(dir));
        TabBar bar = app.window().tabBar().orElseThrow();
        assertEquals(0, bar.selectedIndex());
        assertEquals(List.of("Home", "Mine"), bar.items().stream().map(TabBar.Item::text).toList());
        assertEquals(List.of("#999999", "#ff0050", "#ffffff", "black", "bottom"),
                List.of(bar.color(), bar.selectedColor(), bar.backgroundColor(), bar.borderStyle(), bar.position()));

        eval(app, "const log = (r) => console.log(r.errMsg + (r.errNo ? ' #' + r.errNo : ''));"
                + " tt.setTabBarBadge({ index: 1, text: '3', complete: log });"
                + " tt.showTabBarRedDot({ index: 0, complete: log });"
                + " tt.setTabBarItem({ index: 0, text: 'Start', complete: log });"
                + " tt.setTabBarStyle({ selectedColor: '#00ff00', borderStyle: 'white', complete: log });"
                + " tt.setTabBarBadge({ index: 2, text: 'x', complete: log });"
                + " tt.hideTabBar({ complete: log });");
        waitForConsole(app, "hideTabBar:ok");
        assertEquals(List.of("setTabBarBadge:ok", "showTabBarRedDot:ok", "setTabBarItem:ok", "setTabBarStyle:ok",
                "setTabBarBadge:fail expect params.index to be a tab index from 0 to 1, but got 2 #20000", "hideTabBar:ok"),
                consoleLines(app).subList(consoleLines(app).size() - 6, consoleLines(app).size()));
        bar = app.window().tabBar().orElseThrow();
        assertEquals(new TabBar.Item("pages/home/home", "Start", "", "", "", true), bar.items().get(0));
        assertEquals(new TabBar.Item("pages/mine/mine", "Mine", "", "", "3", false), bar.items().get(1));
        assertEquals(List.of("#00ff00", "white", "false"), List.of(bar.selectedColor(), bar.borderStyle(), String.valueOf(bar.visible())));
        assertEquals(List.of("setTabBarBadge", "showTabBarRedDot", "setTabBarItem", "setTabBarStyle", "hideTabBar"),
                app.events().snapshot(e -> e.kind() == HostEvent.Kind.UI).stream().map(HostEvent::name).toList());

        go(app, "navigateTo", "/pages/detail/detail");
        Eventually.await("app.route().equals(\"pages/detail/detail\")", () -> app.route().equals("pages/detail/detail"));
        assertEquals(-1, app.window().tabBar().orElseThrow().selectedIndex());
    }

    @Test
    void tapping_a_tab_switches_to_it_and_tells_the_page() throws Exception {
        MiniProgram app = launch(TabAppFixture.write(dir));
        get(app.tapTab(1));
        assertEquals("pages/mine/mine", app.route());
        waitForConsole(app, "mine.onTabItemTap {\"index\":1,\"pagePath\":\"pages/mine/mine\",\"text\":\"Mine\"}");
        assertEquals(1, app.window().tabBar().orElseThrow().selectedIndex());
        assertThrows(Exception.class, () -> get(app.tapTab(5)));
    }

    @Test
    void an_app_without_a_tab_bar_fails_the_tab_bar_apis() throws Exception {
        MiniProgram app = launch(ProjectFolder.in(dir).page("pages/a/a", "Page({});").write());
        eval(app, "tt.showTabBar({ fail: (r) => console.log(r.errMsg + ' #' + r.errNo) })");
        waitForConsole(app, "showTabBar:fail tabBar is not configured in app.json #21500");
        assertEquals(false, app.window().tabBar().isPresent());
    }

    @Test
    void a_broken_tab_bar_stops_the_launch_with_one_line() {
        String list = "[{\"pagePath\": \"pages/home/home\", \"text\": \"Home\"}, {\"pagePath\": \"pages/mine/mine\", \"text\": \"Mine\"}]";
        List<String[]> cases = List.of(
                new String[] {"{\"list\": [{\"pagePath\": \"pages/home/home\", \"text\": \"Home\"}]}",
                        "app.json: tabBar.list must have 2 to 5 tabs, has 1"},
                new String[] {"{\"list\": [{\"pagePath\": \"pages/home/home\", \"text\": \"Home\"}, {\"pagePath\": \"pages/x/x\", \"text\": \"X\"}]}",
                        "app.json: tabBar.list[1].pagePath \"pages/x/x\" is not one of the pages in app.json"},
                new String[] {"{\"list\": [{\"pagePath\": \"pages/home/home\"}, {\"pagePath\": \"pages/mine/mine\", \"text\": \"Mine\"}]}",
                        "app.json: tabBar.list[0].text must be a non-empty string"},
                new String[] {"{\"color\": \"grey\", \"list\": " + list + "}",
                        "app.json: tabBar.color must be a hex colour such as #999999, got \"grey\""},
                new String[] {"{\"position\": \"left\", \"list\": " + list + "}",
                        "app.json: tabBar.position must be bottom or top, got \"left\""},
                new String[] {"{\"list\": [{\"pagePath\": \"pages/home/home\", \"text\": \"Home\", \"iconPath\": \"img/none.png\"},"
                        + " {\"pagePath\": \"pages/mine/mine\", \"text\": \"Mine\"}]}",
                        "app.json: tabBar.list[0].iconPath \"img/none.png\" is not a file in the project"});
        List<String> messages = new ArrayList<>();
        for (int i = 0; i < cases.size(); i++) {
            String appJson = TabAppFixture.APP_JSON.replaceFirst("\"tabBar\": \\{[\\s\\S]*\\]\\}", "\"tabBar\": " + cases.get(i)[0]);
            java.nio.file.Path project = TabAppFixture.write(dir.resolve("case" + i), appJson);
            messages.add(assertThrows(LaunchException.class, () -> launch(project)).getMessage());
        }
        assertEquals(cases.stream().map(c -> c[1]).collect(Collectors.toList()), messages);
    }
}
