package dev.ttrtc.view;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ttrtc.runtime.MiniProgram;
import dev.ttrtc.runtime.view.ViewElement;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ExecutionException;
import org.junit.jupiter.api.Test;

/** MiniProgram.view(): selectors, element reads and actions, html(); selector queries and pageScrollTo from JS. */
class ConsumerViewTest extends ViewTestBase {
    private static final String TTML = "<view id=\"list\" class=\"list main\">"
            + "<view tt:for=\"{{items}}\" class=\"row {{item.on ? 'on' : ''}}\" data-id=\"{{item.id}}\" data-item-name=\"{{item.name}}\">"
            + "<text class=\"name\">{{item.name}}</text></view></view>"
            + "<view class=\"foot\"><text class=\"name\" hidden>hidden</text><input id=\"in\" type=\"number\"/></view>";
    private static final String JS = "Page({ data: { items: [{ id: 1, name: 'one', on: true }, { id: 2, name: 'two' }] } });";

    private static List<String> texts(List<ViewElement> elements) {
        return elements.stream().map(ViewElement::text).toList();
    }

    @Test
    void selectors_by_tag_class_id_attribute_and_combinators() throws Exception {
        MiniProgram app = launchPage(JS, TTML);
        assertEquals(List.of("one", "two", ""), texts(app.view().$$("text")), "a hidden element shows nothing");
        assertEquals(List.of("one", "two"), texts(app.view().$$("#list .name")));
        assertEquals(List.of("one", "two"), texts(app.view().$$(".list > .row > text")));
        assertEquals(List.of(), app.view().$$(".list > text"));
        assertEquals(List.of("one"), texts(app.view().$$(".row.on")));
        assertEquals(List.of("two"), texts(app.view().$$("[data-id=2]")));
        assertEquals(List.of("two"), texts(app.view().$$("view[data-item-name=\"two\"]")));
        assertEquals(3, app.view().$$("[data-id], #in").size());
        assertEquals("input", app.view().$("#in").orElseThrow().tag());
        assertTrue(app.view().$(".nothing").isEmpty());
        assertThrows(IllegalArgumentException.class, () -> app.view().$("view:first-child"));
    }

    @Test
    void element_reads() throws Exception {
        MiniProgram app = launchPage(JS, TTML);
        ViewElement row = app.view().$$(".row").get(1);
        assertEquals("row ", row.attr("class").orElseThrow());
        assertTrue(row.attr("nope").isEmpty());
        assertEquals(json("{\"id\":2,\"itemName\":\"two\"}"), row.dataset());
        assertEquals("list", $(app, ".main").id());
        assertEquals("one two", $(app, "#list").text());
        assertEquals("", $(app, ".foot").text(), "hidden text does not show; an empty input shows nothing");
        assertFalse(app.view().$$(".name").get(2).visible());
        assertTrue(row.visible());
        assertEquals(List.of("view", "view"), $(app, "#list").children().stream().map(ViewElement::tag).toList());
    }

    @Test
    void attributes_markup_and_box() throws Exception {
        MiniProgram app = launchPage(JS, TTML);
        ViewElement row = app.view().$$(".row").get(1);
        assertEquals(java.util.Map.of("class", "row ", "data-id", "2", "data-item-name", "two"), row.attributes());
        assertEquals("<view class=\"row \" data-id=\"2\" data-item-name=\"two\"><text class=\"name\">two</text></view>",
                row.markup(true));
        assertEquals("<text class=\"name\">two</text>", row.markup(false));
        double[] first = app.view().$$(".row").get(0).box().orElseThrow();
        double[] second = row.box().orElseThrow();
        assertEquals(first[0], second[0], "rows stack at the same left");
        assertTrue(second[1] > first[1] && second[2] > 0 && second[3] > 0, java.util.Arrays.toString(second));
    }

    @Test
    void html_is_a_standalone_document_with_css() throws Exception {
        MiniProgram app = launchPage(JS, TTML);
        String html = app.view().html();
        assertTrue(html.startsWith("<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\">"), html);
        assertTrue(html.contains("<style>\nhtml, body { margin: 0; }\ntt-page { display: block;"), html);
        assertTrue(html.contains("<tt-text data-nid=\"4\" class=\"name\"><tt-t data-nid=\"5\">one</tt-t></tt-text>"), html);
        assertTrue(html.endsWith("</tt-page></body></html>\n"), html);
        assertEquals("pages/index/index", app.view().route());
    }

    @Test
    void actions_on_an_element_that_left_the_page_fail_and_reads_answer_empty() throws Exception {
        MiniProgram app = launchPage("Page({ data: { show: true }, hide() { this.setData({ show: false }); } });",
                "<view id=\"v\" tt:if=\"{{show}}\">x</view>");
        ViewElement v = $(app, "#v");
        call(app, "hide");
        assertEquals("", v.text());
        assertFalse(v.visible());
        ExecutionException e = assertThrows(ExecutionException.class, () -> get(v.tap()));
        assertTrue(e.getCause().getMessage().endsWith("is no longer in the page"), e.getCause().getMessage());
        ExecutionException notInput = assertThrows(ExecutionException.class, () -> get($(app, "page").input("x")));
        assertEquals("cannot type into <page>", notInput.getCause().getMessage());
    }

    @Test
    void a_listener_can_be_removed() throws Exception {
        MiniProgram app = launchPage("Page({ data: { n: 0 }, bump() { this.setData({ n: this.data.n + 1 }); } });", "<text>{{n}}</text>");
        RecordingListener listener = new RecordingListener();
        AutoCloseable handle = app.view().addListener(listener);
        call(app, "bump");
        handle.close();
        call(app, "bump");
        assertEquals(1, listener.ops.size());
    }

    @Test
    void selector_queries_answer_from_the_tree_under_the_layout_rule() throws Exception {
        MiniProgram app = launchPage("Page({ onReady() { tt.createSelectorQuery()"
                + ".select('#b').boundingClientRect()"
                + ".selectAll('.row').fields({ id: true, dataset: true, size: true, properties: ['class'], computedStyle: ['height'] })"
                + ".selectViewport().scrollOffset()"
                + ".select('#none').boundingClientRect()"
                + ".exec((res) => console.log(JSON.stringify(res))); } });",
                "<view id=\"a\" style=\"height: 100px\">a</view>"
                        + "<view id=\"b\" style=\"width: 375rpx; height: 40px\" data-k=\"v\">b</view>"
                        + "<view class=\"row\" id=\"r1\">one</view><view class=\"row\" id=\"r2\" style=\"height: 60px\">two</view>");
        waitUntil(() -> !console(app).isEmpty());
        assertEquals(json("[{\"id\":\"b\",\"dataset\":{\"k\":\"v\"},\"left\":0,\"right\":196.5,\"top\":100,\"bottom\":140,"
                        + "\"width\":196.5,\"height\":40},"
                        + "[{\"id\":\"r1\",\"dataset\":{},\"width\":393,\"height\":20,\"class\":\"row\",\"height\":\"\"},"
                        + "{\"id\":\"r2\",\"dataset\":{},\"width\":393,\"height\":60,\"class\":\"row\",\"height\":\"60px\"}],"
                        + "{\"id\":\"\",\"dataset\":{},\"scrollLeft\":0,\"scrollTop\":0,\"scrollWidth\":393,\"scrollHeight\":852},null]")
                .toString().replace("\"height\":20,\"class\":\"row\",\"height\":\"\"", "\"height\":\"\",\"class\":\"row\"")
                .replace("\"height\":60,\"class\":\"row\",\"height\":\"60px\"", "\"height\":\"60px\",\"class\":\"row\""),
                json(console(app).get(0)).toString());
    }

    @Test
    void a_component_selector_query_is_scoped_to_its_template() throws Exception {
        Path project = Fixture.in(dir)
                .page("pages/index/index", "Page({ onReady() {"
                        + " tt.createSelectorQuery().selectAll('.x').fields({ id: true }).exec((r) => console.log('page', JSON.stringify(r[0])));"
                        + " tt.createSelectorQuery().selectAll('.page >>> .x').fields({ id: true }).exec((r) => console.log('deep', JSON.stringify(r[0]))); } });",
                        "<view class=\"page\"><view class=\"x\" id=\"p\"/><my-card/></view>")
                .file("pages/index/index.json", "{\"usingComponents\": {\"my-card\": \"/c/card\"}}")
                .component("c/card", "Component({ ready() {"
                        + " this.createSelectorQuery().selectAll('.x').fields({ id: true }).exec((r) => console.log('card', JSON.stringify(r[0]))); } });",
                        "<view class=\"x\" id=\"c\"/>", "")
                .write();
        MiniProgram app = launch(project);
        waitUntil(() -> console(app).size() == 3);
        assertEquals(List.of("card [{\"id\":\"c\"}]", "deep [{\"id\":\"p\"},{\"id\":\"c\"}]", "page [{\"id\":\"p\"}]"),
                console(app).stream().sorted().toList());
    }

    @Test
    void page_scroll_to_scrolls_the_page_and_calls_on_page_scroll_and_on_reach_bottom() throws Exception {
        MiniProgram app = launchPage("Page({ onPageScroll(e) { console.log('scroll', e.scrollTop); },"
                + " onReachBottom() { console.log('bottom'); },"
                + " go() { tt.pageScrollTo({ scrollTop: 300, success: () => tt.createSelectorQuery().selectViewport().scrollOffset()"
                + "   .select('#b').boundingClientRect().exec((r) => console.log('after', r[0].scrollTop, r[1].top)) }); },"
                + " toB() { tt.pageScrollTo({ selector: '#b', fail: (e) => console.log(e.errMsg) }); } });",
                "<view style=\"height: 1000px\">a</view><view id=\"b\" style=\"height: 800px\">b</view>");
        call(app, "go");
        waitForConsole(app, "after 300 700");
        call(app, "toB");
        waitForConsole(app, "bottom");
        assertEquals(List.of("scroll 300", "after 300 700", "scroll 948", "bottom"), console(app));
    }

    @Test
    void scrolling_the_page_root_from_java_raises_on_page_scroll() throws Exception {
        MiniProgram app = launchPage("Page({ onPageScroll(e) { console.log('scroll', e.scrollTop); } });",
                "<view style=\"height: 2000px\">a</view>");
        get($(app, "page").scroll(0, 120));
        assertEquals(List.of("scroll 120"), console(app));
    }
}
