package dev.ttrtc.runtime;

import static dev.ttrtc.runtime.Waits.consoleLines;
import static dev.ttrtc.runtime.Waits.errors;
import static dev.ttrtc.runtime.Waits.eval;
import static dev.ttrtc.runtime.Waits.json;
import static dev.ttrtc.runtime.Waits.waitFor;
import static dev.ttrtc.runtime.Waits.waitForConsole;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class TtApiTest extends HostTestBase {

    private Path emptyProject() {
        return ProjectFolder.in(dir).page("pages/index/index", "Page({});").write();
    }

    /** Evaluates an expression that calls an async API and logs the payloads it gets. */
    private static final String LOG_CALLBACKS = "const log = (tag) => (res) => console.log(tag + ' ' + JSON.stringify(res));\n";

    @Test
    void get_system_info_sync_has_every_documented_field_with_embedder_overrides() throws Exception {
        MiniProgram app = launch(LaunchOptions.builder(emptyProject())
                .systemInfo(SystemInfo.defaults().with("model", "Pixel 8").with("screenWidth", 412)));
        JsonNode info = eval(app, "tt.getSystemInfoSync()");
        for (String field : List.of("system", "platform", "brand", "model", "version", "appName", "SDKVersion",
                "screenWidth", "screenHeight", "windowWidth", "windowHeight", "pixelRatio", "safeArea",
                "statusBarHeight", "language")) {
            assertTrue(info.has(field), field);
        }
        assertEquals("Pixel 8", info.get("model").asText());
        assertEquals(412, info.get("screenWidth").asInt());
        assertEquals("Douyin", info.get("appName").asText());
    }

    @Test
    void system_info_overrides_are_checked() {
        assertEquals("unknown system info field \"modle\"",
                assertThrows(IllegalArgumentException.class, () -> SystemInfo.defaults().with("modle", "x")).getMessage());
        assertEquals("system info field \"screenWidth\" expects number, got string",
                assertThrows(IllegalArgumentException.class, () -> SystemInfo.defaults().with("screenWidth", "wide")).getMessage());
    }

    @Test
    void async_apis_answer_on_a_later_turn_with_success_then_complete_and_the_same_payload() throws Exception {
        MiniProgram app = launch(emptyProject());
        eval(app, LOG_CALLBACKS + "let p1; tt.getSystemInfo({ success: (r) => { p1 = r; console.log('success ' + r.errMsg + ' ' + r.model); },"
                + " complete: (r) => console.log('complete same=' + (r === p1)) }); console.log('returned');");
        waitForConsole(app, "complete same=true");
        assertEquals(List.of("returned", "success getSystemInfo:ok iPhone 15", "complete same=true"), consoleLines(app));
    }

    @Test
    void show_toast_is_recorded_as_a_ui_event_with_defaults() throws Exception {
        MiniProgram app = launch(emptyProject());
        eval(app, LOG_CALLBACKS + "tt.showToast({ title: 'Hi', success: log('ok') }); tt.showToast({ title: 'Bye', icon: 'none', duration: 3000 });"
                + " tt.hideToast();");
        waitForConsole(app, "ok {\"errMsg\":\"showToast:ok\"}");
        List<HostEvent> ui = app.events().snapshot(e -> e.kind() == HostEvent.Kind.UI);
        assertEquals(List.of("showToast", "showToast", "hideToast"), ui.stream().map(HostEvent::name).toList());
        assertEquals(json("{\"title\":\"Hi\",\"icon\":\"success\",\"duration\":1500,\"mask\":false}"), ui.get(0).data());
        assertEquals(json("{\"title\":\"Bye\",\"icon\":\"none\",\"duration\":3000,\"mask\":false}"), ui.get(1).data());
    }

    @Test
    void show_toast_parameter_errors_answer_20000_naming_the_parameter() throws Exception {
        MiniProgram app = launch(emptyProject());
        eval(app, LOG_CALLBACKS + "tt.showToast({ icon: 'none', fail: log('no title') });"
                + " tt.showToast({ title: 'x', icon: 'party', fail: log('bad icon') });");
        waitForConsole(app, "bad icon {\"errMsg\":\"showToast:fail expect params.icon to be one of \\\"success\\\", \\\"loading\\\","
                + " \\\"none\\\", \\\"fail\\\", but got party\",\"errNo\":20000}");
        assertEquals("no title {\"errMsg\":\"showToast:fail expect params.title to be string, but got undefined\",\"errNo\":20000}",
                consoleLines(app).get(0));
        assertEquals(List.of(), app.events().snapshot(e -> e.kind() == HostEvent.Kind.UI));
    }

    @Test
    void loading_and_modal_are_recorded_and_the_modal_answers_as_configured() throws Exception {
        MiniProgram confirming = launch(emptyProject());
        eval(confirming, LOG_CALLBACKS + "tt.showLoading({ title: 'Wait' }); tt.hideLoading();"
                + " tt.showModal({ title: 'Leave?', content: 'Sure', success: log('modal') });");
        waitForConsole(confirming, "modal {\"errMsg\":\"showModal:ok\",\"confirm\":true,\"cancel\":false}");
        assertEquals(List.of("showLoading", "hideLoading", "showModal"),
                confirming.events().snapshot(e -> e.kind() == HostEvent.Kind.UI).stream().map(HostEvent::name).toList());

        MiniProgram cancelling = launch(LaunchOptions.builder(ProjectFolder.in(dir.resolve("b")).page("pages/index/index", "Page({});").write())
                .modalConfirms(false));
        eval(cancelling, LOG_CALLBACKS + "tt.showModal({ title: 'Leave?', success: log('modal') });");
        waitForConsole(cancelling, "modal {\"errMsg\":\"showModal:ok\",\"confirm\":false,\"cancel\":true}");
    }

    @Test
    void storage_sync_and_async_forms_share_one_store_per_instance() throws Exception {
        MiniProgram first = launch(emptyProject());
        MiniProgram second = launch(ProjectFolder.in(dir.resolve("b")).page("pages/index/index", "Page({});").write());
        eval(first, "tt.setStorageSync('k', { n: 1, list: [1, 2] }); tt.setStorageSync('s', 'text'); tt.setStorageSync('b', false)");
        assertEquals(json("[{\"n\":1,\"list\":[1,2]},\"text\",false,\"\"]"),
                eval(first, "[tt.getStorageSync('k'), tt.getStorageSync('s'), tt.getStorageSync('b'), tt.getStorageSync('missing')]"));
        assertEquals("", eval(second, "tt.getStorageSync('k')").asText());
        eval(first, LOG_CALLBACKS + "tt.setStorage({ key: 'a', data: [3], success: () => tt.getStorage({ key: 'a', success: log('got') }) });"
                + " tt.getStorage({ key: 'nope', fail: log('missing') });");
        waitForConsole(first, "got {\"errMsg\":\"getStorage:ok\",\"data\":[3]}");
        waitForConsole(first, "missing {\"errMsg\":\"getStorage:fail data not found\",\"errNo\":20000}");
        assertEquals(json("[\"k\",\"s\",\"b\",\"a\"]"), eval(first, "tt.getStorageInfoSync().keys"));
        eval(first, "tt.removeStorageSync('k'); tt.clearStorage()");
        waitFor(first, e -> e.kind() == HostEvent.Kind.API_RESULT && e.name().equals("clearStorage"));
        assertEquals(0, eval(first, "tt.getStorageInfoSync().keys.length").asInt());
    }

    /** A JS string whose stored JSON text ({@code "x…x"}) takes {@code megabytes} MiB minus the quotes. */
    private static String bigString(int megabytes) {
        return "'x'.repeat(" + megabytes + " * 1024 * 1024 - 2)";
    }

    @Test
    void storage_holds_at_most_ten_megabytes_per_instance_and_a_set_past_it_fails_and_stores_nothing() throws Exception {
        MiniProgram app = launch(emptyProject());
        eval(app, "tt.setStorageSync('six', " + bigString(6) + ")");
        assertEquals("Error: setStorageSync:fail exceed storage max size 10Mb",
                eval(app, "try { tt.setStorageSync('five', " + bigString(5) + "); 'stored' } catch (e) { String(e) }").asText());
        eval(app, LOG_CALLBACKS + "tt.setStorage({ key: 'five', data: " + bigString(5) + ", success: log('ok'), fail: log('fail') });");
        waitForConsole(app, "fail {\"errMsg\":\"setStorage:fail exceed storage max size 10Mb\",\"errNo\":20000}");
        assertEquals(json("[[\"six\"],10240,\"\"]"),
                eval(app, "const i = tt.getStorageInfoSync(); [i.keys, i.limitSize, tt.getStorageSync('five')]"));

        // Replacing a key counts its new value only; the cap is per instance.
        eval(app, "tt.setStorageSync('six', " + bigString(9) + ")");
        assertEquals(9 * 1024 * 1024 - 2, eval(app, "tt.getStorageSync('six').length").asInt());
        MiniProgram other = launch(ProjectFolder.in(dir.resolve("b")).page("pages/index/index", "Page({});").write());
        eval(other, "tt.setStorageSync('nine', " + bigString(9) + ")");
        assertEquals(json("[\"nine\"]"), eval(other, "tt.getStorageInfoSync().keys"));
    }

    @Test
    void clear_storage_sync_empties_the_store_and_frees_its_space() throws Exception {
        MiniProgram app = launch(emptyProject());
        eval(app, "tt.setStorageSync('a', 1); tt.setStorageSync('big', " + bigString(9) + ")");
        assertEquals(json("[\"undefined\",[],0,\"\",\"\"]"), eval(app, "const r = typeof tt.clearStorageSync();"
                + " const i = tt.getStorageInfoSync(); [r, i.keys, i.currentSize, tt.getStorageSync('a'), tt.getStorageSync('big')]"));
        eval(app, "tt.setStorageSync('again', " + bigString(9) + ")");
        assertEquals(json("[\"again\"]"), eval(app, "tt.getStorageInfoSync().keys"));
    }

    @Test
    void remove_storage_answers_ok_through_success_and_complete_and_removes_only_that_key() throws Exception {
        MiniProgram app = launch(emptyProject());
        eval(app, LOG_CALLBACKS + "tt.setStorageSync('gone', { n: 1 }); tt.setStorageSync('kept', 2);"
                + " tt.removeStorage({ key: 'gone', success: (r) => { log('removed')(r); console.log('now ' + JSON.stringify(tt.getStorageSync('gone'))); },"
                + " complete: log('complete') });");
        waitForConsole(app, "complete {\"errMsg\":\"removeStorage:ok\"}");
        assertEquals(List.of("removed {\"errMsg\":\"removeStorage:ok\"}", "now \"\"", "complete {\"errMsg\":\"removeStorage:ok\"}"),
                consoleLines(app));
        assertEquals(json("[[\"kept\"],2]"), eval(app, "[tt.getStorageInfoSync().keys, tt.getStorageSync('kept')]"));
    }

    @Test
    void a_sync_api_failure_throws_an_error_with_the_fail_message() throws Exception {
        MiniProgram app = launch(emptyProject());
        assertEquals("Error: setStorageSync:fail expect key to be string, but got number",
                eval(app, "try { tt.setStorageSync(5, 1); 'no' } catch (e) { String(e) }").asText());
    }

    @Test
    void can_i_use_answers_from_the_assembled_tt() throws Exception {
        MiniProgram app = launch(emptyProject());
        assertEquals(json("[true,true,false]"),
                eval(app, "[tt.canIUse('showToast'), tt.canIUse('getSystemInfo.success.model'), tt.canIUse('teleport')]"));
    }

    @Test
    void authorize_grants_by_default_and_answers_10200_for_a_denied_scope() throws Exception {
        MiniProgram app = launch(LaunchOptions.builder(emptyProject()).deny("scope.camera"));
        eval(app, LOG_CALLBACKS + "tt.authorize({ scope: 'scope.record', success: log('record') });"
                + " tt.authorize({ scope: 'scope.camera', fail: log('camera') });"
                + " tt.authorize({ scope: 'scope.nothing', fail: log('bad') });");
        waitForConsole(app, "record {\"errMsg\":\"authorize:ok\",\"data\":{\"scope.record\":\"ok\"}}");
        waitForConsole(app, "camera {\"errMsg\":\"authorize:fail auth deny\",\"errNo\":10200}");
        waitFor(app, e -> e.kind() == HostEvent.Kind.CONSOLE && e.text().startsWith("bad {\"errMsg\":\"authorize:fail expect params.scope to be one of"));
        eval(app, LOG_CALLBACKS + "tt.getSetting({ success: log('settings') })");
        waitForConsole(app, "settings {\"errMsg\":\"getSetting:ok\",\"authSetting\":{\"scope.record\":true,\"scope.camera\":false}}");
    }

    @Test
    void api_calls_and_results_are_logged_with_their_parameters() throws Exception {
        MiniProgram app = launch(emptyProject());
        eval(app, "tt.showToast({ title: 'logged', success() {} })");
        HostEvent call = waitFor(app, e -> e.kind() == HostEvent.Kind.API_CALL && e.name().equals("showToast"));
        assertEquals(json("{\"title\":\"logged\",\"success\":\"[Function: success]\"}"), call.data().get("params"));
        HostEvent result = waitFor(app, e -> e.kind() == HostEvent.Kind.API_RESULT && e.name().equals("showToast"));
        assertEquals(json("{\"errMsg\":\"showToast:ok\"}"), result.data().get("payload"));
    }

    @Test
    void a_throwing_callback_is_reported_and_complete_still_runs() throws Exception {
        MiniProgram app = launch(emptyProject());
        eval(app, "tt.showToast({ title: 't', success() { throw new Error('in success'); }, complete() { console.log('complete ran'); } })");
        waitForConsole(app, "complete ran");
        assertTrue(errors(app).get(0).text().endsWith("Uncaught Error: in success"), errors(app).get(0).text());
    }

    @Test
    void a_js_mock_replaces_an_api_and_a_fixed_result_answers_through_callbacks() throws Exception {
        LaunchOptions.Builder options = LaunchOptions.builder(emptyProject())
                .mock("getSystemInfoSync", ApiMock.js("() => ({ model: 'Mocked' })"))
                .mock("login", ApiMock.result(json("{\"code\":\"abc\"}")))
                .mock("showToast", ApiMock.result(json("{\"errMsg\":\"showToast:fail busy\",\"errNo\":1}")))
                .mock("getUserInfoSync", ApiMock.result(json("{\"nickName\":\"n\"}")));
        MiniProgram app = launch(options);
        eval(app, LOG_CALLBACKS + "tt.login({ success: log('login') }); tt.showToast({ title: 'x', fail: log('toast') });");
        waitForConsole(app, "login {\"errMsg\":\"login:ok\",\"code\":\"abc\"}");
        waitForConsole(app, "toast {\"errMsg\":\"showToast:fail busy\",\"errNo\":1}");
        assertEquals(json("[\"Mocked\",\"n\",true]"), eval(app, "[tt.getSystemInfoSync().model, tt.getUserInfoSync().nickName, tt.canIUse('login')]"));

        MiniProgram restored = launch(LaunchOptions.builder(ProjectFolder.in(dir.resolve("b")).page("pages/index/index", "Page({});").write())
                .mock("getSystemInfoSync", ApiMock.js("() => ({ model: 'Mocked' })"))
                .restoreMock("getSystemInfoSync"));
        assertEquals("iPhone 15", eval(restored, "tt.getSystemInfoSync().model").asText());
    }

    @Test
    void a_broken_mock_fails_the_launch_clearly() {
        LaunchException e = assertThrows(LaunchException.class,
                () -> launch(LaunchOptions.builder(emptyProject()).mock("login", ApiMock.js("not a function ("))));
        assertTrue(e.getMessage().startsWith("mock for tt.login: SyntaxError"), e.getMessage());
    }
}
