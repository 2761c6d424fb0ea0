package dev.ttrtc.view;

import dev.ttrtc.view.internal.ttss.StyleScope;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.ttrtc.runtime.HostEvent;
import dev.ttrtc.runtime.LaunchException;
import dev.ttrtc.runtime.LaunchOptions;
import dev.ttrtc.runtime.MiniProgram;
import dev.ttrtc.runtime.view.ComponentHandle;
import dev.ttrtc.runtime.view.ViewElement;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import org.junit.jupiter.api.Test;

/** Custom components rendered: properties, observers, slots, lifetimes, events, styles, selection. */
class ComponentTest extends ViewTestBase {

    @Test
    void properties_are_coerced_by_type_and_observers_see_initial_and_later_values() throws Exception {
        MiniProgram app = launchWithCard(
                "Page({ data: { n: '5', label: 'first' }, next() { this.setData({ n: 7, label: 'second' }); } });",
                "<my-card id=\"c\" count=\"{{n}}\" header-text=\"{{label}}\" flag visible=\"{{false}}\"/>",
                "Component({ properties: { count: { type: Number, value: 1, observer(v, old) { console.log('count', v, old); } },"
                        + " headerText: String, flag: Boolean, visible: { type: Boolean, value: true } },"
                        + " observers: { 'count, headerText': function (c, h) { console.log('pair', c, h); } } });",
                "<text class=\"t\">{{headerText}}:{{count + 1}}:{{flag}}:{{visible}}</text>");
        assertEquals("first:6:true:false", $(app, ".t").text());
        call(app, "next");
        assertEquals("second:8:true:false", $(app, ".t").text());
        assertEquals(List.of("pair 5 first", "count 5 1", "pair 7 second", "count 7 5"), console(app));
    }

    @Test
    void a_form_submits_a_form_field_component_under_its_name_and_skips_other_components() throws Exception {
        MiniProgram app = launchWithCard(
                "Page({ data: { field: 'nick' }, submitted(e) { console.log(JSON.stringify(e.detail.value)); } });",
                "<form bindsubmit=\"submitted\"><my-card id=\"c\" name=\"{{field}}\"/><input name=\"age\" value=\"7\"/>"
                        + "<button id=\"go\" form-type=\"submit\">Go</button></form>",
                "Component({ behaviors: ['tt://form-field'],"
                        + " attached() { console.log(this.data.name + ' ' + this.data.value + ' ' + this.hasBehavior('tt://form-field')); },"
                        + " methods: { choose() { this.setData({ value: { first: 'ann' } }); } } });",
                "<text class=\"t\">{{name}}</text>");
        assertEquals("nick", $(app, ".t").text(), "the behavior declares name, which the host sets");
        call($(app, "#c").component().orElseThrow(), "choose");
        get($(app, "#go").tap());
        assertEquals(List.of("nick null true", "{\"nick\":{\"first\":\"ann\"},\"age\":\"7\"}"), console(app));
    }

    @Test
    void a_component_without_the_form_field_behavior_is_not_submitted() throws Exception {
        MiniProgram app = launchWithCard(
                "Page({ submitted(e) { console.log(JSON.stringify(e.detail.value)); } });",
                "<form bindsubmit=\"submitted\"><my-card name=\"nick\"/><button id=\"go\" form-type=\"submit\">Go</button></form>",
                "Component({ properties: { name: String, value: { type: String, value: 'v' } } });",
                "<text>{{name}}</text>");
        get($(app, "#go").tap());
        assertEquals(List.of("{}"), console(app));
    }

    @Test
    void a_component_set_data_re_renders_it_and_the_page_sees_none_of_its_data() throws Exception {
        MiniProgram app = launchWithCard("Page({ data: { x: 'page' } });",
                "<text id=\"p\">{{x}}</text><my-card/>",
                "Component({ data: { n: 0 }, methods: { bump() { this.setData({ n: this.data.n + 1 }); } } });",
                "<view class=\"n\" bindtap=\"bump\">{{n}} {{x}}</view>");
        int id = $(app, ".n").nodeId();
        RecordingListener ops = record(app);
        get($(app, ".n").tap());
        assertEquals("1", $(app, ".n").text());
        assertEquals(id, $(app, ".n").nodeId());
        assertEquals(List.of("text"), ops.kinds());
        assertEquals("page", $(app, "#p").text());
    }

    @Test
    void the_view_gets_each_set_data_as_it_was_called_even_if_an_observer_changes_the_value_afterwards() throws Exception {
        MiniProgram app = launchWithCard("Page({ data: { o: { n: 0 } } });",
                "<text id=\"p\">{{o.n}}</text><my-card id=\"c\"/>",
                "Component({ data: { x: 0, o: { n: 0 } },"
                        + " observers: { x() { const mine = { n: 1 }; const page = { n: 1 };"
                        + " this.setData({ o: mine }); getCurrentPages()[0].setData({ o: page }); mine.n = 2; page.n = 2; } },"
                        + " methods: { bump() { this.setData({ x: 1 }); } } });",
                "<text class=\"t\">{{x}} {{o.n}}</text>");
        call($(app, "#c").component().orElseThrow(), "bump");
        assertEquals("1 1", $(app, ".t").text(), "two setData of the component in one batch");
        assertEquals("1", $(app, "#p").text(), "the page's one setData in the component's batch");
        assertEquals(json("{\"o\":{\"n\":1}}"), app.pageData());
    }

    @Test
    void owners_given_the_same_patch_keep_their_own_data_when_one_of_them_changes_it_later() throws Exception {
        // The page's and the component's setData below are the same JSON text, which the host reads once.
        MiniProgram app = launchWithCard("Page({ data: { o: { n: 0 }, m: 0 } });",
                "<text id=\"p\">{{o.n}} {{m}}</text><my-card id=\"c\"/>",
                "Component({ data: { o: { n: 0 } }, methods: {"
                        + " same() { getCurrentPages()[0].setData({ o: { n: 1 } }); this.setData({ o: { n: 1 } }); },"
                        + " change() { this.setData({ 'o.n': 2 }); getCurrentPages()[0].setData({ m: 1 }); } } });",
                "<text class=\"t\">{{o.n}}</text>");
        ComponentHandle card = $(app, "#c").component().orElseThrow();
        call(card, "same");
        call(card, "change");
        assertEquals("2", $(app, ".t").text());
        assertEquals("1 1", $(app, "#p").text(), "the page's view, rendered again after the component's change");
        assertEquals(json("{\"o\":{\"n\":1},\"m\":1}"), app.pageData());
    }

    @Test
    void a_patch_the_view_refuses_costs_the_batch_but_later_set_data_still_reaches_the_view() throws Exception {
        // The card's patch is past the host's string limit; its observer's page patch is queued after it.
        MiniProgram app = launchWithCard("Page({ data: { m: 0 } });",
                "<text id=\"p\">{{m}}</text><my-card id=\"c\"/>",
                "Component({ data: { a: '' }, observers: { a() { getCurrentPages()[0].setData({ m: 1 }); } }, methods: {"
                        + " tooLong() { try { this.setData({ a: 'x'.repeat(20000001) }); } catch (e) { console.log(e.name); } },"
                        + " later() { getCurrentPages()[0].setData({ m: 2 }); } } });",
                "<text class=\"t\">{{a.length}}</text>");
        ComponentHandle card = $(app, "#c").component().orElseThrow();
        call(card, "tooLong");
        waitForConsole(app, "RangeError");
        call(card, "later");
        assertEquals("2", $(app, "#p").text());
        assertEquals(json("{\"m\":2}"), app.pageData());
    }

    @Test
    void a_host_element_reaches_its_component_instance_and_a_built_in_has_none() throws Exception {
        MiniProgram app = launchWithCard("Page({ data: { label: 'hi' } });",
                "<my-card id=\"c\" label=\"{{label}}\"/><view class=\"plain\"/>",
                "Component({ properties: { label: String }, data: { n: 1, list: [{ v: 'a' }] },"
                        + " observers: { n(n) { console.log('observed ' + n); } },"
                        + " methods: { bump(by) { this.setData({ n: this.data.n + by }); return this.is + ' ' + this.data.n; },"
                        + " later() { return Promise.resolve(this.data.list); } } });",
                "<text class=\"t\">{{label}} {{n}} {{list[0].v}}</text>");
        ComponentHandle card = $(app, "#c").component().orElseThrow();
        assertTrue($(app, ".plain").component().isEmpty());
        assertTrue($(app, ".t").component().isEmpty());
        assertEquals(json("{\"label\":\"hi\",\"n\":1,\"list\":[{\"v\":\"a\"}]}"), get(card.data(null)));
        assertEquals(json("\"a\""), get(card.data("list[0].v")));

        get(card.setData((ObjectNode) json("{\"n\": 4, \"list[0].v\": \"b\"}")));
        assertEquals("hi 4 b", $(app, ".t").text(), "the view has the update when the future completes");
        assertEquals(List.of("observed 4"), console(app), "observers run as for this.setData");

        assertEquals(json("\"components/card/card 6\""), get(card.callMethod("bump", (ArrayNode) json("[2]"))));
        assertEquals("hi 6 b", $(app, ".t").text());
        assertEquals(json("[{\"v\":\"b\"}]"), call(card, "later"));

        ExecutionException missing = assertThrows(ExecutionException.class, () -> card.callMethod("nope", (ArrayNode) json("[]")).get());
        assertTrue(missing.getCause().getMessage().endsWith("component components/card/card has no method nope"),
                missing.getCause().getMessage());
    }

    @Test
    void default_and_named_slots_take_the_host_children() throws Exception {
        MiniProgram app = launchWithCard("Page({ data: { a: 'A', extra: false }, more() { this.setData({ a: 'B', extra: true }); } });",
                "<my-card><text slot=\"title\">T</text><view class=\"body\">{{a}}</view>"
                        + "<view tt:if=\"{{extra}}\" class=\"extra\">E</view></my-card>",
                "Component({});",
                "<view class=\"head\"><slot name=\"title\"/></view><view class=\"main\"><slot/></view><view class=\"foot\"><slot name=\"none\"/></view>");
        assertEquals("T", $(app, ".head").text());
        assertEquals("A", $(app, ".main").text());
        call(app, "more");
        assertEquals("B E", $(app, ".main").text());
        assertEquals("", $(app, ".foot").text());
        assertEquals(List.of("slot"), app.view().$$(".main > slot").stream().map(ViewElement::tag).toList());
    }

    @Test
    void lifetimes_run_in_the_documented_order_around_the_page_hooks() throws Exception {
        Path project = Fixture.in(dir)
                .page("pages/index/index", "Page({ data: { show: true, list: ['a', 'b'] },"
                        + " onLoad() { console.log('page onLoad'); }, onShow() { console.log('page onShow'); },"
                        + " onReady() { console.log('page onReady'); },"
                        + " hide() { this.setData({ show: false }); }, swap() { this.setData({ list: ['b', 'a'] }); } });",
                        "<outer-box tt:if=\"{{show}}\" name=\"o\"/><inner-item tt:for=\"{{list}}\" tt:key=\"*this\" name=\"{{item}}\"/>")
                .file("pages/index/index.json", "{\"usingComponents\": {\"outer-box\": \"/c/outer\", \"inner-item\": \"/c/inner\"}}")
                .component("c/outer", lifetimes(), "<inner-item name=\"nested\"/>", "\"usingComponents\": {\"inner-item\": \"./inner\"}")
                .component("c/inner", lifetimes(), "<text>{{name}}</text>", "")
                .write();
        MiniProgram app = launch(project);
        waitForConsole(app, "page onReady");
        // created sees the property defaults; the host's values arrive before attached.
        assertEquals(List.of("created c/outer \"\"", "created c/inner \"\"", "created c/inner \"\"", "created c/inner \"\"",
                "attached o", "attached nested", "attached a", "attached b",
                "page onLoad", "page onShow",
                "ready b", "ready a", "ready nested", "ready o", "page onReady"), console(app));
        call(app, "swap");
        call(app, "hide");
        List<String> later = console(app).subList(15, console(app).size());
        assertEquals(List.of("moved b", "detached o", "detached nested"), later);
    }

    @Test
    void a_page_built_with_component_is_attached_before_its_components_and_has_the_platforms_node_ids() throws Exception {
        MiniProgram app = launchWithCard(
                "Component({ lifetimes: { created() { console.log('page created'); },"
                        + " attached() { this.ready = true; this.setData({ step: 'attached' });"
                        + "   console.log('page attached', this.__nodeId__, typeof this.__webviewId__, this.__route__); } },"
                        + " methods: { linked(e) { console.log('page heard child', this.ready, e.detail.webviewId === this.__webviewId__); } } });",
                "<my-card bind:link=\"linked\"/>",
                "Component({ lifetimes: { created() { console.log('child created'); },"
                        + " attached() { console.log('child attached', this.__nodeId__ > 0);"
                        + "   this.triggerEvent('link', { webviewId: this.__webviewId__ }); } } });",
                "<text>card</text>");
        waitForConsole(app, "page heard child true true");
        assertEquals(List.of("page created", "page attached 0 number pages/index/index", "child created", "child attached true",
                "page heard child true true"), console(app));
        assertEquals("attached", app.pageData().path("step").asText(), "the embedder sees data set in the page's attached");
    }

    @Test
    void an_independent_subpackage_page_gets_no_global_component_of_the_main_package() throws Exception {
        Fixture project = Fixture.in(dir)
                .page("pages/index/index", "Page({});", "<gc/>")
                .appJson("\"usingComponents\": {\"gc\": \"/comp/c\"},"
                        + " \"subpackages\": [{\"root\": \"free\", \"pages\": [\"p/p\"], \"independent\": true}]")
                .component("comp/c", "Component({});", "<text class=\"from-gc\">gc</text>", "")
                .file("free/p/p.js", "Page({});")
                .file("free/p/p.ttml", "<gc/>");
        MiniProgram main = launch(project.write());
        assertEquals(List.of("gc"), texts(main, ".from-gc"));
        MiniProgram free = launch(LaunchOptions.builder(project.write()).page("free/p/p"));
        assertEquals(List.of(), texts(free, ".from-gc"));
        assertTrue(entries(free, HostEvent.Kind.WARN).stream().anyMatch(w -> w.startsWith("free/p/p.ttml:1:1:") && w.contains("gc")),
                entries(free, HostEvent.Kind.WARN).toString());
    }

    private static String lifetimes() {
        return "Component({ properties: { name: String }, lifetimes: {"
                + " created() { console.log('created', this.is, JSON.stringify(this.data.name)); },"
                + " attached() { console.log('attached', this.data.name); }, ready() { console.log('ready', this.data.name); },"
                + " moved() { console.log('moved', this.data.name); }, detached() { console.log('detached', this.data.name); } } });";
    }

    @Test
    void trigger_event_reaches_the_host_binding_and_bubbles_only_as_asked() throws Exception {
        MiniProgram app = launchWithCard(
                "Page({ onMy(e) { console.log('page ' + e.type + ' ' + e.currentTarget.id + '/' + e.target.id + ' '"
                        + " + JSON.stringify(e.detail) + ' ' + JSON.stringify(e.target.dataset)); } });",
                "<view id=\"wrap\" bind:plain=\"onMy\" bind:bubbly=\"onMy\">"
                        + "<my-card id=\"card\" data-card-no=\"{{3}}\" bind:plain=\"onMy\" bindbubbly=\"onMy\"/></view>",
                "Component({ methods: { fire() { this.triggerEvent('plain', { a: 1 });"
                        + " this.triggerEvent('bubbly', { b: 2 }, { bubbles: true }); } } });",
                "<view class=\"btn\" bindtap=\"fire\">fire</view>");
        get($(app, ".btn").tap());
        assertEquals(List.of("page plain card/card {\"a\":1} {\"cardNo\":3}", "page bubbly card/card {\"b\":2} {\"cardNo\":3}",
                "page bubbly wrap/card {\"b\":2} {\"cardNo\":3}"), console(app));
    }

    @Test
    void composed_events_leave_the_components_they_start_in_and_others_stay() throws Exception {
        Path project = Fixture.in(dir)
                .page("pages/index/index", "Page({ onEv(e) { console.log('page got ' + e.type + ' target ' + e.target.id); } });",
                        "<view bind:deep=\"onEv\" bind:shallow=\"onEv\"><outer-box id=\"ob\"/></view>")
                .file("pages/index/index.json", "{\"usingComponents\": {\"outer-box\": \"/c/outer\"}}")
                .component("c/outer", "Component({ methods: { onEv(e) { console.log('outer got ' + e.type + ' target ' + e.target.id); } } });",
                        "<view bind:deep=\"onEv\" bind:shallow=\"onEv\"><inner-item id=\"ii\"/></view>",
                        "\"usingComponents\": {\"inner-item\": \"./inner\"}")
                .component("c/inner", "Component({ methods: { go() {"
                        + " this.triggerEvent('shallow', {}, { bubbles: true });"
                        + " this.triggerEvent('deep', {}, { bubbles: true, composed: true }); } } });",
                        "<view class=\"go\" bindtap=\"go\">go</view>", "")
                .write();
        MiniProgram app = launch(project);
        get($(app, ".go").tap());
        assertEquals(List.of("outer got shallow target ii", "outer got deep target ii", "page got deep target ob"), console(app));
    }

    @Test
    void a_tap_inside_a_component_reaches_page_handlers_with_the_host_as_target() throws Exception {
        MiniProgram app = launchWithCard(
                "Page({ tapped(e) { console.log('page', e.currentTarget.id, e.target.id); } });",
                "<view id=\"outer\" bindtap=\"tapped\"><my-card id=\"card\"/></view>",
                "Component({ methods: { own(e) { console.log('card', e.currentTarget.id, e.target.id); } } });",
                "<view id=\"inner\" bindtap=\"own\">x</view>");
        get($(app, "#inner").tap());
        assertEquals(List.of("card inner inner", "page outer card"), console(app));
    }

    @Test
    void classes_are_scoped_per_component_and_external_classes_take_the_parent_scope() throws Exception {
        MiniProgram app = launchWithCard("Page({});",
                "<my-card class=\"host\" title-class=\"red big\"/>",
                "Component({ externalClasses: ['title-class'] });",
                "<view class=\"title title-class\">x</view>");
        String html = app.view().html();
        String prefix = StyleScope.prefixFor("components/card/card");
        assertTrue(html.contains("<my-card data-nid=\"2\" tt-host=\"" + prefix + "\" class=\"host\">"), html);
        assertTrue(html.contains("class=\"" + prefix + "--title red big\""), html);
        assertEquals(1, app.view().$$(".title").size(), "selectors match classes as the template wrote them");
    }

    @Test
    void select_component_finds_instances_of_the_own_template_and_gives_their_api() throws Exception {
        MiniProgram app = launchWithCard(
                "Page({ onReady() { const c = this.selectComponent('#card'); c.bump();"
                        + " console.log(c.is, c.id, JSON.stringify(c.dataset), c.data.n, this.selectAllComponents('my-card').length,"
                        + " this.selectComponent('.nothing'));"
                        + " this.selectComponent('#card', (r) => console.log('async', r.data.n)); } });",
                "<my-card id=\"card\" data-x=\"1\"/><my-card/>",
                "Component({ data: { n: 0 }, methods: { bump() { this.setData({ n: 5 }); } } });",
                "<text class=\"n\">{{n}}</text>");
        waitForConsole(app, "async 5");
        assertEquals("components/card/card card {\"x\":\"1\"} 5 2 null", console(app).get(0));
        assertEquals("5", app.view().$$(".n").get(0).text());
    }

    @Test
    void behaviors_merge_data_methods_and_lifetimes_behavior_first() throws Exception {
        MiniProgram app = launchWithCard("Page({});", "<my-card/>",
                "const b = Behavior({ data: { fromB: 'b', shared: { x: 1 } }, properties: { p: { type: String, value: 'bp' } },"
                        + " attached() { console.log('behavior attached'); }, methods: { hello() { return 'from behavior'; }, who() { return 'b'; } } });"
                        + "Component({ behaviors: [b], data: { shared: { y: 2 } },"
                        + " attached() { console.log('component attached', this.hello(), this.who(), this.hasBehavior(b)); },"
                        + " methods: { who() { return 'c'; } } });",
                "<text class=\"t\">{{fromB}} {{shared.x}}{{shared.y}} {{p}}</text>");
        assertEquals("b 12 bp", $(app, ".t").text());
        assertEquals(List.of("behavior attached", "component attached from behavior c true"), console(app));
    }

    @Test
    void page_lifetimes_reach_components_before_the_page_hooks() throws Exception {
        MiniProgram app = launchWithCard("Page({ onShow() { console.log('page onShow'); }, onHide() { console.log('page onHide'); } });",
                "<my-card/>",
                "Component({ pageLifetimes: { show() { console.log('card show'); }, hide() { console.log('card hide'); } } });",
                "<view/>");
        app.hide();
        app.show();
        waitUntil(() -> console(app).size() == 6);
        assertEquals(List.of("card show", "page onShow", "card hide", "page onHide", "card show", "page onShow"), console(app));
    }

    @Test
    void set_data_from_an_observer_during_a_render_is_applied_right_after_it() throws Exception {
        MiniProgram app = launchWithCard("Page({ data: { v: 2 }, up() { this.setData({ v: 3 }); } });",
                "<my-card value=\"{{v}}\"/>",
                "Component({ properties: { value: Number }, data: { double: 0 },"
                        + " observers: { value(v) { this.setData({ double: v * 2 }); } } });",
                "<text class=\"d\">{{value}}x2={{double}}</text>");
        assertEquals("2x2=4", $(app, ".d").text());
        call(app, "up");
        assertEquals("3x2=6", $(app, ".d").text());
        assertEquals(List.of(), entries(app, HostEvent.Kind.ERROR));
    }

    @Test
    void components_use_their_own_using_components_and_unknown_tags_warn() throws Exception {
        Path project = Fixture.in(dir)
                .page("pages/index/index", "Page({});", "<outer-box/><inner-item/>")
                .file("pages/index/index.json", "{\"usingComponents\": {\"outer-box\": \"/c/outer\"}}")
                .component("c/outer", "Component({});", "<inner-item/>", "\"usingComponents\": {\"inner-item\": \"./inner\"}")
                .component("c/inner", "Component({});", "<text class=\"in\">inner</text>", "")
                .write();
        MiniProgram app = launch(project);
        assertEquals(1, app.view().$$(".in").size());
        assertTrue(app.view().html().contains("<tt-inner-item data-nid="), app.view().html());
        assertEquals(List.of("pages/index/index.ttml:1:13: unknown tag <inner-item>: rendered as a plain container"
                + " (it is neither a built-in component nor in usingComponents of pages/index/index)"), entries(app, HostEvent.Kind.WARN));
    }

    @Test
    void a_page_built_with_component_renders_and_handles_events() throws Exception {
        MiniProgram app = launchPage("Component({ data: { n: 1 }, methods: { bump() { this.setData({ n: this.data.n + 1 }); } } });",
                "<view id=\"b\" bindtap=\"bump\">{{n}}</view>");
        get($(app, "#b").tap());
        assertEquals("2", $(app, "#b").text());
    }

    /** The ColorUI pattern: tab pages built with Component() that the index page also shows as components. */
    @Test
    void a_page_built_with_component_is_also_a_component_of_another_page() throws Exception {
        String tabJs = "Component({ properties: { label: String }, data: { n: 0 },"
                + " methods: { onLoad(q) { console.log('tab loaded as a page, q=' + q.q); }, bump() { this.setData({ n: this.data.n + 1 }); } } });";
        String tabTtml = "<view class=\"tab\" bindtap=\"bump\">{{label}}:{{n}}</view>";
        for (boolean tabListedFirst : new boolean[] {false, true}) {
            Fixture fixture = Fixture.in(dir.resolve("order-" + tabListedFirst));
            if (tabListedFirst) {
                fixture.page("pages/tab/tab", tabJs, tabTtml);
            }
            fixture.page("pages/index/index", "Page({});", "<tab-view label=\"home\"/>")
                    .file("pages/index/index.json", "{\"usingComponents\": {\"tab-view\": \"/pages/tab/tab\"}}");
            if (!tabListedFirst) {
                fixture.page("pages/tab/tab", tabJs, tabTtml);
            }
            Path project = fixture.file("pages/tab/tab.json", "{\"component\": true}").write();

            MiniProgram index = launch(LaunchOptions.builder(project).page("pages/index/index"));
            get($(index, ".tab").tap());
            assertEquals("home:1", $(index, ".tab").text());
            MiniProgram tab = launch(LaunchOptions.builder(project).page("pages/tab/tab").query(Map.of("q", "7")));
            assertEquals(":0", $(tab, ".tab").text());
            assertEquals(List.of("tab loaded as a page, q=7"), console(tab));
            assertEquals(List.of(), entries(index, HostEvent.Kind.ERROR));
            assertEquals(List.of(), entries(tab, HostEvent.Kind.ERROR));
        }
    }

    @Test
    void a_page_built_with_page_cannot_be_used_as_a_component() throws Exception {
        Path project = Fixture.in(dir)
                .page("pages/index/index", "Page({});", "<tab-view/>")
                .file("pages/index/index.json", "{\"usingComponents\": {\"tab-view\": \"/pages/tab/tab\"}}")
                .page("pages/tab/tab", "Page({});", "<view/>")
                .file("pages/tab/tab.json", "{\"component\": true}")
                .write();
        LaunchException refused = assertThrows(LaunchException.class, () -> launch(project));
        assertEquals("pages/tab/tab.js did not call Component() (it is a page app.json lists and a component other files"
                + " use: only Component() builds both)", refused.getMessage());
    }

    @Test
    void observers_watch_paths_wildcards_and_skip_deep_equal_values() throws Exception {
        MiniProgram app = launchWithCard("Page({});", "<my-card id=\"c\"/>",
                "Component({ data: { a: { b: 1, c: 1 }, list: [1, 2] },"
                        + " observers: { 'a.b': function (b) { console.log('a.b', b); },"
                        + "  'list[1]': function (v) { console.log('list[1]', v); },"
                        + "  'a.**': function (a) { console.log('a.**', JSON.stringify(a)); },"
                        + "  '**': function (all) { console.log('**', Object.keys(all).join()); } },"
                        + " methods: { step() {"
                        + "  this.setData({ 'a.c': 2 });"
                        + "  this.setData({ 'list[1]': 3 });"
                        + "  this.setData({ a: { b: 1, c: 2 } }); } } });",
                "<view class=\"go\" bindtap=\"step\">go</view>");
        get($(app, ".go").tap());
        assertEquals(List.of("a.** {\"b\":1,\"c\":2}", "** a,list", "list[1] 3", "** a,list"), console(app),
                "a.b did not change; the last setData is deep-equal and fires nothing");
    }
}
