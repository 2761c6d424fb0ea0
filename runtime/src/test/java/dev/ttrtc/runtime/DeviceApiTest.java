package dev.ttrtc.runtime;

import static dev.ttrtc.runtime.Waits.consoleLines;
import static dev.ttrtc.runtime.Waits.eval;
import static dev.ttrtc.runtime.Waits.json;
import static dev.ttrtc.runtime.Waits.waitForConsole;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The simulated phone: action sheets, vibration, screen, network, clipboard, updates and the environment. */
class DeviceApiTest extends HostTestBase {
    private static final String LOG = "const log = (tag) => (res) => console.log(tag + ' ' + JSON.stringify(res));\n";

    private Path project(String name) {
        return ProjectFolder.in(dir.resolve(name)).page("pages/index/index", "Page({});").write();
    }

    private static List<String> ui(MiniProgram app) {
        return app.events().snapshot(e -> e.kind() == HostEvent.Kind.UI).stream().map(e -> e.name() + " " + e.data()).toList();
    }

    @Test
    void an_action_sheet_answers_with_the_embedders_tap_or_cancels() throws Exception {
        MiniProgram tapping = launch(LaunchOptions.builder(project("a")).actionSheetAnswer(1));
        eval(tapping, LOG + "tt.showActionSheet({ itemList: ['Photo', 'Album'], success: log('tapped') });"
                + " tt.showActionSheet({ itemList: ['Only'], fail: log('short') });"
                + " tt.showActionSheet({ itemList: ['1', '2', '3', '4', '5', '6', '7'], fail: log('long') });");
        waitForConsole(tapping, "long {\"errMsg\":\"showActionSheet:fail expect params.itemList to be an array of 1 to 6 strings,"
                + " but got [\\\"1\\\",\\\"2\\\",\\\"3\\\",\\\"4\\\",\\\"5\\\",\\\"6\\\",\\\"7\\\"]\",\"errNo\":20000}");
        assertEquals(List.of("tapped {\"errMsg\":\"showActionSheet:ok\",\"tapIndex\":1}",
                "short {\"errMsg\":\"showActionSheet:fail cancel\",\"errNo\":10001}"), consoleLines(tapping).subList(0, 2));
        assertEquals(List.of("showActionSheet {\"itemList\":[\"Photo\",\"Album\"],\"answer\":1}",
                "showActionSheet {\"itemList\":[\"Only\"],\"answer\":-1}"), ui(tapping));

        MiniProgram cancelling = launch(LaunchOptions.builder(project("b")).actionSheetAnswer(-1));
        eval(cancelling, LOG + "tt.showActionSheet({ itemList: ['Photo'], fail: log('cancelled') })");
        waitForConsole(cancelling, "cancelled {\"errMsg\":\"showActionSheet:fail cancel\",\"errNo\":10001}");
    }

    @Test
    void an_image_preview_and_a_phone_call_are_ui_entries() throws Exception {
        MiniProgram app = launch(project("a"));
        eval(app, LOG + "tt.previewImage({ urls: ['/img/a.png', 'ttfile://temp/b.jpg'], current: 'ttfile://temp/b.jpg',"
                + " success: log('shown') });"
                + " tt.previewImage({ urls: ['/img/a.png'], current: '/img/none.png', showmenu: false });"
                + " tt.previewImage({ urls: [], fail: log('empty') });"
                + " tt.makePhoneCall({ phoneNumber: '10086', success: log('called') });"
                + " tt.makePhoneCall({ fail: log('no number') });");
        waitForConsole(app, "no number {\"errMsg\":\"makePhoneCall:fail expect params.phoneNumber to be string, but got undefined\","
                + "\"errNo\":20000}");
        assertEquals(List.of("shown {\"errMsg\":\"previewImage:ok\"}",
                "empty {\"errMsg\":\"previewImage:fail expect params.urls to be a non-empty array of strings, but got []\",\"errNo\":20000}",
                "called {\"errMsg\":\"makePhoneCall:ok\"}"), consoleLines(app).subList(0, 3));
        assertEquals(List.of("previewImage {\"urls\":[\"/img/a.png\",\"ttfile://temp/b.jpg\"],\"current\":\"ttfile://temp/b.jpg\","
                        + "\"showmenu\":true}",
                "previewImage {\"urls\":[\"/img/a.png\"],\"current\":\"/img/a.png\",\"showmenu\":false}",
                "makePhoneCall {\"phoneNumber\":\"10086\"}"), ui(app));
    }

    @Test
    void vibration_and_the_screen_are_recorded_and_kept() throws Exception {
        MiniProgram app = launch(project("a"));
        eval(app, LOG + "tt.vibrateShort(); tt.vibrateLong(); tt.setKeepScreenOn({ keepScreenOn: true });"
                + " tt.setScreenBrightness({ value: 0.8, success: () => tt.getScreenBrightness({ success: log('brightness') }) });"
                + " tt.setKeepScreenOn({ fail: log('no flag') });");
        waitForConsole(app, "brightness {\"errMsg\":\"getScreenBrightness:ok\",\"value\":0.8}");
        assertEquals(List.of("vibrateShort {\"duration\":15}", "vibrateLong {\"duration\":400}",
                "setKeepScreenOn {\"keepScreenOn\":true}"), ui(app));
        assertTrue(app.window().keepScreenOn());
        assertTrue(consoleLines(app).contains(
                "no flag {\"errMsg\":\"setKeepScreenOn:fail expect params.keepScreenOn to be boolean, but got undefined\",\"errNo\":20000}"));
    }

    @Test
    void the_embedder_changes_the_network_and_listeners_hear_it() throws Exception {
        MiniProgram app = launch(LaunchOptions.builder(project("a")).networkType("4g"));
        eval(app, LOG + "tt.getNetworkType({ success: log('type') });"
                + " const listener = log('changed'); tt.onNetworkStatusChange(listener);");
        waitForConsole(app, "type {\"errMsg\":\"getNetworkType:ok\",\"networkType\":\"4g\"}");
        app.setNetworkType("none");
        waitForConsole(app, "changed {\"isConnected\":false,\"networkType\":\"none\"}");
        app.setNetworkType("none");
        app.setNetworkType("wifi");
        waitForConsole(app, "changed {\"isConnected\":true,\"networkType\":\"wifi\"}");
        assertEquals(2, consoleLines(app).stream().filter(l -> l.startsWith("changed")).count());
        eval(app, "tt.offNetworkStatusChange()");
        app.setNetworkType("3g");
        eval(app, LOG + "new Promise((r) => tt.getNetworkType({ success: (res) => { log('now')(res); r(); } }))");
        waitForConsole(app, "now {\"errMsg\":\"getNetworkType:ok\",\"networkType\":\"3g\"}");
        assertEquals(2, consoleLines(app).stream().filter(l -> l.startsWith("changed")).count());
        assertThrows(IllegalArgumentException.class, () -> app.setNetworkType("6g"));
    }

    @Test
    void the_clipboard_is_shared_by_the_instances_of_a_host() throws Exception {
        MiniProgram first = launch(project("a"));
        MiniProgram second = launch(project("b"));
        eval(first, "new Promise((r) => tt.setClipboardData({ data: 'room-42', success: r }))");
        assertEquals("room-42", host.clipboard().text());
        assertEquals(json("{\"errMsg\":\"getClipboardData:ok\",\"data\":\"room-42\"}"),
                eval(second, "new Promise((r) => tt.getClipboardData({ success: r }))"));
        host.clipboard().setText("from the embedder");
        assertEquals("from the embedder", eval(first, "new Promise((r) => tt.getClipboardData({ success: (res) => r(res.data) }))").asText());
        assertEquals(List.of("setClipboardData {\"data\":\"room-42\"}"), ui(first));
    }

    @Test
    void the_update_manager_finds_no_update() throws Exception {
        MiniProgram app = launch(ProjectFolder.in(dir).app("App({ onLaunch() {\n"
                + "  const updateManager = tt.getUpdateManager();\n"
                + "  updateManager.onCheckForUpdate((res) => console.log('hasUpdate ' + res.hasUpdate));\n"
                + "  updateManager.onUpdateReady(() => { console.log('ready'); updateManager.applyUpdate(); });\n"
                + "  updateManager.onUpdateFailed(() => console.log('failed'));\n"
                + "  console.log('same ' + (tt.getUpdateManager() === updateManager));\n"
                + "} });").page("pages/index/index", "Page({});").write());
        waitForConsole(app, "hasUpdate false");
        assertEquals(List.of("same true", "hasUpdate false"), consoleLines(app));
    }

    @Test
    void the_environment_describes_this_host() throws Exception {
        MiniProgram app = launch(LaunchOptions.builder(ProjectFolder.in(dir)
                .file("project.config.json", "{\"appid\": \"ttabc\"}")
                .file("ext.json", "{\"extEnabled\": true, \"extAppid\": \"tt1\", \"ext\": {\"shop\": \"s1\"}}")
                .page("pages/index/index", "Page({});").write())
                .systemInfo(SystemInfo.defaults().with("windowWidth", 400).with("statusBarHeight", 40)));
        assertEquals(json("[{\"USER_DATA_PATH\":\"ttfile://user\",\"VERSION\":\"development\"},true,"
                        + "{\"microapp\":{\"mpVersion\":\"\",\"envType\":\"development\",\"appId\":\"ttabc\"},\"plugin\":{},"
                        + "\"common\":{\"USER_DATA_PATH\":\"ttfile://user\"}},"
                        + "{\"width\":87,\"height\":32,\"top\":46,\"right\":390,\"left\":303,\"bottom\":78},{\"shop\":\"s1\"}]"),
                eval(app, "[tt.env, Object.isFrozen(tt.env), tt.getEnvInfoSync(), tt.getMenuButtonBoundingClientRect(),"
                        + " tt.getExtConfigSync()]"));
    }

    @Test
    void events_this_phone_never_raises_accept_listeners() throws Exception {
        MiniProgram app = launch(project("a"));
        assertEquals(json("[null,null,null,\"Error: onMemoryWarning:fail expect callback to be function, but got string\"]"),
                eval(app, "const f = () => console.log('never'); let e;"
                        + " try { tt.onMemoryWarning('x'); } catch (err) { e = String(err); }"
                        + " [tt.onMemoryWarning(f), tt.onUserCaptureScreen(f), tt.reportAnalytics('tap_join', { room: 1 }), e]"));
        assertEquals(json("{\"args\":[\"tap_join\",{\"room\":1}]}"),
                app.events().snapshot(e -> e.kind() == HostEvent.Kind.API_CALL && e.name().equals("reportAnalytics")).get(0).data());
    }
}
