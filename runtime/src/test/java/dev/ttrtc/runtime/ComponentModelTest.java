package dev.ttrtc.runtime;

import static dev.ttrtc.runtime.Waits.consoleLines;
import static dev.ttrtc.runtime.Waits.errors;
import static dev.ttrtc.runtime.Waits.eval;
import static dev.ttrtc.runtime.Waits.get;
import static dev.ttrtc.runtime.Waits.json;
import static dev.ttrtc.runtime.Waits.waitForConsole;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The logic side of the component model, without a view module on the class path. */
class ComponentModelTest extends HostTestBase {

    /**
     * These tests are not about the watchdog, and the suite may run them first, when the first
     * launch of the JVM also creates the shared engine (seconds on a busy machine).
     */
    @BeforeAll
    static void hostWithoutTightBudget() {
        host.close();
        host = MiniProgramHost.create(HostOptions.defaults().withTaskBudget(Duration.ofSeconds(60)));
    }

    @Test
    void page_methods_keep_the_page_as_this_when_passed_as_callbacks() throws Exception {
        // The official demos register page methods directly: ctx.onX(this.handler).
        MiniProgram app = launchPage("Page({ data: { n: 0 },"
                + " onLoad() { setTimeout(this.tick, 0); },"
                + " tick() { this.setData({ n: this.data.n + 1 }); console.log('ticked', this.data.n, this.route); } });");
        waitForConsole(app, "ticked 1 pages/index/index");
        assertEquals(json("{\"n\":1}"), app.pageData());
        assertEquals(List.of(), errors(app));
    }

    @Test
    void a_bound_method_keeps_its_page_even_when_called_on_another_object() throws Exception {
        MiniProgram app = launchPage("Page({ who() { return this.route; } });");
        assertEquals("pages/index/index", eval(app, "const p = getCurrentPages()[0]; p.who.call({ route: 'other' })").asText());
        assertEquals("pages/index/index", eval(app, "const f = getCurrentPages()[0].who; f()").asText());
    }

    @Test
    void a_page_built_with_component_runs_its_methods_as_page_hooks_and_takes_the_query_as_properties() throws Exception {
        Path project = ProjectFolder.in(dir).page("pages/index/index",
                "Component({ properties: { count: Number, label: String }, data: { seen: [] },"
                + " created() { console.log('created'); },"
                + " attached() { console.log('attached'); },"
                + " ready() { console.log('ready'); },"
                + " methods: {"
                + "  onLoad(q) { console.log('onLoad', q.count, typeof this.data.count, this.data.count, this.data.label); },"
                + "  onShow() { console.log('onShow'); },"
                + "  onReady() { console.log('onReady'); },"
                + "  bump() { this.setData({ count: this.data.count + 1 }); return this.data.count; } } });").write();
        MiniProgram app = launch(LaunchOptions.builder(project).query("count", "41").query("label", "x"));
        waitForConsole(app, "onReady");
        assertEquals(List.of("created", "attached", "onLoad 41 number 41 x", "onShow", "ready", "onReady"), consoleLines(app));
        assertEquals(42, get(app.callPageMethod("bump", PageEvent.tap())).asInt());
        assertEquals(42, app.pageData().get("count").asInt());
    }

    @Test
    void component_files_load_after_app_js_and_before_pages_from_every_using_components() throws Exception {
        Path project = ProjectFolder.in(dir)
                .app("console.log('app'); App({});")
                .file("app.json", "{\"pages\": [\"pages/index/index\"], \"usingComponents\": {\"g-badge\": \"/components/badge/badge\"}}")
                .page("pages/index/index", "console.log('page'); Page({});")
                .file("pages/index/index.json", "{\"usingComponents\": {\"my-card\": \"../../components/card/card\","
                        + " \"npm-btn\": \"ui-kit/button\", \"near\": \"parts/near\"}}")
                .file("pages/index/parts/near.js", "console.log('near'); Component({});")
                .file("pages/index/parts/near.json", "{\"component\": true}")
                .file("components/card/card.js", "console.log('card'); Component({});")
                .file("components/card/card.json", "{\"component\": true, \"usingComponents\": {\"inner\": \"./inner\"}}")
                .file("components/card/inner.js", "console.log('inner'); Component({});")
                .file("components/card/inner.json", "{\"component\": true}")
                .file("components/badge/badge.js", "console.log('badge'); Component({});")
                .file("components/badge/badge.json", "{\"component\": true}")
                .file("miniprogram_npm/ui-kit/button/index.js", "console.log('npm button'); Component({});")
                .file("miniprogram_npm/ui-kit/button/index.json", "{\"component\": true}")
                .write();
        MiniProgram app = launch(project);
        assertEquals(List.of("app", "badge", "inner", "card", "npm button", "near", "page"), consoleLines(app));
    }

    @Test
    void a_missing_component_fails_the_launch_naming_the_json_and_the_tag() {
        Path project = ProjectFolder.in(dir).page("pages/index/index", "Page({});")
                .file("pages/index/index.json", "{\"usingComponents\": {\"my-card\": \"/components/card/card\"}}").write();
        LaunchException e = assertThrows(LaunchException.class, () -> launch(project));
        assertEquals("pages/index/index.json: usingComponents \"my-card\": no component at \"/components/card/card\""
                + " (looked for components/card/card.js)", e.getMessage());
    }

    @Test
    void a_component_json_without_component_true_fails_the_launch() {
        Path project = ProjectFolder.in(dir).page("pages/index/index", "Page({});")
                .file("pages/index/index.json", "{\"usingComponents\": {\"my-card\": \"/c/card\"}}")
                .file("c/card.js", "Component({});").file("c/card.json", "{}").write();
        LaunchException e = assertThrows(LaunchException.class, () -> launch(project));
        assertEquals("c/card.json: a component's json must declare \"component\": true", e.getMessage());
    }

    @Test
    void a_component_file_that_does_not_call_component_fails_the_launch() {
        Path project = ProjectFolder.in(dir).page("pages/index/index", "Page({});")
                .file("pages/index/index.json", "{\"usingComponents\": {\"my-card\": \"/c/card\"}}")
                .file("c/card.js", "Page({});").file("c/card.json", "{\"component\": true}").write();
        LaunchException e = assertThrows(LaunchException.class, () -> launch(project));
        assertTrue(e.getMessage().startsWith("c/card.js:1:"), e.getMessage());
        assertTrue(e.getMessage().contains("Page() may be called only while a page file listed in app.json loads"), e.getMessage());
    }

    @Test
    void plugins_ext_components_and_bad_tag_names_fail_the_launch() {
        Path project = ProjectFolder.in(dir).page("pages/index/index", "Page({});")
                .file("pages/index/index.json", "{\"usingComponents\": {\"chart\": \"plugin://charts/line\"}}").write();
        assertEquals("pages/index/index.json: usingComponents \"chart\": plugins are not available in tt-rtc-host",
                assertThrows(LaunchException.class, () -> launch(project)).getMessage());
        ProjectFolder.in(dir).page("pages/index/index", "Page({});")
                .file("pages/index/index.json", "{\"usingComponents\": {\"video-player\": \"ext://industry/video-player\"}}").write();
        assertEquals("pages/index/index.json: usingComponents \"video-player\": \"ext://industry/video-player\": industry components"
                + " come with the Douyin app and are not available in tt-rtc-host",
                assertThrows(LaunchException.class, () -> launch(project)).getMessage());
        ProjectFolder.in(dir).page("pages/index/index", "Page({});")
                .file("pages/index/index.json", "{\"usingComponents\": {\"my-comp\": \"ext://my-npm/index\"}}").write();
        assertEquals("pages/index/index.json: usingComponents \"my-comp\": \"ext://my-npm/index\": ext:// paths of npm packages"
                + " are not available in tt-rtc-host; point usingComponents at the component's file in miniprogram_npm instead",
                assertThrows(LaunchException.class, () -> launch(project)).getMessage());
        ProjectFolder.in(dir).page("pages/index/index", "Page({});")
                .file("pages/index/index.json", "{\"usingComponents\": {\"MyCard\": \"/c/card\"}}").write();
        assertEquals("pages/index/index.json: usingComponents \"MyCard\": a tag name may hold only lowercase letters, digits, - and _",
                assertThrows(LaunchException.class, () -> launch(project)).getMessage());
    }

    @Test
    void component_outside_a_component_or_page_file_throws() throws Exception {
        MiniProgram app = launchPage("Page({});");
        assertEquals("Component() may be called only while a component file (or a page file) loads",
                eval(app, "try { Component({}); 'no error' } catch (e) { e.message }").asText());
    }

    @Test
    void without_a_view_module_select_component_finds_nothing_and_view_says_why() throws Exception {
        MiniProgram app = launchPage("Page({});");
        assertEquals(json("[null, 0]"), eval(app, "const p = getCurrentPages()[0]; [p.selectComponent('.x'), p.selectAllComponents('.x').length]"));
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> app.view().$("view"));
        assertTrue(e.getMessage().startsWith("no view layer"), e.getMessage());
    }

    @Test
    void select_component_with_a_callback_answers_on_a_later_turn() throws Exception {
        MiniProgram app = launchPage("Page({ onReady() { let sync = true;"
                + " this.selectComponent('#card', (c) => console.log('callback', c, sync)); sync = false; } });");
        waitForConsole(app, "callback null false");
    }
}
