package dev.ttrtc.view;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ttrtc.runtime.HostEvent;
import dev.ttrtc.runtime.MiniProgram;
import java.util.List;
import java.util.concurrent.ExecutionException;
import org.junit.jupiter.api.Test;

/** swiper, icon, navigator and rich-text: their HTML, events and what Java can do with them. */
class DisplayComponentTest extends ViewTestBase {

    @Test
    void a_swiper_shows_its_current_item_and_reports_swipes_and_template_changes() throws Exception {
        MiniProgram app = launchPage("Page({ data: { at: 0 }, swiped(e) { console.log(JSON.stringify(e.detail)); },"
                + " jump() { this.setData({ at: 2 }); } });",
                "<swiper id=\"s\" current=\"{{at}}\" indicator-dots autoplay bindchange=\"swiped\">"
                        + "<swiper-item tt:for=\"{{['a', 'b', 'c']}}\" item-id=\"{{item}}\"><text>{{item}}</text></swiper-item></swiper>");
        String html = app.view().html();
        assertTrue(html.contains("<tt-swiper data-nid=\"2\" id=\"s\" current=\"0\" style=\"--tt-swiper-current: 0\">"
                + "<span class=\"tt-swiper-dots\" style=\"--tt-dot: rgba(0, 0, 0, .3); --tt-dot-active: #000000\">"
                + "<i class=\"active\"></i><i></i><i></i></span><tt-swiper-item"), html);
        RecordingListener ops = record(app);
        get($(app, "#s").change(1));
        assertEquals(List.of("{\"current\":1,\"source\":\"touch\"}"), console(app));
        assertEquals(List.of("replace", "value"), ops.kinds(), "the dots are inner HTML; the new HTML's state follows it");
        assertTrue(ops.ops.get(1).path("restore").asBoolean());
        assertTrue(ops.ops.get(0).get("html").asText().contains("<i></i><i class=\"active\"></i><i></i>"));
        call(app, "jump");
        waitUntil(() -> console(app).size() == 2);
        assertEquals("{\"current\":2,\"source\":\"\"}", console(app).get(1));
        assertTrue(app.view().html().contains("current=\"2\" style=\"--tt-swiper-current: 2\""));
        ExecutionException e = assertThrows(ExecutionException.class, () -> get($(app, "#s").change(3)));
        assertEquals("the swiper has items 0…2; it cannot swipe to 3", e.getCause().getMessage());
    }

    @Test
    void a_swiper_starts_at_the_item_named_by_current_item_id() throws Exception {
        MiniProgram app = launchPage("Page({});",
                "<swiper id=\"s\" current-item-id=\"two\"><swiper-item item-id=\"one\"/><swiper-item item-id=\"two\"/></swiper>");
        waitUntil(() -> app.view().html().contains("current=\"1\""));
    }

    @Test
    void icons_draw_the_documented_types_and_warn_about_others() throws Exception {
        MiniProgram app = launchPage("Page({});",
                "<icon id=\"a\" type=\"success\" size=\"40\"/><icon id=\"b\" type=\"cancel\" color=\"#123456\"/><icon type=\"heart\"/>"
                        + "<icon class=\"iconfont\"/>");
        String html = app.view().html();
        assertTrue(html.contains("<tt-icon data-nid=\"2\" id=\"a\" type=\"success\"><svg width=\"40\" height=\"40\" viewBox=\"0 0 24 24\">"
                + "<circle cx=\"12\" cy=\"12\" r=\"11\" fill=\"#2ac96b\"></circle>"), html);
        assertTrue(html.contains("<svg width=\"24\" height=\"24\" viewBox=\"0 0 24 24\"><circle cx=\"12\" cy=\"12\" r=\"10\" fill=\"none\""
                + " stroke=\"#123456\" stroke-width=\"2\"></circle>"), html);
        assertTrue(html.contains("type=\"heart\"></tt-icon>"), html);
        assertEquals(List.of("pages/index/index.ttml:1:84: <icon> type=\"heart\" is not an icon type (success, success_no_circle,"
                + " info, warn, waiting, clear, cancel, download, search); nothing is drawn",
                "pages/index/index.ttml:1:104: <icon> has no type (success, success_no_circle, info, warn, waiting, clear, cancel,"
                + " download, search); nothing is drawn"), entries(app, HostEvent.Kind.WARN));
    }

    @Test
    void a_progress_bar_is_percent_full_and_ends_its_animation_at_once() throws Exception {
        MiniProgram app = launchPage("Page({ data: { p: 30 }, ended() { console.log('activeend ' + this.data.p); },"
                + " more() { this.setData({ p: 130 }); } });",
                "<progress id=\"a\" percent=\"{{p}}\" show-info stroke-width=\"4\" activeColor=\"#00ff00\" active"
                        + " bindactiveend=\"ended\"/><progress id=\"b\" percent=\"x\" color=\"#123456\" border-radius=\"3\"/>");
        waitForConsole(app, "activeend 30");
        assertTrue(app.view().html().contains("<tt-progress data-nid=\"2\" id=\"a\"><div class=\"tt-progress-bar\" style=\"height: 4px;"
                + " border-radius: 0px; background-color: #ebebeb\"><div style=\"width: 30%; background-color: #00ff00\"></div></div>"
                + "<span class=\"tt-progress-info\" style=\"font-size: 16px\">30%</span></tt-progress>"), app.view().html());
        assertTrue(app.view().html().contains("<tt-progress data-nid=\"3\" id=\"b\"><div class=\"tt-progress-bar\" style=\"height: 6px;"
                + " border-radius: 3px; background-color: #ebebeb\"><div style=\"width: 0%; background-color: #123456\"></div></div>"
                + "</tt-progress>"), app.view().html());
        call(app, "more");
        waitForConsole(app, "activeend 130");
        assertTrue(app.view().html().contains("<div style=\"width: 100%; background-color: #00ff00\"></div></div>"
                + "<span class=\"tt-progress-info\" style=\"font-size: 16px\">100%</span>"), app.view().html());
        assertEquals(List.of("activeend 30", "activeend 130"), console(app), "one end for each change, none for the bar without active");
    }

    @Test
    void a_navigator_navigates_as_its_open_type_says_and_warns_when_it_cannot() throws Exception {
        MiniProgram app = launch(Fixture.in(dir)
                .page("pages/index/index", "Page({});",
                        "<navigator id=\"to\" url=\"/pages/next/next?from=index\"><text id=\"label\">next</text></navigator>"
                                + "<navigator id=\"bad\" url=\"/pages/none/none\">none</navigator>"
                                + "<navigator id=\"exit\" open-type=\"exit\">exit</navigator>")
                .page("pages/next/next", "Page({ onLoad(q) { console.log('next ' + q.from); } });",
                        "<navigator id=\"back\" open-type=\"navigateBack\">back</navigator>"
                                + "<navigator id=\"re\" open-type=\"redirect\" url=\"../index/index\">again</navigator>")
                .write());
        get($(app, "#label").tap());
        waitForConsole(app, "next index");
        assertEquals("pages/next/next", app.view().route());
        get($(app, "#back").tap());
        assertEquals("pages/index/index", app.view().route());
        get($(app, "#bad").tap());
        get($(app, "#exit").tap());
        assertEquals("pages/index/index", app.view().route());
        List<String> warnings = entries(app, HostEvent.Kind.WARN);
        assertEquals(2, warnings.size(), warnings.toString());
        assertTrue(warnings.get(0).startsWith("pages/index/index.ttml:1:153: <navigator> open-type=\"exit\" is not a Douyin navigator"
                + " open-type"), warnings.get(0));
        assertTrue(warnings.get(1).startsWith("pages/index/index.ttml:1:94: <navigator> navigateTo:fail "), warnings.get(1));
    }

    @Test
    void rich_text_shows_trusted_nodes_from_an_array_or_a_string_and_removes_the_rest() throws Exception {
        MiniProgram app = launchPage("Page({ data: { nodes: [{ name: 'div', attrs: { class: 'box', style: 'color: red', id: 'x',"
                + " onclick: 'steal()' }, children: [{ type: 'text', text: 'A &amp; B' }, { name: 'script', children: [{ type: 'text',"
                + " text: 'alert(1)' }] }, { name: 'img', attrs: { src: 'javascript:alert(1)', width: '20' } }] }],"
                + " html: '<p onmouseover=\"x()\">Hi <b>there</b><br><iframe src=\"https://evil\"></iframe><a href=\"https://a\">a</a></p>' },"
                + " swap() { this.setData({ nodes: [{ type: 'text', text: 'plain' }] }); } });",
                "<rich-text id=\"a\" nodes=\"{{nodes}}\"/><rich-text id=\"b\" nodes=\"{{html}}\"/>");
        String html = app.view().html();
        assertTrue(html.contains("<tt-rich-text data-nid=\"2\" id=\"a\"><div class=\"box\" style=\"color: red\">A &amp; B"
                + "<img width=\"20\"></div></tt-rich-text>"), html);
        assertTrue(html.contains("<tt-rich-text data-nid=\"3\" id=\"b\"><p>Hi <b>there</b><br><a>a</a></p></tt-rich-text>"), html);
        assertFalse(html.contains("alert") || html.contains("steal") || html.contains("evil"), html);
        assertEquals("Hi there a", $(app, "#b").text());
        assertEquals(List.of("pages/index/index.ttml:1:1: <rich-text> nodes: removed what the platform does not trust"
                        + " (an untrusted tag with its content): <script>, div id, div onclick, img src",
                "pages/index/index.ttml:1:38: <rich-text> nodes: removed what the platform does not trust"
                        + " (an untrusted tag with its content): <iframe>, a href, p onmouseover"), entries(app, HostEvent.Kind.WARN));
        RecordingListener ops = record(app);
        call(app, "swap");
        assertEquals(List.of("replace"), ops.kinds());
        assertEquals("<tt-rich-text data-nid=\"2\" id=\"a\">plain</tt-rich-text>", ops.ops.get(0).get("html").asText());
    }

    @Test
    void a_picker_view_chooses_a_row_per_column_by_value_by_change_and_by_scrolling_a_column() throws Exception {
        MiniProgram app = launchPage("Page({ data: { years: [2024, 2025, 2026], months: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12],"
                + " at: [1, 5] }, changed(e) { console.log(JSON.stringify(e.detail.value)); }, reset() { this.setData({ at: [0, 0] }); } });",
                "<picker-view id=\"pv\" value=\"{{at}}\" indicator-style=\"height: 40px;\" bindchange=\"changed\">"
                        + "<picker-view-column id=\"y\"><view tt:for=\"{{years}}\">{{item}}</view></picker-view-column>"
                        + "<picker-view-column id=\"m\"><view tt:for=\"{{months}}\">{{item}}</view></picker-view-column></picker-view>");
        assertTrue(app.view().html().contains("<tt-picker-view data-nid=\"2\" id=\"pv\" style=\"--tt-pv-row: 40px\">"
                + "<div class=\"tt-picker-view-indicator\" style=\"height: 40px;\"></div><tt-picker-view-column"), app.view().html());
        get($(app, "#pv").change(List.of(2, 40)));
        assertEquals(List.of("[2,11]"), console(app), "a row past a column's last chooses its last");
        RecordingListener ops = record(app);
        get($(app, "#m").scroll(0, 40 * 3 + 12));
        assertEquals(List.of("[2,11]", "[2,3]"), console(app));
        assertEquals("{\"scrollLeft\":0,\"scrollTop\":120.0}", ops.ops.get(ops.ops.size() - 1).get("value").toString(),
                "a scroll between rows settles on the nearest");
        get($(app, "#m").scroll(0, 3 * 40));
        assertEquals(2, console(app).size(), "the same row again is no change");
        ops.clear();
        call(app, "reset");
        waitUntil(() -> ops.kinds().contains("value"));
        assertEquals(2, console(app).size(), "the template's value is no user change");
        get($(app, "#y").scroll(0, 45));
        assertEquals("[1,0]", console(app).get(2));
    }

    @Test
    void a_picker_view_indicator_height_in_rpx_is_its_rows_height_in_px() throws Exception {
        MiniProgram app = launchPage("Page({ data: { at: [0] }, changed(e) { console.log(JSON.stringify(e.detail.value)); } });",
                "<picker-view id=\"pv\" value=\"{{at}}\" indicator-style=\"height: 150rpx\" bindchange=\"changed\">"
                        + "<picker-view-column id=\"c\"><view tt:for=\"{{[1, 2, 3]}}\">{{item}}</view></picker-view-column></picker-view>");
        assertTrue(app.view().html().contains("style=\"--tt-pv-row: 78.6px\"><div class=\"tt-picker-view-indicator\" style=\"height: 78.6px\">"),
                "150 rpx of a 393 px window: " + app.view().html());
        get($(app, "#c").scroll(0, 2 * 78.6));
        assertEquals(List.of("[2]"), console(app));
    }

    @Test
    void built_ins_with_a_fixed_height_have_it_under_the_layout_rule() throws Exception {
        MiniProgram app = launchPage("Page({ onReady() { tt.createSelectorQuery().selectAll('.m').boundingClientRect()"
                + ".exec((res) => console.log(res[0].map((r) => r.id + ':' + r.top + '+' + r.height).join(' '))); } });",
                "<textarea class=\"m\" id=\"t\"/><textarea class=\"m\" id=\"a\" auto-height/><swiper class=\"m\" id=\"s\"/>"
                        + "<slider class=\"m\" id=\"l\"/><icon class=\"m\" id=\"i\" type=\"info\" size=\"30\"/>"
                        + "<video class=\"m\" id=\"v\"/><progress class=\"m\" id=\"p\"/><progress class=\"m\" id=\"q\" show-info/>");
        waitForConsole(app, "t:0+150 a:150+20 s:170+150 l:320+28 i:348+30 v:378+225 p:603+6 q:609+20");
    }
}
