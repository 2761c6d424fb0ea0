package dev.ttrtc.view;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ttrtc.runtime.HostEvent;
import dev.ttrtc.runtime.MiniProgram;
import dev.ttrtc.runtime.view.ViewElement;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/** The render tree and its patch ops: stable ids, only what changed, keyed moves, ordering with setData. */
class PatchTest extends ViewTestBase {

    @Test
    void the_first_render_shows_the_initial_data_and_set_data_patches_it() throws Exception {
        MiniProgram app = launchPage("Page({ data: { title: 'Hello', items: ['a', 'b'] },"
                + " rename() { this.setData({ title: 'Bye' }); } });",
                "<view id=\"root\" class=\"box\">\n  <text id=\"t\">{{title}}</text>\n"
                        + "  <view tt:for=\"{{items}}\" class=\"item\" data-index=\"{{index}}\">{{index}}:{{item}}</view>\n</view>");
        assertEquals("Hello", $(app, "#t").text());
        assertEquals(List.of("0:a", "1:b"), texts(app, ".item"));
        String html = app.view().html();
        assertTrue(html.startsWith("<!DOCTYPE html>"), html);
        assertTrue(html.contains("<tt-view data-nid=\"2\" id=\"root\" class=\"box\"><tt-text data-nid=\"3\" id=\"t\">"
                + "<tt-t data-nid=\"4\">Hello</tt-t></tt-text>"), html);
        call(app, "rename");
        assertEquals("Bye", $(app, "#t").text());
        assertEquals(json("{\"index\":1}"), app.view().$$(".item").get(1).dataset());
    }

    @Test
    void node_ids_stay_stable_across_set_data_and_one_text_change_is_one_text_op() throws Exception {
        MiniProgram app = launchPage("Page({ data: { n: 1, other: 'x' }, bump() { this.setData({ n: this.data.n + 1 }); } });",
                "<view class=\"a\"><text class=\"n\">{{n}}</text><text class=\"o\">{{other}}</text></view>");
        int viewId = $(app, ".a").nodeId();
        int textId = $(app, ".n").nodeId();
        RecordingListener ops = record(app);
        call(app, "bump");
        assertEquals(viewId, $(app, ".a").nodeId());
        assertEquals(textId, $(app, ".n").nodeId());
        assertEquals(1, ops.ops.size(), ops.ops.toString());
        ObjectNode op = ops.ops.get(0);
        assertEquals("text", op.get("op").asText());
        assertEquals("2", op.get("text").asText());
        assertEquals(textId + 1, op.get("id").asInt(), "the text node inside <text>");
    }

    @Test
    void a_keyed_reorder_moves_nodes_and_keeps_their_ids() throws Exception {
        MiniProgram app = launchPage("Page({ data: { list: [{id: 'a'}, {id: 'b'}, {id: 'c'}, {id: 'd'}] },"
                + " reverse() { this.setData({ list: this.data.list.slice().reverse() }); } });",
                "<view tt:for=\"{{list}}\" tt:key=\"id\" class=\"row\" id=\"{{item.id}}\">{{item.id}}</view>");
        List<Integer> before = app.view().$$(".row").stream().map(ViewElement::nodeId).toList();
        RecordingListener ops = record(app);
        call(app, "reverse");
        List<ViewElement> after = app.view().$$(".row");
        assertEquals(List.of("d", "c", "b", "a"), after.stream().map(ViewElement::id).toList());
        assertEquals(List.of(before.get(3), before.get(2), before.get(1), before.get(0)),
                after.stream().map(ViewElement::nodeId).toList());
        assertEquals(List.of("move", "move", "move"), ops.kinds(), ops.ops.toString());
    }

    @Test
    void an_unkeyed_list_is_matched_by_position() throws Exception {
        MiniProgram app = launchPage("Page({ data: { list: ['a', 'b', 'c'] },"
                + " drop() { this.setData({ list: ['b', 'c'] }); } });",
                "<view tt:for=\"{{list}}\" class=\"row\">{{item}}</view>");
        List<Integer> before = app.view().$$(".row").stream().map(ViewElement::nodeId).toList();
        RecordingListener ops = record(app);
        call(app, "drop");
        assertEquals(before.subList(0, 2), app.view().$$(".row").stream().map(ViewElement::nodeId).toList());
        assertEquals(List.of("text", "text", "remove"), ops.kinds());
    }

    @Test
    void one_item_of_a_thousand_changed_patches_that_item_only() throws Exception {
        MiniProgram app = launchPage("Page({ data: { list: Array.from({ length: 1000 }, (_, i) => ({ id: i, name: 'item ' + i })) },"
                + " change() { this.setData({ 'list[500].name': 'changed' }); } });",
                "<view tt:for=\"{{list}}\" tt:key=\"id\" class=\"row\"><text>{{item.name}}</text></view>");
        assertEquals(1000, app.view().$$(".row").size());
        RecordingListener ops = record(app);
        call(app, "change");
        assertEquals(1, ops.ops.size(), ops.ops.toString());
        assertEquals("text", ops.ops.get(0).get("op").asText());
        assertEquals("changed", ops.ops.get(0).get("text").asText());
        assertEquals("changed", app.view().$$(".row").get(500).text());
    }

    @Test
    void inserted_items_carry_their_html_and_removed_ones_their_id() throws Exception {
        MiniProgram app = launchPage("Page({ data: { list: ['a', 'c'] }, grow() { this.setData({ list: ['a', 'b', 'c'] }); },"
                + " shrink() { this.setData({ list: ['a'] }); } });",
                "<view tt:for=\"{{list}}\" tt:key=\"*this\" class=\"row\">{{item}}</view>");
        int cId = app.view().$$(".row").get(1).nodeId();
        RecordingListener ops = record(app);
        call(app, "grow");
        assertEquals(1, ops.ops.size());
        ObjectNode insert = ops.ops.get(0);
        assertEquals("insert", insert.get("op").asText());
        assertEquals(cId, insert.get("before").asInt());
        assertTrue(insert.get("html").asText().matches("<tt-view data-nid=\"\\d+\" class=\"row\"><tt-t data-nid=\"\\d+\">b</tt-t></tt-view>"),
                insert.toString());
        ops.clear();
        call(app, "shrink");
        assertEquals(List.of("remove", "remove"), ops.kinds());
    }

    @Test
    void attribute_changes_send_only_the_html_attributes_that_changed() throws Exception {
        MiniProgram app = launchPage("Page({ data: { on: false, c: 'x' }, flip() { this.setData({ on: true }); } });",
                "<view id=\"v\" class=\"{{c}} {{on ? 'on' : ''}}\" hidden=\"{{!on}}\" style=\"width: 375rpx\">v</view>");
        assertTrue(app.view().html().contains("class=\"x\" style=\"width: 196.5px\" hidden=\"\""), app.view().html());
        assertEquals(false, $(app, "#v").visible());
        RecordingListener ops = record(app);
        call(app, "flip");
        assertEquals(1, ops.ops.size());
        assertEquals(json("{\"class\":\"x on\",\"hidden\":null}"), ops.ops.get(0).get("attrs"));
        assertEquals(true, $(app, "#v").visible());
    }

    @Test
    void functions_and_undefined_do_not_reach_the_view() throws Exception {
        MiniProgram app = launchPage("Page({ data: { o: { keep: 1 } },"
                + " update() { this.setData({ o: { keep: 2, fn: function () {}, u: undefined }, arr: [1, undefined, function () {}] }); } });",
                "<text id=\"a\">{{o.keep}} {{o.fn}}|{{o.u}}|{{arr}}</text>");
        call(app, "update");
        assertEquals("2 ||1,,", $(app, "#a").text());
    }

    @Test
    void set_data_callback_runs_after_the_view_has_the_update() throws Exception {
        MiniProgram app = launchPage("Page({ data: { n: 0 }, bump() { this.setData({ n: 1 }, () => console.log('callback')); } });",
                "<text>{{n}}</text>");
        List<String> order = new CopyOnWriteArrayList<>();
        app.view().addListener(batch -> order.add("ops " + batch.get(0).get("op").asText()));
        app.events().subscribe(e -> {
            if (e.kind() == HostEvent.Kind.CONSOLE) {
                order.add("console " + e.text());
            }
        });
        call(app, "bump");
        waitUntil(() -> order.size() == 2);
        assertEquals(List.of("ops text", "console callback"), order);
    }

    @Test
    void the_page_renders_before_on_load_and_on_ready_follows_the_first_render() throws Exception {
        MiniProgram app = launchPage("Page({ data: { n: 1 },"
                + " onLoad() { tt.createSelectorQuery().select('#t').fields({ id: true, properties: ['class'] })"
                + "   .exec((r) => console.log('queried in onLoad', JSON.stringify(r))); },"
                + " onReady() { console.log('onReady'); } });",
                "<text id=\"t\" class=\"c\">{{n}}</text>");
        waitForConsole(app, "onReady");
        assertEquals(List.of("queried in onLoad [{\"id\":\"t\",\"class\":\"c\"}]", "onReady"), console(app));
    }

    @Test
    void a_page_without_ttml_renders_nothing_with_a_warning() throws Exception {
        MiniProgram app = launchPage("Page({});", null);
        assertEquals(List.of(), app.view().$$("view"));
        assertEquals(List.of("pages/index/index.ttml:1:1: pages/index/index.ttml does not exist: the page renders nothing"),
                entries(app, HostEvent.Kind.WARN));
    }

    @Test
    void a_malformed_template_fails_the_launch_with_its_location() {
        Exception e = org.junit.jupiter.api.Assertions.assertThrows(dev.ttrtc.runtime.LaunchException.class,
                () -> launchPage("Page({});", "<view>\n  <text>{{ a.indexOf(b) }}</text>\n</view>"));
        assertEquals("pages/index/index.ttml:2:14: method calls such as .indexOf() are not supported in {{ }} expressions"
                + " (only functions of an <sjs> module of this file can be called)", e.getMessage());
    }

    @Test
    void navigation_sends_the_new_page_whole() throws Exception {
        MiniProgram app = launch(Fixture.in(dir)
                .page("pages/a/a", "Page({ go() { tt.navigateTo({ url: '/pages/b/b' }); } });", "<view id=\"a\">A</view>")
                .page("pages/b/b", "Page({});", "<view id=\"b\">B</view>").write());
        RecordingListener ops = record(app);
        call(app, "go");
        waitUntil(() -> ops.kinds().contains("page"));
        ObjectNode page = ops.ops.get(ops.kinds().indexOf("page"));
        assertEquals("pages/b/b", page.get("route").asText());
        assertTrue(page.get("html").asText().contains("id=\"b\""));
        assertEquals("pages/b/b", app.view().route());
        assertEquals("B", $(app, "#b").text());
        assertNotEquals(0, page.get("css").asText().length());
    }

    @Test
    void a_page_shown_again_comes_whole_with_its_state_restored_but_no_command_run_again() throws Exception {
        MiniProgram app = launch(Fixture.in(dir)
                .page("pages/a/a", "Page({ play() { tt.createVideoContext('v').play(); },"
                        + " go() { tt.navigateTo({ url: '/pages/b/b' }); } });",
                        "<video id=\"v\" src=\"a.mp4\"/><input id=\"i\"/>")
                .page("pages/b/b", "Page({ back() { tt.navigateBack(); } });", "<view id=\"b\">B</view>").write());
        call(app, "play");
        get($(app, "#i").input("typed"));
        call(app, "go");
        waitUntil(() -> "pages/b/b".equals(app.view().route()));
        RecordingListener ops = record(app);
        call(app, "back");
        waitUntil(() -> ops.kinds().contains("page"));
        List<ObjectNode> values = ops.ops.subList(ops.kinds().indexOf("page") + 1, ops.ops.size());
        assertEquals(List.of("play true", "\"typed\" true"), values.stream().map(v -> (v.get("value").has("command")
                ? v.get("value").get("command").asText() : v.get("value").toString()) + " " + v.path("restore").asBoolean()).toList());
    }
}
