package dev.ttrtc.runtime;

import dev.ttrtc.testkit.Eventually;
import static dev.ttrtc.runtime.Waits.consoleLines;
import static dev.ttrtc.runtime.Waits.eval;
import static dev.ttrtc.runtime.Waits.json;
import static dev.ttrtc.runtime.Waits.waitForConsole;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** tt.onAppShow/onAppHide/onError/onUnhandledRejection/onPageNotFound, their off…, and the launch/enter options. */
class AppEventsTest extends HostTestBase {

    /** An app that logs its App hooks and registers the tt listeners in onLaunch, as analytics SDKs do. */
    private static final String LOGGING_APP = "App({\n"
            + "  onLaunch(o) {\n"
            + "    console.log('App.onLaunch ' + JSON.stringify(o));\n"
            + "    tt.onAppShow((res) => console.log('tt.onAppShow ' + res.path + ' ' + JSON.stringify(res.query)));\n"
            + "    tt.onAppHide(() => console.log('tt.onAppHide'));\n"
            + "    tt.onError((msg) => console.log('tt.onError ' + msg.split('\\n')[0]));\n"
            + "  },\n"
            + "  onShow(o) { console.log('App.onShow ' + o.path); },\n"
            + "  onHide() { console.log('App.onHide'); },\n"
            + "  onError(msg) { console.log('App.onError ' + msg.split('\\n')[0] + ' | ' + msg.split('\\n')[1].trim()); }\n"
            + "});\n";

    @Test
    void show_and_hide_reach_the_app_hook_first_then_the_listeners() throws Exception {
        Path project = ProjectFolder.in(dir).app(LOGGING_APP)
                .page("pages/a/a", "Page({ onShow() { console.log('a.onShow'); }, onHide() { console.log('a.onHide'); } });")
                .write();
        MiniProgram app = launch(LaunchOptions.builder(project).query("from", "test"));
        waitForConsole(app, "a.onShow");
        app.hide();
        waitForConsole(app, "tt.onAppHide");
        app.show();
        Eventually.await("consoleLines(app).stream().filter(\"a.onShow\"::equals).count() == 2", () -> consoleLines(app).stream().filter("a.onShow"::equals).count() == 2);
        assertEquals(List.of(
                "App.onLaunch {\"path\":\"pages/a/a\",\"query\":{\"from\":\"test\"},\"scene\":1001,\"referrerInfo\":{}}",
                "App.onShow pages/a/a", "tt.onAppShow pages/a/a {\"from\":\"test\"}", "a.onShow",
                "a.onHide", "App.onHide", "tt.onAppHide",
                "App.onShow pages/a/a", "tt.onAppShow pages/a/a {\"from\":\"test\"}", "a.onShow"),
                consoleLines(app));
        assertEquals(json("{\"path\":\"pages/a/a\",\"query\":{\"from\":\"test\"},\"scene\":1001,\"referrerInfo\":{}}"),
                eval(app, "tt.getLaunchOptionsSync()"));
    }

    @Test
    void uncaught_errors_reach_app_on_error_and_tt_on_error_with_message_and_stack_and_off_error_stops_them() throws Exception {
        Path project = ProjectFolder.in(dir).app(LOGGING_APP)
                .page("pages/a/a", "Page({\n  boom() {\n    setTimeout(() => { null.x; }, 0);\n  }\n});\n")
                .write();
        MiniProgram app = launch(project);
        app.callPageMethod("boom", PageEvent.tap());
        waitForConsole(app, "tt.onError TypeError: Cannot read property 'x' of null");
        assertTrue(consoleLines(app).contains("App.onError TypeError: Cannot read property 'x' of null"
                + " | at <anonymous> (pages/a/a.js:3:24)"), consoleLines(app).toString());
        // The ERROR entry stays in the log as before.
        assertEquals("pages/a/a.js:3:24: Uncaught TypeError: Cannot read property 'x' of null", Waits.errors(app).get(0).text());

        eval(app, "tt.offError()");
        app.callPageMethod("boom", PageEvent.tap());
        Eventually.await("Waits.errors(app).size() == 2", () -> Waits.errors(app).size() == 2);
        eval(app, "new Promise((r) => setTimeout(r, 20))");
        assertEquals(1, consoleLines(app).stream().filter(l -> l.startsWith("tt.onError")).count());
    }

    @Test
    void the_stack_an_error_listener_gets_names_only_project_frames() throws Exception {
        Path project = ProjectFolder.in(dir).app("App({ onError(msg) { console.log(msg); } });")
                .page("pages/a/a", "Page({\n  boom() {\n    throw new Error('from a handler');\n  }\n});\n")
                .write();
        MiniProgram app = launch(project);
        app.callPageMethod("boom", PageEvent.tap());
        waitForConsole(app, "Error: from a handler\n    at boom (pages/a/a.js:3:11)");
        assertTrue(Waits.errors(app).get(0).data().path("stack").toString().contains("<host>/"),
                "the host's report keeps every frame");
    }

    @Test
    void an_error_thrown_by_an_error_listener_is_logged_but_not_delivered_again() throws Exception {
        Path project = ProjectFolder.in(dir)
                .app("App({ onLaunch() { tt.onError((m) => { console.log('heard ' + m.split('\\n')[0]); throw new Error('in listener'); }); } });")
                .page("pages/a/a", "Page({ onReady() { setTimeout(() => { throw new Error('first'); }, 0); } });")
                .write();
        MiniProgram app = launch(project);
        waitForConsole(app, "heard Error: first");
        Eventually.await("Waits.errors(app).size() == 2", () -> Waits.errors(app).size() == 2);
        eval(app, "new Promise((r) => setTimeout(r, 20))");
        assertEquals(List.of("heard Error: first"), consoleLines(app));
        assertTrue(Waits.errors(app).get(1).text().endsWith("Uncaught Error: in listener"), Waits.errors(app).toString());
    }

    @Test
    void unhandled_rejections_reach_the_listeners_with_reason_and_promise() throws Exception {
        Path project = ProjectFolder.in(dir)
                .app("App({ onUnhandledRejection(r) { console.log('App ' + r.reason.message); } });")
                .page("pages/a/a", "Page({ onLoad() {\n"
                        + "  const listener = (r) => console.log('tt ' + (r.reason instanceof Error) + ' ' + r.reason.message + ' '"
                        + " + (r.promise instanceof Promise));\n"
                        + "  tt.onUnhandledRejection(listener);\n"
                        + "  Promise.reject(new Error('nobody catches'));\n"
                        + "} });")
                .write();
        MiniProgram app = launch(project);
        waitForConsole(app, "tt true nobody catches true");
        assertEquals(List.of("App nobody catches", "tt true nobody catches true"), consoleLines(app));
        assertEquals("unhandled-rejection", Waits.errors(app).get(0).name());
    }

    @Test
    void a_missing_launch_page_goes_to_on_page_not_found_which_redirects() throws Exception {
        Path project = ProjectFolder.in(dir)
                .app("App({ onPageNotFound(res) { console.log('App.onPageNotFound ' + JSON.stringify(res));"
                        + " tt.redirectTo({ url: '/pages/home/home?from=' + res.path }); } });")
                .page("pages/home/home", "Page({ onLoad(q) { console.log('home ' + q.from); } });")
                .write();
        MiniProgram app = launch(LaunchOptions.builder(project).page("pages/old/old").query("id", "7"));
        waitForConsole(app, "home pages/old/old");
        assertEquals(List.of("App.onPageNotFound {\"path\":\"pages/old/old\",\"query\":{\"id\":\"7\"},\"isEntryPage\":true}",
                "home pages/old/old"), consoleLines(app));
        assertEquals(List.of("pages/home/home"), app.pageStack());
    }

    @Test
    void tt_on_page_not_found_registered_at_launch_counts_as_a_handler() throws Exception {
        Path project = ProjectFolder.in(dir)
                .app("tt.onPageNotFound((res) => tt.reLaunch({ url: '/pages/home/home' })); App({});")
                .page("pages/home/home", "Page({ onLoad() { console.log('home'); } });")
                .write();
        MiniProgram app = launch(LaunchOptions.builder(project).page("pages/gone/gone"));
        waitForConsole(app, "home");
        assertEquals("pages/home/home", app.route());
    }

    @Test
    void get_enter_options_sync_follows_the_latest_show() throws Exception {
        Path project = ProjectFolder.in(dir)
                .page("pages/a/a", "Page({ go() { tt.navigateTo({ url: '/pages/b/b?x=1' }); } });")
                .page("pages/b/b", "Page({});")
                .write();
        MiniProgram app = launch(project);
        assertEquals("pages/a/a", eval(app, "tt.getEnterOptionsSync().path").asText());
        app.callPageMethod("go", PageEvent.tap());
        Eventually.await("app.route().equals(\"pages/b/b\")", () -> app.route().equals("pages/b/b"));
        app.hide();
        app.show();
        assertEquals(json("{\"path\":\"pages/b/b\",\"query\":{\"x\":\"1\"},\"scene\":1001,\"referrerInfo\":{}}"),
                eval(app, "tt.getEnterOptionsSync()"));
        assertEquals("pages/a/a", eval(app, "tt.getLaunchOptionsSync().path").asText());
    }
}
