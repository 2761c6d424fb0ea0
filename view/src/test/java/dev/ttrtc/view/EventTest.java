package dev.ttrtc.view;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ttrtc.runtime.HostEvent;
import dev.ttrtc.runtime.MiniProgram;
import java.util.List;
import java.util.concurrent.ExecutionException;
import org.junit.jupiter.api.Test;

/** Events through the render tree: the event object, bubbling, catch, capture, component boundaries. */
class EventTest extends ViewTestBase {

    /** A page whose handlers log "<name> <type> <currentTarget.id>/<target.id>". */
    private static final String LOGGING_PAGE = "const log = (name) => function (e) {"
            + " console.log(name + ' ' + e.type + ' ' + e.currentTarget.id + '/' + e.target.id); };"
            + "Page({ outer: log('outer'), inner: log('inner'), capOuter: log('capOuter'), capInner: log('capInner'),"
            + " show(e) { console.log(JSON.stringify(e)); } });";

    private static List<String> handlerLines(MiniProgram app) {
        return console(app).stream().filter(l -> !l.startsWith("{")).toList();
    }

    @Test
    void a_tap_gives_the_documented_event_object() throws Exception {
        MiniProgram app = launchPage(LOGGING_PAGE,
                "<view id=\"tapTest\" data-hi=\"bytedance\" data-element-type=\"{{1}}\" data-camelCase=\"x\" bindtap=\"show\">tap</view>");
        get($(app, "#tapTest").tap());
        JsonNode event = json(console(app).get(0));
        assertEquals("tap", event.get("type").asText());
        assertTrue(event.get("timeStamp").isNumber());
        JsonNode identity = json("{\"id\":\"tapTest\",\"dataset\":{\"hi\":\"bytedance\",\"elementType\":1,\"camelcase\":\"x\"}}");
        assertEquals(identity, event.get("target"));
        assertEquals(identity, event.get("currentTarget"));
        double x = event.get("detail").get("x").asDouble();
        double y = event.get("detail").get("y").asDouble();
        JsonNode touch = event.get("touches").get(0);
        assertEquals(1, event.get("touches").size());
        assertEquals(0, touch.get("identifier").asInt());
        assertEquals(List.of(x, y, x, y), List.of(touch.get("pageX").asDouble(), touch.get("pageY").asDouble(),
                touch.get("clientX").asDouble(), touch.get("clientY").asDouble()));
        assertEquals(event.get("touches"), event.get("changedTouches"));
        assertEquals(196.5, x, "the centre of a page-wide element under the layout rule (window 393 px)");
        assertEquals(10.0, y, "half of one 20 px text line");
    }

    @Test
    void taps_bubble_to_ancestors_and_catch_stops_them() throws Exception {
        MiniProgram app = launchPage(LOGGING_PAGE,
                "<view id=\"o\" bindtap=\"outer\"><view id=\"m\"><view id=\"i\" bind:tap=\"inner\">x</view></view>"
                        + "<view id=\"c\" catchtap=\"inner\">y</view><view id=\"e\" catchtap=\"\">z</view></view>");
        get($(app, "#i").tap());
        assertEquals(List.of("inner tap i/i", "outer tap o/i"), handlerLines(app));
        get($(app, "#c").tap());
        get($(app, "#e").tap());
        assertEquals(List.of("inner tap i/i", "outer tap o/i", "inner tap c/c"), handlerLines(app));
    }

    @Test
    void touch_events_come_before_the_tap_and_bubble_too() throws Exception {
        MiniProgram app = launchPage(LOGGING_PAGE,
                "<view id=\"o\" bindtouchstart=\"outer\" bindtouchend=\"outer\" bindtap=\"outer\"><text id=\"t\">x</text></view>");
        get($(app, "#t").tap());
        assertEquals(List.of("outer touchstart o/t", "outer touchend o/t", "outer tap o/t"), handlerLines(app));
    }

    @Test
    void the_capture_phase_runs_from_the_root_first_and_capture_catch_stops_everything() throws Exception {
        MiniProgram app = launchPage(LOGGING_PAGE,
                "<view id=\"o\" capture-bind:tap=\"capOuter\" bindtap=\"outer\">"
                        + "<view id=\"i\" capture-bind:tap=\"capInner\" bindtap=\"inner\">x</view></view>"
                        + "<view id=\"o2\" capture-catch:tap=\"capOuter\" bindtap=\"outer\"><view id=\"i2\" bindtap=\"inner\">y</view></view>");
        get($(app, "#i").tap());
        assertEquals(List.of("capOuter tap o/i", "capInner tap i/i", "inner tap i/i", "outer tap o/i"), handlerLines(app));
        get($(app, "#i2").tap());
        assertEquals("capOuter tap o2/i2", handlerLines(app).get(4));
        assertEquals(5, handlerLines(app).size());
    }

    @Test
    void component_events_of_built_ins_do_not_bubble() throws Exception {
        MiniProgram app = launchPage(LOGGING_PAGE + "",
                "<view id=\"o\" bindinput=\"outer\" bindchange=\"outer\"><input id=\"in\" bindinput=\"inner\"/><switch id=\"s\"/></view>");
        get($(app, "#in").input("hello"));
        get($(app, "#s").tap());
        assertEquals(List.of("inner input in/in"), handlerLines(app));
    }

    @Test
    void a_missing_handler_is_a_warning_naming_the_page_and_the_handler() throws Exception {
        MiniProgram app = launchPage("Page({});", "<view id=\"v\" bindtap=\"nothere\">x</view>");
        get($(app, "#v").tap());
        assertEquals(List.of("pages/index/index.ttml:1:14: page pages/index/index has no method \"nothere\" for bindtap"),
                entries(app, HostEvent.Kind.WARN));
    }

    @Test
    void typing_shows_in_the_input_and_a_string_returned_by_bindinput_replaces_it() throws Exception {
        MiniProgram app = launchPage("Page({ data: { name: '' },"
                + " typed(e) { this.setData({ name: e.detail.value }); console.log('input', JSON.stringify(e.detail)); },"
                + " upper(e) { return e.detail.value.toUpperCase(); } });",
                "<input id=\"a\" value=\"{{name}}\" bindinput=\"typed\"/><input id=\"b\" bindinput=\"upper\" maxlength=\"5\"/>"
                        + "<text id=\"echo\">{{name}}</text>");
        RecordingListener ops = record(app);
        get($(app, "#a").input("alice"));
        assertEquals(List.of("input {\"value\":\"alice\",\"cursor\":5}"), console(app));
        assertEquals("alice", $(app, "#a").text());
        assertEquals("alice", $(app, "#echo").text());
        assertTrue(ops.ops.stream().anyMatch(o -> o.get("op").asText().equals("value") && o.get("value").asText().equals("alice")),
                ops.ops.toString());
        get($(app, "#b").input("bobby-long"));
        assertEquals("BOBBY", $(app, "#b").text());
        assertTrue(app.view().html().contains("<input type=\"text\" value=\"BOBBY\" maxlength=\"5\">"), app.view().html());
    }

    @Test
    void a_switch_toggles_on_tap_and_reports_its_value() throws Exception {
        MiniProgram app = launchPage("Page({ data: { on: true }, toggled(e) { console.log('change', e.detail.value); } });",
                "<switch id=\"s\" checked=\"{{on}}\" bindchange=\"toggled\"/><switch id=\"d\" disabled bindchange=\"toggled\"/>");
        get($(app, "#s").tap());
        get($(app, "#s").change(true));
        get($(app, "#d").tap());
        assertEquals(List.of("change false", "change true"), console(app));
        ExecutionException notBoolean = assertThrows(ExecutionException.class, () -> get($(app, "#s").change("yes")));
        assertEquals("a switch changes to true or false, not \"yes\"", notBoolean.getCause().getMessage());
    }

    @Test
    void form_submit_collects_named_controls_and_reset_restores_them() throws Exception {
        MiniProgram app = launchPage("Page({ submitted(e) { console.log('submit', JSON.stringify(e.detail)); },"
                + " resetted(e) { console.log('reset'); } });",
                "<form bindsubmit=\"submitted\" bindreset=\"resetted\">"
                        + "<input name=\"room\" value=\"demo\"/><input value=\"unnamed\"/><switch name=\"mic\" checked/>"
                        + "<button id=\"go\" form-type=\"submit\">Go</button><button id=\"clear\" form-type=\"reset\">Clear</button></form>");
        get(app.view().$$("input").get(0).input("room-7"));
        get($(app, "switch").tap());
        get($(app, "#go").tap());
        get($(app, "#clear").tap());
        get($(app, "#go").tap());
        assertEquals(List.of("submit {\"value\":{\"room\":\"room-7\",\"mic\":false},\"formId\":\"\"}", "reset",
                "submit {\"value\":{\"room\":\"demo\",\"mic\":true},\"formId\":\"\"}"), console(app));
    }

    @Test
    void a_disabled_button_ignores_taps() throws Exception {
        MiniProgram app = launchPage(LOGGING_PAGE, "<button id=\"b\" disabled bindtap=\"inner\">x</button>");
        get($(app, "#b").tap());
        assertEquals(List.of(), handlerLines(app));
    }

    @Test
    void scroll_view_reports_its_offsets() throws Exception {
        MiniProgram app = launchPage("Page({ scrolled(e) { console.log(JSON.stringify(e.detail)); } });",
                "<scroll-view id=\"sv\" scroll-y style=\"height: 100px\" bindscroll=\"scrolled\">"
                        + "<view style=\"height: 400px\">a</view></scroll-view>");
        get($(app, "#sv").scroll(30, 120));
        assertEquals(List.of("{\"scrollLeft\":0,\"scrollTop\":120,\"scrollHeight\":400,\"scrollWidth\":393,\"deltaX\":0,\"deltaY\":120}"),
                console(app));
    }

    @Test
    void trigger_dispatches_any_event_with_its_detail() throws Exception {
        MiniProgram app = launchPage(LOGGING_PAGE, "<view id=\"o\" bindlongpress=\"outer\" bindfocus=\"outer\">"
                + "<view id=\"i\" bindfocus=\"show\">x</view></view>");
        get($(app, "#i").trigger("longpress", json("{}")));
        get($(app, "#i").trigger("focus", json("{\"value\":\"v\"}")));
        assertEquals("outer longpress o/i", console(app).get(0));
        assertEquals("{\"value\":\"v\"}", json(console(app).get(1)).get("detail").toString());
        assertEquals(2, console(app).size());
    }
}
