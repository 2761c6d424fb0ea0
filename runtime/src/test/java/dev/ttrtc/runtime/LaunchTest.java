package dev.ttrtc.runtime;

import static dev.ttrtc.runtime.Waits.consoleLines;
import static dev.ttrtc.runtime.Waits.errors;
import static dev.ttrtc.runtime.Waits.json;
import static dev.ttrtc.runtime.Waits.waitFor;
import static dev.ttrtc.runtime.Waits.waitForConsole;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LaunchTest {
    static MiniProgramHost host;

    @TempDir
    Path dir;

    @BeforeAll
    static void startHost() {
        host = MiniProgramHost.create();
    }

    @AfterAll
    static void stopHost() {
        host.close();
    }

    private MiniProgram launch(Path project) throws LaunchException {
        return host.launch(LaunchOptions.builder(project).build());
    }

    private String launchError(Path project) {
        return assertThrows(LaunchException.class, () -> launch(project)).getMessage();
    }

    @Test
    void lifecycle_runs_in_platform_order_with_launch_options_and_query() throws Exception {
        Path project = ProjectFolder.in(dir)
                .app("App({ onLaunch(o) { console.log('App.onLaunch', o.path, o.query.k, o.scene); },"
                        + " onShow() { console.log('App.onShow'); } });")
                .page("pages/a/a", "Page({ onLoad(q) { console.log('a.onLoad', q.k); },"
                        + " onShow() { console.log('a.onShow'); }, onReady() { console.log('a.onReady'); } });")
                .write();
        MiniProgram app = host.launch(LaunchOptions.builder(project).query("k", "v 1").build());
        waitForConsole(app, "a.onReady");
        assertEquals(List.of("App.onLaunch pages/a/a v 1 1001", "App.onShow", "a.onLoad v 1", "a.onShow", "a.onReady"),
                consoleLines(app));
        assertEquals("pages/a/a", app.route());
        assertEquals(Map.of("k", "v 1"), app.query());
        app.close();
    }

    @Test
    void an_event_listener_hears_the_start_up_before_launch_returns_and_cannot_break_it() throws Exception {
        Path project = ProjectFolder.in(dir)
                .app("App({ onLaunch() { console.log('launching'); } });")
                .page("pages/a/a", "Page({ onLoad() { console.log('loaded'); } });")
                .write();
        List<String> heard = new java.util.concurrent.CopyOnWriteArrayList<>();
        MiniProgram app = host.launch(LaunchOptions.builder(project).onEvent((id, event) -> {
            if (event.kind() == HostEvent.Kind.CONSOLE) {
                heard.add(id + " " + event.text());
            }
            throw new IllegalStateException("a listener's own bug");
        }).build());
        // Both were told before launch() returned, with the instance's id; the throwing listener changed nothing.
        assertEquals(List.of(app.id() + " launching", app.id() + " loaded"), heard);
        assertEquals(List.of("launching", "loaded"), consoleLines(app));
        assertEquals("pages/a/a", app.route());
        app.close();
    }

    @Test
    void the_embedder_chooses_the_first_page_and_an_unknown_page_is_refused() throws Exception {
        Path project = ProjectFolder.in(dir)
                .page("pages/a/a", "Page({});")
                .page("pages/b/b", "Page({ data: { name: 'b' } });")
                .write();
        MiniProgram app = host.launch(LaunchOptions.builder(project).page("pages/b/b").build());
        assertEquals("pages/b/b", app.route());
        assertEquals(json("{\"name\":\"b\"}"), app.pageData());
        app.close();
        String message = assertThrows(LaunchException.class,
                () -> host.launch(LaunchOptions.builder(project).page("pages/c/c").build())).getMessage();
        assertEquals("unknown page \"pages/c/c\"; app.json lists pages/a/a, pages/b/b", message);
    }

    @Test
    void entry_page_path_in_app_json_picks_the_launch_page() throws Exception {
        Path project = ProjectFolder.in(dir)
                .page("pages/a/a", "Page({});")
                .page("pages/b/b", "Page({});")
                .file("app.json", "{\"pages\": [\"pages/a/a\", \"pages/b/b\"], \"entryPagePath\": \"pages/b/b\"}")
                .write();
        MiniProgram app = launch(project);
        assertEquals("pages/b/b", app.route());
        app.close();
    }

    @Test
    void project_config_miniprogram_root_moves_the_sources() throws Exception {
        ProjectFolder.in(dir.resolve("src")).page("pages/a/a", "Page({ data: { here: true } });").write();
        Files.writeString(dir.resolve("project.config.json"), "{\"miniprogramRoot\": \"src\"}");
        MiniProgram app = launch(dir);
        assertEquals(json("{\"here\":true}"), app.pageData());
        app.close();
    }

    @Test
    void a_missing_folder_is_one_clear_line() {
        String message = launchError(dir.resolve("nope"));
        assertTrue(message.startsWith("project folder not found: "), message);
    }

    @Test
    void a_folder_without_app_json_is_one_clear_line() {
        assertTrue(launchError(dir).startsWith("no app.json in "));
    }

    @Test
    void broken_app_json_names_line_and_column() throws Exception {
        Files.writeString(dir.resolve("app.json"), "{\n  \"pages\": [\"a\",]\n}");
        String message = launchError(dir);
        assertTrue(message.startsWith("app.json:2:"), message);
    }

    @Test
    void app_json_that_is_not_utf8_says_so() throws Exception {
        Files.write(dir.resolve("app.json"), new byte[] {'{', '"', (byte) 0xff, '"', ':', '1', '}'});
        assertEquals("cannot read app.json: it is not UTF-8 text", launchError(dir));
    }

    @Test
    void app_json_that_is_a_folder_says_so() throws Exception {
        Files.createDirectory(dir.resolve("app.json"));
        assertEquals("cannot read app.json: it is a folder, not a file", launchError(dir));
    }

    @Test
    void app_json_without_pages_is_refused() throws Exception {
        Files.writeString(dir.resolve("app.json"), "{\"pages\": []}");
        assertEquals("app.json: \"pages\" must be a non-empty array of page paths", launchError(dir));
    }

    @Test
    void a_missing_page_file_names_the_page() throws Exception {
        Path project = ProjectFolder.in(dir).page("pages/a/a", "Page({});")
                .file("app.json", "{\"pages\": [\"pages/a/a\", \"pages/gone/gone\"]}").write();
        assertEquals("app.json lists page \"pages/gone/gone\" but pages/gone/gone.js does not exist", launchError(project));
    }

    @Test
    void a_syntax_error_in_a_page_names_file_line_and_column() throws Exception {
        Path project = ProjectFolder.in(dir).page("pages/a/a", "Page({\n  data: { x: 1 },\n  onLoad() { var y = ; }\n});").write();
        String message = launchError(project);
        assertTrue(message.startsWith("pages/a/a.js:3:22: SyntaxError: "), message);
    }

    @Test
    void a_syntax_error_on_the_first_line_reports_the_column_in_the_file() throws Exception {
        Path project = ProjectFolder.in(dir).app("var = 1;").page("pages/a/a", "Page({});").write();
        String message = launchError(project);
        assertTrue(message.startsWith("app.js:1:5: SyntaxError: "), message);
    }

    @Test
    void an_error_while_a_page_file_loads_fails_the_launch_with_its_location() throws Exception {
        Path project = ProjectFolder.in(dir).page("pages/a/a", "\nundefinedThing.call();\nPage({});").write();
        assertEquals("pages/a/a.js:2:1: ReferenceError: undefinedThing is not defined", launchError(project));
    }

    @Test
    void a_wechat_wx_call_is_reported_with_a_hint_while_the_js_sees_the_plain_error() throws Exception {
        Path project = ProjectFolder.in(dir)
                .app("App({ onError(m) { console.log('onError ' + m.split('\\n')[0]); } });")
                .page("pages/a/a", "Page({ later() { setTimeout(() => wx.showToast({ title: 'x' }), 0); } });")
                .write();
        MiniProgram app = launch(project);
        app.callPageMethod("later", PageEvent.tap());
        waitForConsole(app, "onError ReferenceError: wx is not defined");
        assertEquals("pages/a/a.js:1:35: Uncaught ReferenceError: wx is not defined (Douyin mini-programs call tt, not"
                + " WeChat's wx: tt-rtc-host has no wx, and neither has the phone)", errors(app).get(0).text());
        app.close();
        MiniProgram inHook = launch(ProjectFolder.in(dir).page("pages/a/a", "Page({ onLoad() { wx.showToast({}); } });").write());
        waitFor(inHook, e -> e.kind() == HostEvent.Kind.ERROR);
        assertEquals("pages/a/a.js:1:19: Uncaught ReferenceError: wx is not defined (Douyin mini-programs call tt, not"
                + " WeChat's wx: tt-rtc-host has no wx, and neither has the phone)", errors(inHook).get(0).text(),
                "a hook that throws is reported the same way");
        inHook.close();
        ProjectFolder.in(dir).page("pages/a/a", "wx.getSystemInfoSync();\nPage({});").write();
        assertEquals("pages/a/a.js:1:1: ReferenceError: wx is not defined (Douyin mini-programs call tt, not WeChat's wx:"
                + " tt-rtc-host has no wx, and neither has the phone)", launchError(project));
    }

    @Test
    void app_js_must_call_app_and_pages_must_call_page() throws Exception {
        Path noApp = ProjectFolder.in(dir.resolve("one")).app("// nothing").page("pages/a/a", "Page({});").write();
        assertEquals("app.js did not call App()", launchError(noApp));
        Path noPage = ProjectFolder.in(dir.resolve("two")).page("pages/a/a", "// nothing").write();
        assertEquals("pages/a/a.js did not call Page()", launchError(noPage));
    }

    @Test
    void an_exception_in_on_launch_is_reported_and_the_page_still_loads() throws Exception {
        Path project = ProjectFolder.in(dir)
                .app("App({\n  onLaunch() {\n    throw new Error('launch broke');\n  }\n});")
                .page("pages/a/a", "Page({ onLoad() { console.log('page loaded'); } });")
                .write();
        MiniProgram app = launch(project);
        waitForConsole(app, "page loaded");
        HostEvent error = errors(app).get(0);
        assertEquals("app.js:3:11: Uncaught Error: launch broke", error.text());
        assertEquals("app.js:3:11", error.data().get("location").asText());
        app.close();
    }

    @Test
    void a_mini_game_runs_game_js() throws Exception {
        Files.writeString(dir.resolve("game.json"), "{}");
        Files.writeString(dir.resolve("game.js"), "console.log('game on', typeof tt.getSystemInfoSync);");
        MiniProgram game = launch(dir);
        waitForConsole(game, "game on function");
        assertEquals("game", game.route());
        game.close();
    }

    @Test
    void the_sample_mini_program_launches_its_index_page() throws Exception {
        MiniProgram sample = launch(Path.of("../sample-miniapp"));
        assertEquals("pages/index/index", sample.route());
        assertEquals("demo-room", sample.pageData().get("roomId").asText());
        waitFor(sample, e -> e.kind() == HostEvent.Kind.CONSOLE && e.text().startsWith("lobby ready for room demo-room"));
        sample.close();
    }
}
