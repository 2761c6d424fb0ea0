package dev.ttrtc.view;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.ttrtc.runtime.MiniProgram;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A render after setData evaluates again only the nodes that read the changed top-level fields:
 * what that skips, and every way a node can read a field without naming it (loop variables,
 * template data, includes, slots, branches that appear).
 */
class PartialRenderTest extends ViewTestBase {

    @Test
    void a_node_whose_fields_did_not_change_is_not_evaluated_again() throws Exception {
        // The SJS counter shows each evaluation: the phone would call it on every setData.
        MiniProgram app = launchPage("Page({ data: { a: 'A', b: 'B' },"
                + " setB() { this.setData({ b: 'B2' }); }, setA() { this.setData({ a: 'A2' }); } });",
                "<sjs module=\"m\">var calls = 0; module.exports = { tag: function (x) { calls++; return x + ':' + calls; } };</sjs>"
                        + "<view class=\"outer\"><text class=\"a\">{{m.tag(a)}}</text><text class=\"b\">{{b}}</text></view>");
        assertEquals("A:1", $(app, ".a").text());
        call(app, "setB");
        assertEquals("B2", $(app, ".b").text());
        assertEquals("A:1", $(app, ".a").text());
        call(app, "setA");
        assertEquals("A2:2", $(app, ".a").text());
    }

    @Test
    void nodes_reading_loop_variables_follow_the_list_they_come_from_through_nested_loops() throws Exception {
        MiniProgram app = launchPage("Page({ data: { suffix: '.', groups: [{ name: 'x', rows: ['a', 'b'] }, { name: 'y', rows: ['c'] }] },"
                + " row() { this.setData({ 'groups[1].rows[0]': 'z' }); }, suffix() { this.setData({ suffix: '!' }); } });",
                "<view tt:for=\"{{groups}}\" tt:for-item=\"g\" class=\"g\">"
                        + "<text tt:for=\"{{g.rows}}\" tt:for-item=\"r\" tt:for-index=\"ri\" class=\"r\">{{g.name}}{{ri}}{{r}}{{suffix}}</text>"
                        + "</view>");
        assertEquals(List.of("x0a.", "x1b.", "y0c."), texts(app, ".r"));
        call(app, "row");
        assertEquals(List.of("x0a.", "x1b.", "y0z."), texts(app, ".r"));
        call(app, "suffix");
        assertEquals(List.of("x0a!", "x1b!", "y0z!"), texts(app, ".r"));
    }

    @Test
    void a_branch_that_appears_is_rendered_whole_though_its_own_fields_did_not_change() throws Exception {
        MiniProgram app = launchPage("Page({ data: { show: false, name: 'n', list: [1, 2] },"
                + " show() { this.setData({ show: true }); }, hide() { this.setData({ show: false }); } });",
                "<view tt:if=\"{{show}}\" class=\"x\"><text class=\"name\">{{name}}</text>"
                        + "<view tt:for=\"{{list}}\" class=\"i\">{{item}}</view></view><view tt:else class=\"none\">none</view>");
        assertEquals("none", $(app, ".none").text());
        call(app, "show");
        assertEquals("n", $(app, ".name").text());
        assertEquals(List.of("1", "2"), texts(app, ".i"));
        call(app, "hide");
        assertEquals(List.of(), texts(app, ".x"));
        assertEquals("none", $(app, ".none").text());
    }

    @Test
    void a_template_renders_again_when_what_its_data_reads_changed() throws Exception {
        MiniProgram app = launchPage("Page({ data: { a: 'A', b: 'B', list: [{ v: 1 }, { v: 2 }] },"
                + " setB() { this.setData({ b: 'B2' }); }, setA() { this.setData({ a: 'A2' }); },"
                + " item() { this.setData({ 'list[1].v': 3 }); } });",
                "<template name=\"t\"><text class=\"t\">{{v}}</text></template>"
                        + "<template is=\"t\" data=\"{{v: a}}\"/><text class=\"b\">{{b}}</text>"
                        + "<block tt:for=\"{{list}}\"><template is=\"t\" data=\"{{...item}}\"/></block>");
        assertEquals(List.of("A", "1", "2"), texts(app, ".t"));
        call(app, "setB");
        assertEquals(List.of("A", "1", "2"), texts(app, ".t"));
        call(app, "setA");
        call(app, "item");
        assertEquals(List.of("A2", "1", "3"), texts(app, ".t"));
    }

    @Test
    void an_included_file_reads_the_loop_variables_of_the_file_that_includes_it() throws Exception {
        Path project = Fixture.in(dir)
                .page("pages/index/index", "Page({ data: { list: [{ label: 'a' }, { label: 'b' }] },"
                        + " relabel() { this.setData({ 'list[0].label': 'z' }); } });",
                        "<view tt:for=\"{{list}}\" class=\"row\"><include src=\"row.ttml\"/></view>")
                .file("pages/index/row.ttml", "<text class=\"label\">{{index}}{{item.label}}</text>")
                .write();
        MiniProgram app = launch(project);
        assertEquals(List.of("0a", "1b"), texts(app, ".label"));
        call(app, "relabel");
        assertEquals(List.of("0z", "1b"), texts(app, ".label"));
    }

    @Test
    void slot_content_follows_the_page_and_stays_when_the_component_renders_its_own_change() throws Exception {
        MiniProgram app = launchWithCard("Page({ data: { a: 'A' }, setA() { this.setData({ a: 'A2' }); },"
                        + " bump() { this.selectComponent('#card').bump(); } });",
                "<my-card id=\"card\"><text class=\"s\">{{a}}</text></my-card>",
                "Component({ data: { n: 0 }, methods: { bump() { this.setData({ n: 1 }); } } });",
                "<view class=\"main\"><slot/></view><text class=\"own\">{{n}}</text>");
        call(app, "setA");
        assertEquals("A2", $(app, ".main").text());
        call(app, "bump");
        assertEquals("1", $(app, ".own").text());
        assertEquals("A2", $(app, ".main").text());
    }

    @Test
    void a_kept_node_that_a_new_sibling_moves_keeps_its_place_and_text() throws Exception {
        MiniProgram app = launchPage("Page({ data: { show: false, k: 'K', hide: false, h: 'first' },"
                + " show() { this.setData({ show: true }); }, hide() { this.setData({ hide: true }); },"
                + " handler() { this.setData({ h: 'second' }); },"
                + " first() { console.log('first'); }, second() { console.log('second'); } });",
                "<view class=\"x\" tt:if=\"{{show}}\">x</view><view class=\"k\">{{k}}</view>"
                        + "<view class=\"h\" hidden=\"{{hide}}\" bindtap=\"{{h}}\">h</view>");
        call(app, "show");
        assertEquals(List.of("x", "K", "h"), texts(app, "page > view"));
        call(app, "hide");
        assertEquals(false, $(app, ".h").visible());
        call(app, "handler");
        $(app, ".h").tap();
        waitForConsole(app, "second");
    }

    @Test
    void a_loop_over_an_object_follows_a_change_of_one_of_its_fields() throws Exception {
        MiniProgram app = launchPage("Page({ data: { obj: { a: 1, b: 2 } }, b() { this.setData({ 'obj.b': 3 }); } });",
                "<view tt:for=\"{{obj}}\" tt:for-index=\"key\" class=\"e\">{{key}}={{item}}</view>");
        call(app, "b");
        assertEquals(List.of("a=1", "b=3"), texts(app, ".e"));
    }

    @Test
    void a_property_follows_a_set_data_path_inside_the_object_passed() throws Exception {
        MiniProgram app = launchWithCard("Page({ data: { obj: { x: 1 } }, x() { this.setData({ 'obj.x': 2 }); } });",
                "<my-card obj=\"{{obj}}\"/>",
                "Component({ properties: { obj: Object } });",
                "<text class=\"x\">{{obj.x}}</text>");
        assertEquals("1", $(app, ".x").text());
        call(app, "x");
        assertEquals("2", $(app, ".x").text());
    }

    @Test
    void a_slot_inside_a_template_keeps_its_content_to_itself_when_the_component_renders_its_own_change() throws Exception {
        MiniProgram app = launchWithCard("Page({ bump() { this.selectComponent('#card').bump(); } });",
                "<my-card id=\"card\"><text>X</text></my-card>",
                "Component({ data: { n: 0 }, methods: { bump() { this.setData({ n: 1 }); } } });",
                "<template name=\"t\"><view class=\"a\"><slot/></view></template><template is=\"t\"/>"
                        + "<view class=\"b\"><slot/></view><text class=\"n\">{{n}}</text>");
        assertEquals(List.of("X", ""), texts(app, ".a, .b"));
        call(app, "bump");
        assertEquals("1", $(app, ".n").text());
        assertEquals(List.of("X", ""), texts(app, ".a, .b"));
    }
}
