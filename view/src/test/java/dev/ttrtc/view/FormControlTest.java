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

/** The form controls beyond input and switch: their HTML, their events' detail, Java driving, and form values. */
class FormControlTest extends ViewTestBase {

    /** A page whose handler {@code log} prints "<type> <id> <detail as JSON>". */
    private static final String LOGGING_PAGE = "Page({ data: { }, log(e) { console.log(e.type + ' ' + e.currentTarget.id + ' '"
            + " + JSON.stringify(e.detail)); } });";

    @Test
    void a_textarea_shows_the_typed_text_reports_input_blur_and_confirm_and_grows_with_auto_height() throws Exception {
        MiniProgram app = launchPage(LOGGING_PAGE,
                "<textarea id=\"t\" value=\"first\" placeholder=\"say\" maxlength=\"8\" bindinput=\"log\" bindblur=\"log\""
                        + " bindconfirm=\"log\" bindfocus=\"log\"/><textarea id=\"g\" auto-height maxlength=\"-1\"/>");
        assertTrue(app.view().html().contains("<tt-textarea data-nid=\"2\" id=\"t\"><textarea placeholder=\"say\" maxlength=\"8\">"
                + "first</textarea></tt-textarea>"), app.view().html());
        assertTrue(app.view().html().contains("id=\"g\" auto-height=\"\"><textarea></textarea>"), app.view().html());
        RecordingListener ops = record(app);
        get($(app, "#t").input("two\nlines and more"));
        get($(app, "#t").trigger("focus", json("{}")));
        get($(app, "#t").trigger("confirm", json("{}")));
        get($(app, "#t").trigger("blur", json("{}")));
        assertEquals(List.of("input t {\"value\":\"two\\nline\",\"cursor\":8}", "focus t {\"value\":\"two\\nline\",\"height\":0}",
                "confirm t {\"value\":\"two\\nline\"}", "blur t {\"value\":\"two\\nline\"}"), console(app));
        assertEquals("two line", $(app, "#t").text());
        assertTrue(ops.ops.stream().anyMatch(o -> o.get("op").asText().equals("value") && o.get("value").asText().equals("two\nline")));
        assertTrue(app.view().css().contains("tt-textarea[auto-height] > textarea { field-sizing: content; }"), app.view().css());
    }

    @Test
    void a_checkbox_group_reports_the_checked_values_in_order_and_a_tap_on_a_label_counts() throws Exception {
        MiniProgram app = launchPage("Page({ data: { items: [{ v: 'cn', n: 'China' }, { v: 'us', n: 'USA', on: true },"
                + " { v: 'jp', n: 'Japan' }] }, log(e) { console.log(e.type + ' ' + JSON.stringify(e.detail)); } });",
                "<checkbox-group id=\"g\" bindchange=\"log\"><label tt:for=\"{{items}}\">"
                        + "<checkbox id=\"{{item.v}}\" value=\"{{item.v}}\" checked=\"{{item.on}}\" color=\"#00f\">"
                        + "<text class=\"name\">{{item.n}}</text></checkbox></label>"
                        + "<checkbox id=\"off\" value=\"x\" disabled/></checkbox-group>");
        assertTrue(app.view().html().contains("<tt-checkbox data-nid=\"" + $(app, "#us").nodeId()
                + "\" id=\"us\" checked=\"\" style=\"--tt-choice-color: #00f\">"), app.view().html());
        get($(app, "#jp").tap());
        get(app.view().$$(".name").get(0).tap());
        get($(app, "#us").tap());
        get($(app, "#off").tap());
        assertEquals(List.of("change {\"value\":[\"us\",\"jp\"]}", "change {\"value\":[\"cn\",\"us\",\"jp\"]}",
                "change {\"value\":[\"cn\",\"jp\"]}"), console(app));
        get($(app, "#g").change(List.of("us", "x")));
        assertEquals("change {\"value\":[\"us\"]}", console(app).get(3), "a disabled box keeps its state");
        assertTrue(app.view().html().contains("id=\"us\" checked=\"\""));
        assertFalse(app.view().html().contains("id=\"jp\" checked=\"\""));
        get($(app, "#cn").change(true));
        assertEquals("change {\"value\":[\"cn\",\"us\"]}", console(app).get(4), "change(bool) on a box is a tap that sets it");
        ExecutionException notBoolean = assertThrows(ExecutionException.class, () -> get($(app, "#cn").change("yes")));
        assertEquals("a checkbox changes to true or false, not \"yes\"", notBoolean.getCause().getMessage());
        assertEquals(5, console(app).size());
    }

    @Test
    void a_label_passes_its_taps_to_its_control_by_for_or_to_the_first_control_inside() throws Exception {
        MiniProgram app = launchPage(LOGGING_PAGE,
                "<label id=\"l1\" for=\"mic\">Microphone</label><switch id=\"mic\" bindchange=\"log\"/>"
                        + "<radio-group id=\"g\" bindchange=\"log\"><label id=\"l2\"><text>Camera</text><radio value=\"cam\"/></label>"
                        + "</radio-group>");
        get($(app, "#l1").tap());
        get(app.view().$$("#l2 text").get(0).tap());
        assertEquals(List.of("change mic {\"value\":true}", "change g {\"value\":\"cam\"}"), console(app));
        assertEquals(List.of(), entries(app, HostEvent.Kind.WARN));
    }

    @Test
    void a_radio_group_keeps_one_radio_checked_and_reports_its_value() throws Exception {
        MiniProgram app = launchPage("Page({ log(e) { console.log(e.type + ' ' + JSON.stringify(e.detail)); } });",
                "<radio-group id=\"g\" bindchange=\"log\"><radio id=\"a\" value=\"a\" checked>A</radio>"
                        + "<radio id=\"b\" value=\"b\">B</radio><radio id=\"c\" value=\"c\" disabled>C</radio></radio-group>");
        get($(app, "#b").tap());
        get($(app, "#b").tap());
        get($(app, "#c").tap());
        assertEquals(List.of("change {\"value\":\"b\"}"), console(app), "a checked radio tapped again and a disabled one say nothing");
        assertTrue(app.view().html().contains("id=\"a\" style=\"--tt-choice-color: #f85959\">"), app.view().html());
        assertTrue(app.view().html().contains("id=\"b\" checked=\"\""), app.view().html());
        get($(app, "#g").change("a"));
        assertEquals("change {\"value\":\"a\"}", console(app).get(1));
        ExecutionException e = assertThrows(ExecutionException.class, () -> get($(app, "#g").change("c")));
        assertEquals("the radio-group has no enabled radio with value \"c\"", e.getCause().getMessage());
    }

    @Test
    void a_slider_snaps_to_its_steps_and_fires_changing_then_change() throws Exception {
        MiniProgram app = launchPage(LOGGING_PAGE + "",
                "<slider id=\"s\" min=\"10\" max=\"50\" step=\"5\" value=\"20\" show-value bindchanging=\"log\" bindchange=\"log\"/>"
                        + "<slider id=\"bad\" step=\"0\" max=\"-1\"/>");
        String html = app.view().html();
        assertTrue(html.contains("<tt-slider data-nid=\"2\" id=\"s\" style=\"--tt-slider-active: #f85959\">"
                + "<input type=\"range\" min=\"10\" max=\"50\" step=\"5\" value=\"20\"><span class=\"tt-slider-value\">20</span>"
                + "</tt-slider>"), html);
        RecordingListener ops = record(app);
        get($(app, "#s").change(33));
        get($(app, "#s").change(500));
        assertEquals(List.of("changing s {\"value\":35}", "change s {\"value\":35}", "changing s {\"value\":50}",
                "change s {\"value\":50}"), console(app));
        assertEquals("replace", ops.ops.get(0).get("op").asText(), "the shown value is inner HTML");
        assertTrue(ops.ops.get(0).get("html").asText().contains("<span class=\"tt-slider-value\">35</span>"));
        assertEquals(List.of("pages/index/index.ttml:1:102: <slider> step=\"0\" must be a number above 0; the slider uses 1",
                "pages/index/index.ttml:1:102: <slider> max (-1) must be above min (0)"), entries(app, HostEvent.Kind.WARN));
        assertThrows(ExecutionException.class, () -> get($(app, "#s").change("lots")));
    }

    @Test
    void a_selector_picker_shows_its_range_as_a_native_select_and_reports_the_index() throws Exception {
        MiniProgram app = launchPage("Page({ data: { idx: 1, rooms: [{ name: 'red' }, { name: 'blue' }, { name: 'green' }] },"
                + " picked(e) { console.log(JSON.stringify(e.detail)); this.setData({ idx: e.detail.value }); } });",
                "<picker id=\"p\" range=\"{{rooms}}\" range-key=\"name\" value=\"{{idx}}\" bindchange=\"picked\">"
                        + "<view class=\"shown\">{{rooms[idx].name}}</view></picker>");
        assertTrue(app.view().html().contains("<tt-picker data-nid=\"2\" id=\"p\" mode=\"selector\"><select class=\"tt-picker-native\">"
                + "<option value=\"0\">red</option><option value=\"1\" selected=\"\">blue</option><option value=\"2\">green</option>"
                + "</select><tt-view"), app.view().html());
        get($(app, "#p").change(2));
        assertEquals(List.of("{\"value\":2}"), console(app));
        assertEquals("green", $(app, ".shown").text());
        assertTrue(app.view().html().contains("<option value=\"2\" selected=\"\">green</option>"), app.view().html());
        ExecutionException e = assertThrows(ExecutionException.class, () -> get($(app, "#p").change(3)));
        assertEquals("a selector picker changes to an index of its range (0…2), not 3", e.getCause().getMessage());
    }

    @Test
    void a_multi_selector_picker_shows_a_select_per_column_and_reports_the_columns_that_moved() throws Exception {
        MiniProgram app = launchPage("Page({ data: { at: [1, 9], range: [['tea', 'coffee'], [{ n: 'hot' }, { n: 'iced' }, { n: 'warm' }]] },"
                + " column(e) { console.log('column ' + JSON.stringify(e.detail)); },"
                + " picked(e) { console.log('change ' + JSON.stringify(e.detail)); } });",
                "<picker id=\"p\" mode=\"multiSelector\" range=\"{{range}}\" range-key=\"n\" value=\"{{at}}\""
                        + " bindcolumnchange=\"column\" bindchange=\"picked\">drink</picker>");
        assertTrue(app.view().html().contains("<div class=\"tt-picker-columns\"><select class=\"tt-picker-native\" data-column=\"0\">"
                + "<option value=\"0\">tea</option><option value=\"1\" selected=\"\">coffee</option></select>"
                + "<select class=\"tt-picker-native\" data-column=\"1\"><option value=\"0\">hot</option>"
                + "<option value=\"1\">iced</option><option value=\"2\" selected=\"\">warm</option></select></div>"), app.view().html());
        get($(app, "#p").change(List.of(0, 2)));
        assertEquals(List.of("column {\"column\":0,\"value\":0}", "change {\"value\":[0,2]}"), console(app),
                "a value past a column's end chose its last row");
        ExecutionException e = assertThrows(ExecutionException.class, () -> get($(app, "#p").change(List.of(2, 0))));
        assertEquals("a multiSelector picker changes to an array of one index per column [0…1, 0…2], not [2,0]",
                e.getCause().getMessage());
    }

    @Test
    void time_and_date_pickers_take_strings_within_their_bounds_and_other_modes_warn() throws Exception {
        MiniProgram app = launchPage(LOGGING_PAGE,
                "<picker id=\"t\" mode=\"time\" value=\"09:30\" start=\"08:00\" end=\"18:00\" bindchange=\"log\">t</picker>"
                        + "<picker id=\"d\" mode=\"date\" fields=\"month\" start=\"2024-01-15\" bindchange=\"log\">d</picker>"
                        + "<picker id=\"m\" mode=\"region\">m</picker>");
        assertTrue(app.view().html().contains("<input class=\"tt-picker-native\" type=\"time\" value=\"09:30\" min=\"08:00\""
                + " max=\"18:00\">"), app.view().html());
        assertTrue(app.view().html().contains("<input class=\"tt-picker-native\" type=\"month\" value=\"\" min=\"2024-01-15\">"),
                app.view().html());
        get($(app, "#t").change("17:45"));
        get($(app, "#d").change("2024-02"));
        assertEquals(List.of("change t {\"value\":\"17:45\"}", "change d {\"value\":\"2024-02\"}"), console(app));
        assertThrows(ExecutionException.class, () -> get($(app, "#t").change("19:00")));
        assertThrows(ExecutionException.class, () -> get($(app, "#d").change("2023-12")));
        assertThrows(ExecutionException.class, () -> get($(app, "#d").change("2024-13")));
        assertEquals(List.of("pages/index/index.ttml:1:183: <picker> mode=\"region\" is not built in tt-rtc-host;"
                + " the picker shows its content only"), entries(app, HostEvent.Kind.WARN));
        assertEquals("m", $(app, "#m").text());
    }

    @Test
    void a_form_submits_every_control_by_name_and_reset_restores_the_template_values() throws Exception {
        MiniProgram app = launchPage("Page({ submitted(e) { console.log(JSON.stringify(e.detail.value)); },"
                + " resetted() { console.log('reset'); } });",
                "<form bindsubmit=\"submitted\" bindreset=\"resetted\">"
                        + "<textarea name=\"note\" value=\"hi\"/>"
                        + "<checkbox-group name=\"langs\"><checkbox value=\"js\" checked/><checkbox value=\"java\"/></checkbox-group>"
                        + "<radio-group name=\"size\"><radio value=\"s\"/><radio value=\"m\" checked/></radio-group>"
                        + "<slider name=\"volume\" value=\"30\"/>"
                        + "<picker name=\"room\" range=\"{{['a', 'b']}}\"><view>room</view></picker>"
                        + "<picker name=\"at\" mode=\"time\" value=\"10:00\"><view>at</view></picker>"
                        + "<button id=\"go\" form-type=\"submit\"><text id=\"label\">Go</text></button>"
                        + "<button id=\"clear\" form-type=\"reset\">Clear</button></form>");
        get(app.view().$$("textarea").get(0).input("hello"));
        get(app.view().$$("checkbox").get(1).tap());
        get(app.view().$$("radio").get(0).tap());
        get(app.view().$("slider").orElseThrow().change(71));
        get(app.view().$$("picker").get(0).change(1));
        get(app.view().$$("picker").get(1).change("11:15"));
        get($(app, "#label").tap());
        get($(app, "#clear").tap());
        get($(app, "#go").tap());
        assertEquals(List.of(
                "{\"note\":\"hello\",\"langs\":[\"js\",\"java\"],\"size\":\"s\",\"volume\":71,\"room\":1,\"at\":\"11:15\"}",
                "reset",
                "{\"note\":\"hi\",\"langs\":[\"js\"],\"size\":\"m\",\"volume\":30,\"room\":0,\"at\":\"10:00\"}"), console(app));
    }
}
