package dev.ttrtc.runtime;

import static dev.ttrtc.runtime.Waits.console;
import static dev.ttrtc.runtime.Waits.consoleLines;
import static dev.ttrtc.runtime.Waits.errors;
import static dev.ttrtc.runtime.Waits.eval;
import static dev.ttrtc.runtime.Waits.get;
import static dev.ttrtc.runtime.Waits.json;
import static dev.ttrtc.runtime.Waits.kind;
import static dev.ttrtc.runtime.Waits.waitFor;
import static dev.ttrtc.runtime.Waits.waitForConsole;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import org.junit.jupiter.api.Test;

class PageTest extends HostTestBase {

    @Test
    void set_data_applies_path_keys_and_the_view_snapshot_follows() throws Exception {
        MiniProgram app = launchPage("Page({ data: { a: { b: 1 }, list: [{ name: 'x' }] },"
                + " update() { this.setData({ 'a.b': 2, 'list[2].name': 'z', 'fresh.deep[1]': true, plain: 'p' }); } });");
        get(app.callPageMethod("update", PageEvent.tap()));
        assertEquals(json("{\"a\":{\"b\":2},\"list\":[{\"name\":\"x\"},null,{\"name\":\"z\"}],"
                + "\"fresh\":{\"deep\":[null,true]},\"plain\":\"p\"}"), app.pageData());
    }

    @Test
    void the_event_log_keeps_each_patch_as_set_while_the_view_snapshot_gets_json() throws Exception {
        MiniProgram app = launchPage("Page({ data: {},"
                + " first() { this.setData({ list: [{ a: 1 }] }); this.setData({ 'list[0].a': 2 }); },"
                + " odd() { this.setData({ f: function named() {}, n: NaN, o: { x: undefined, y: 2 } }); } });");
        get(app.callPageMethod("first", PageEvent.tap()));
        // Reading the snapshot applies the patches to it; the log's copies stay as each setData made them.
        assertEquals(json("{\"list\":[{\"a\":2}]}"), app.pageData());
        get(app.callPageMethod("odd", PageEvent.tap()));
        assertEquals(json("{\"list\":[{\"a\":2}],\"n\":null,\"o\":{\"y\":2}}"), app.pageData());
        List<JsonNode> logged = app.events().snapshot(e -> e.kind() == HostEvent.Kind.DATA).stream()
                .map(e -> e.data().get("patch")).toList();
        assertEquals(List.of(json("{\"list\":[{\"a\":1}]}"), json("{\"list[0].a\":2}"),
                json("{\"f\":\"[Function: named]\",\"n\":\"NaN\",\"o\":{\"y\":2}}")), logged);
    }

    @Test
    void this_data_and_evaluate_keep_every_level_of_deep_data_that_a_function_inside_cuts_at_64() throws Exception {
        String nest = "function nest(n, leaf) { let d = leaf; for (let k = 0; k < n; k++) d = { c: d }; return d; }"
                + " function depth(d) { let n = 0; while (d !== null && typeof d === 'object') { d = d.c; n++; } return [n, d]; }";
        MiniProgram app = launchPage(nest + " Page({ data: {},"
                + " deep() { this.setData({ tree: nest(300, 'leaf') }); console.log(JSON.stringify(depth(this.data.tree))); },"
                + " odd() { this.setData({ tree: nest(100, { f() {} }) }); console.log(JSON.stringify(depth(this.data.tree))); } });");
        get(app.callPageMethod("deep", PageEvent.tap()));
        waitForConsole(app, "[300,\"leaf\"]");
        assertEquals("leaf", leafOf(app.pageData().get("tree"), 300), "the snapshot has every level too");
        assertEquals("leaf", leafOf(eval(app, "getCurrentPages()[0].data.tree"), 300), "so has a result for Java");
        // A value JSON cannot carry (a function) is copied by a walk, which summarises deep levels.
        get(app.callPageMethod("odd", PageEvent.tap()));
        waitForConsole(app, "[64,\"[Object]\"]");
    }

    @Test
    void data_nested_about_a_thousand_levels_deep_is_set_and_launched_without_an_error() throws Exception {
        String nest = "function nest(n) { let d = 1; for (let k = 0; k < n; k++) d = { c: d }; return d; }";
        // JSON.stringify takes 1000 levels, JSON.parse somewhat fewer: each depth around there.
        MiniProgram app = launchPage(nest + " Page({ data: { t: nest(998) },"
                + " deep() { for (const n of [990, 996, 998]) this.setData({ t: nest(n) }); console.log('set'); } });");
        get(app.callPageMethod("deep", PageEvent.tap()));
        waitForConsole(app, "set");
        assertEquals(List.of(), errors(app).stream().map(HostEvent::text).toList());
    }

    private static String leafOf(JsonNode tree, int levels) {
        JsonNode node = tree;
        for (int k = 0; k < levels; k++) {
            node = node.get("c");
        }
        return node.asText();
    }

    @Test
    void set_data_updates_this_data_synchronously_and_calls_back_later() throws Exception {
        MiniProgram app = launchPage("Page({ data: { n: 0 }, bump() {"
                + " let called = false;"
                + " this.setData({ n: 1 }, function () { console.log('callback', this.data.n); });"
                + " console.log('after setData', this.data.n); } });");
        get(app.callPageMethod("bump", PageEvent.tap()));
        waitForConsole(app, "callback 1");
        assertEquals(List.of("after setData 1", "callback 1"), consoleLines(app));
    }

    @Test
    void a_bad_data_path_is_reported_and_the_other_keys_are_applied() throws Exception {
        MiniProgram app = launchPage("Page({ data: {}, update() { this.setData({ 'a[x]': 1, 'b..c': 2, '[0]': 3, ok: 4 }); } });");
        get(app.callPageMethod("update", PageEvent.tap()));
        assertEquals(json("{\"ok\":4}"), app.pageData());
        List<String> problems = errors(app).stream().map(HostEvent::text).toList();
        assertEquals(List.of("setData: invalid data path \"a[x]\" in pages/index/index",
                "setData: invalid data path \"b..c\" in pages/index/index",
                "setData: invalid data path \"[0]\" in pages/index/index"), problems);
        assertEquals("ok", eval(app, "getCurrentPages()[0].data.ok === 4 ? 'ok' : 'no'").asText());
    }

    @Test
    void an_undefined_value_is_ignored_with_an_error_and_the_other_keys_are_applied() throws Exception {
        MiniProgram app = launchPage("Page({ data: { keep: 5, nested: { x: 1 } },"
                + " update() { this.setData({ keep: undefined, 'nested.x': undefined, ok: 4 }); } });");
        get(app.callPageMethod("update", PageEvent.tap()));
        assertEquals(json("{\"keep\":5,\"nested\":{\"x\":1},\"ok\":4}"), app.pageData());
        assertEquals(List.of("setData: the value of \"keep\" is undefined and was ignored",
                "setData: the value of \"nested.x\" is undefined and was ignored"),
                errors(app).stream().map(HostEvent::text).toList());
        assertEquals(json("[true,5,1,4]"), eval(app, "const d = getCurrentPages()[0].data;"
                + " ['keep' in d, d.keep, d.nested.x, d.ok]"));
    }

    @Test
    void set_data_with_a_non_object_is_reported() throws Exception {
        MiniProgram app = launchPage("Page({ update() { this.setData('nope'); } });");
        get(app.callPageMethod("update", PageEvent.tap()));
        assertEquals("setData expects an object, got string", errors(app).get(0).text());
    }

    @Test
    void page_methods_receive_a_tap_event_with_the_dataset() throws Exception {
        MiniProgram app = launchPage("Page({ pick(e) { return [e.type, e.currentTarget.dataset.id, e.target.dataset.id,"
                + " e.detail.x, typeof e.timeStamp]; } });");
        PageEvent event = new PageEvent("tap", json("{\"x\":5}"), json("{\"id\":\"item-7\"}"));
        assertEquals(json("[\"tap\",\"item-7\",\"item-7\",5,\"number\"]"), get(app.callPageMethod("pick", event)));
    }

    @Test
    void an_async_page_method_is_awaited() throws Exception {
        MiniProgram app = launchPage("Page({ async slow() { await new Promise(r => setTimeout(r, 5)); return 'done'; } });");
        assertEquals("done", get(app.callPageMethod("slow", PageEvent.tap())).asText());
    }

    @Test
    void calling_an_unknown_method_fails_with_a_script_error() throws Exception {
        MiniProgram app = launchPage("Page({});");
        ExecutionException e = assertThrows(ExecutionException.class, () -> get(app.callPageMethod("nope", PageEvent.tap())));
        assertTrue(e.getCause() instanceof ScriptError);
        assertTrue(e.getCause().getMessage().endsWith("Error: page pages/index/index has no method \"nope\""),
                e.getCause().getMessage());
    }

    @Test
    void a_throwing_page_method_is_reported_with_its_location() throws Exception {
        MiniProgram app = launchPage("Page({\n  boom() {\n    null.x;\n  }\n});");
        ExecutionException e = assertThrows(ExecutionException.class, () -> get(app.callPageMethod("boom", PageEvent.tap())));
        assertEquals("pages/index/index.js:3:5: TypeError: Cannot read property 'x' of null", e.getCause().getMessage());
        assertEquals("pages/index/index.js:3:5", ((ScriptError) e.getCause()).location());
        assertEquals("pages/index/index.js:3:5: Uncaught TypeError: Cannot read property 'x' of null", errors(app).get(0).text());
    }

    private Path twoPages() {
        return ProjectFolder.in(dir)
                .page("pages/a/a", "Page({ onLoad() { console.log('a load'); }, onShow() { console.log('a show'); },"
                        + " onHide() { console.log('a hide'); }, onUnload() { console.log('a unload'); },"
                        + " go(e) { tt[e.detail.kind]({ url: e.detail.url, delta: e.detail.delta,"
                        + "   success: (r) => console.log(r.errMsg), fail: (r) => console.log(r.errMsg + ' #' + r.errNo) }); } });")
                .page("pages/b/b", "Page({ onLoad(q) { console.log('b load ' + JSON.stringify(q)); },"
                        + " onShow() { console.log('b show'); }, onUnload() { console.log('b unload'); },"
                        + " go(e) { tt[e.detail.kind]({ url: e.detail.url, delta: e.detail.delta,"
                        + "   success: (r) => console.log(r.errMsg), fail: (r) => console.log(r.errMsg + ' #' + r.errNo) }); } });")
                .write();
    }

    private void go(MiniProgram app, String kind, String url) throws Exception {
        go(app, kind, url, 1);
    }

    private void go(MiniProgram app, String kind, String url, int delta) throws Exception {
        String detail = "{\"kind\":\"" + kind + "\",\"url\":" + (url == null ? "null" : "\"" + url + "\"") + ",\"delta\":" + delta + "}";
        get(app.callPageMethod("go", new PageEvent("tap", json(detail), null)));
    }

    @Test
    void navigate_to_pushes_a_page_with_its_query_and_navigate_back_returns() throws Exception {
        MiniProgram app = launch(twoPages());
        go(app, "navigateTo", "/pages/b/b?id=42&name=%E4%BD%A0%E5%A5%BD");
        waitForConsole(app, "navigateTo:ok");
        assertEquals("pages/b/b", app.route());
        assertEquals(Map.of("id", "42", "name", "你好"), app.query());
        assertEquals(List.of("pages/a/a", "pages/b/b"), app.pageStack());
        go(app, "navigateBack", null);
        waitForConsole(app, "navigateBack:ok");
        assertEquals("pages/a/a", app.route());
        assertEquals(List.of("a load", "a show", "a hide", "b load {\"id\":\"42\",\"name\":\"你好\"}", "b show",
                "navigateTo:ok", "b unload", "a show", "navigateBack:ok"), consoleLines(app));
    }

    @Test
    void relative_urls_resolve_against_the_current_page() throws Exception {
        MiniProgram app = launch(twoPages());
        go(app, "navigateTo", "../b/b?x=1");
        waitForConsole(app, "navigateTo:ok");
        assertEquals("pages/b/b", app.route());
    }

    @Test
    void redirect_to_replaces_the_page_and_re_launch_clears_the_stack() throws Exception {
        MiniProgram app = launch(twoPages());
        go(app, "redirectTo", "/pages/b/b");
        waitForConsole(app, "redirectTo:ok");
        assertEquals(List.of("pages/b/b"), app.pageStack());
        go(app, "navigateTo", "/pages/a/a");
        waitForConsole(app, "navigateTo:ok");
        go(app, "reLaunch", "/pages/b/b?again=1");
        waitForConsole(app, "reLaunch:ok");
        assertEquals(List.of("pages/b/b"), app.pageStack());
        assertEquals(Map.of("again", "1"), app.query());
    }

    @Test
    void navigation_failures_answer_with_fail_payloads() throws Exception {
        MiniProgram app = launch(twoPages());
        go(app, "navigateTo", "/pages/zzz/zzz");
        waitForConsole(app, "navigateTo:fail url \"pages/zzz/zzz\" is not in app.json #21500");
        go(app, "navigateBack", null);
        waitForConsole(app, "navigateBack:fail cannot navigate back at first page. #20000");
        assertEquals(List.of("pages/a/a"), app.pageStack());
    }

    @Test
    void the_page_stack_is_limited_to_ten() throws Exception {
        MiniProgram app = launch(twoPages());
        for (int depth = 2; depth <= 10; depth++) {
            go(app, "navigateTo", "/pages/b/b");
            int expected = depth;
            waitFor(app, e -> app.pageStack().size() == expected);
        }
        go(app, "navigateTo", "/pages/b/b");
        waitForConsole(app, "navigateTo:fail webview count limit exceed #20000");
    }

    @Test
    void get_current_pages_and_get_app_expose_the_stack_and_the_app() throws Exception {
        Path project = ProjectFolder.in(dir).app("App({ globalData: { who: 'app' } });")
                .page("pages/a/a", "Page({ data: { n: 1 } });").write();
        MiniProgram app = launch(project);
        assertEquals(json("[\"pages/a/a\",1,\"app\"]"),
                eval(app, "const p = getCurrentPages(); [p[0].route, p[0].data.n, getApp().globalData.who]"));
    }

    @Test
    void hide_and_show_run_the_app_and_page_hooks() throws Exception {
        Path project = ProjectFolder.in(dir)
                .app("App({ onShow() { console.log('app show'); }, onHide() { console.log('app hide'); } });")
                .page("pages/a/a", "Page({ onShow() { console.log('page show'); }, onHide() { console.log('page hide'); } });")
                .write();
        MiniProgram app = launch(project);
        app.hide();
        app.show();
        waitFor(app, console("page show").and(e -> e.seq() > 6));
        assertEquals(List.of("app show", "page show", "page hide", "app hide", "app show", "page show"), consoleLines(app));
        assertEquals(4, app.events().snapshot(kind(HostEvent.Kind.LIFECYCLE, "onShow")).size());
    }

    @Test
    void a_handler_that_ran_is_a_handler_entry_and_a_hook_a_lifecycle_one() throws Exception {
        MiniProgram app = launch(twoPages());
        go(app, "navigateTo", "/pages/b/b");
        waitForConsole(app, "navigateTo:ok");
        assertEquals(List.of("pages/a/a.go"), app.events().snapshot(e -> e.kind() == HostEvent.Kind.HANDLER).stream()
                .map(HostEvent::text).toList());
        assertEquals(List.of(), app.events().snapshot(kind(HostEvent.Kind.LIFECYCLE, "go")));
        assertEquals(1, app.events().snapshot(kind(HostEvent.Kind.LIFECYCLE, "onLoad").and(e -> e.text().equals("pages/b/b.onLoad"))).size());
    }
}
