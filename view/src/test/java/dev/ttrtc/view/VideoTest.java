package dev.ttrtc.view;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ttrtc.runtime.HostEvent;
import dev.ttrtc.runtime.MiniProgram;
import java.util.List;
import java.util.concurrent.ExecutionException;
import org.junit.jupiter.api.Test;

/** {@code <video>} and {@code tt.createVideoContext}: what the page shows, what its methods send, what reported playback fires. */
class VideoTest extends ViewTestBase {
    private static final String HANDLERS = "onPlay(e) { console.log('play ' + JSON.stringify(e.detail)); },"
            + " onTime(e) { console.log('timeupdate ' + JSON.stringify(e.detail)); },"
            + " onEnded(e) { console.log('ended ' + e.target.id); },"
            + " onFull(e) { console.log('fullscreenchange ' + JSON.stringify(e.detail)); },";
    private static final String VIDEO = "<video id=\"v\" src=\"/media/clip.mp4\" poster=\"/media/poster.png\" loop muted"
            + " object-fit=\"cover\" bindplay=\"onPlay\" bindtimeupdate=\"onTime\" bindended=\"onEnded\""
            + " bindfullscreenchange=\"onFull\"/>";

    @Test
    void a_video_renders_as_an_html_video_of_the_project_file() throws Exception {
        MiniProgram app = launchPage("Page({});", VIDEO + "<video id=\"w\" src=\"clip.mp4\" controls=\"{{false}}\" object-fit=\"stretch\"/>");
        String html = app.view().html();
        assertTrue(html.contains("object-fit=\"cover\"><video src=\"/media/clip.mp4\" poster=\"/media/poster.png\" controls=\"\""
                + " loop=\"\" muted=\"\" playsinline=\"\" preload=\"metadata\"></video></tt-video>"), html);
        assertTrue(html.contains("object-fit=\"contain\"><video src=\"/pages/index/clip.mp4\" playsinline=\"\" preload=\"metadata\"></video>"), html);
        assertEquals(List.of("pages/index/index.ttml:1:187: <video> object-fit=\"stretch\" is not contain, fill or cover; it renders as contain"),
                entries(app, HostEvent.Kind.WARN));
    }

    @Test
    void video_context_methods_reach_the_element_in_order_and_full_screen_fires_fullscreenchange() throws Exception {
        MiniProgram app = launchPage("Page({ " + HANDLERS + " onReady() { this.ctx = tt.createVideoContext('v'); },"
                + " go() { this.ctx.play(); this.ctx.seek(12.5); this.ctx.pause(); this.ctx.stop(); this.ctx.requestFullScreen();"
                + "  this.ctx.requestFullScreen(); this.ctx.exitFullScreen(); } });", VIDEO);
        app.view().html(); // as a mirror fetches the page: ops follow from then on
        RecordingListener ops = record(app);
        call(app, "go");
        List<String> values = ops.ops.stream().filter(o -> o.path("op").asText().equals("value")).map(o -> o.get("value").toString()).toList();
        String flags = ",\"muted\":true,\"loop\":true,\"controls\":true}";
        assertEquals(List.of("{\"command\":\"play\",\"position\":0.0,\"seq\":1,\"fullScreen\":false" + flags,
                "{\"command\":\"seek\",\"position\":12.5,\"seq\":2,\"fullScreen\":false" + flags,
                "{\"command\":\"pause\",\"position\":0.0,\"seq\":3,\"fullScreen\":false" + flags,
                "{\"command\":\"stop\",\"position\":0.0,\"seq\":4,\"fullScreen\":false" + flags,
                "{\"command\":\"stop\",\"position\":0.0,\"seq\":4,\"fullScreen\":true" + flags,
                "{\"command\":\"stop\",\"position\":0.0,\"seq\":4,\"fullScreen\":false" + flags), values);
        app.events().waitFor(e -> e.kind() == HostEvent.Kind.CONSOLE && e.text().contains("\"fullScreen\":false"), TIMEOUT);
        assertEquals(List.of("fullscreenchange {\"fullScreen\":true,\"direction\":\"horizontal\"}",
                "fullscreenchange {\"fullScreen\":false,\"direction\":\"horizontal\"}"), console(app));
    }

    @Test
    void any_id_names_its_video_and_attribute_changes_reach_a_playing_video_without_a_new_one() throws Exception {
        MiniProgram app = launchPage("Page({ data: { m: false, s: 'a.mp4' },"
                + " go() { tt.createVideoContext('123').play(); tt.createVideoContext('v.1').pause(); },"
                + " mute() { this.setData({ m: true }); }, swap() { this.setData({ s: 'b.mp4' }); } });",
                "<video id=\"123\" src=\"{{s}}\" muted=\"{{m}}\"/><video id=\"v.1\"/>");
        app.view().html();
        RecordingListener ops = record(app);
        call(app, "go");
        call(app, "mute");
        call(app, "swap");
        int first = $(app, "video").nodeId();
        List<String> seen = ops.ops.stream().map(o -> o.path("op").asText() + " " + o.path("id").asInt()
                + (o.has("value") ? " " + o.get("value").path("command").asText() + " muted=" + o.get("value").path("muted") : "")
                + (o.path("restore").asBoolean() ? " restore" : ""))
                .toList();
        assertEquals(List.of("value " + first + " play muted=false", "value " + (first + 1) + " pause muted=false",
                "value " + first + " play muted=true", "replace " + first, "value " + first + " play muted=true restore"), seen,
                "a new video gets its flags restored (a mirror does not run the restored command again)");
        assertEquals(List.of(), entries(app, HostEvent.Kind.WARN));
    }

    /** What the automator's {@code video.callContextMethod} and Java tools use. */
    @Test
    void an_elements_context_methods_can_be_called_from_outside_the_page() throws Exception {
        MiniProgram app = launchPage("Page({});", "<video id=\"v\"/><view id=\"plain\"/>");
        app.view().html();
        RecordingListener ops = record(app);
        get($(app, "#v").callContextMethod("seek", json("[3]")));
        assertEquals("seek 3.0", ops.ops.get(0).get("value").path("command").asText() + " " + ops.ops.get(0).get("value").path("position"));
        ExecutionException missing = assertThrows(ExecutionException.class, () -> get($(app, "#v").callContextMethod("nope", json("[]"))));
        assertEquals("VideoContext has no nope()", missing.getCause().getMessage());
        ExecutionException none = assertThrows(ExecutionException.class,
                () -> get($(app, "#plain").callContextMethod("play", json("[]"))));
        assertEquals("this element has no context object", none.getCause().getMessage());
    }

    @Test
    void playback_a_browser_reports_reaches_the_page_as_the_documented_events() throws Exception {
        MiniProgram app = launchPage("Page({ " + HANDLERS + " });", VIDEO);
        get($(app, "#v").trigger("play", json("{\"ignored\":1}")));
        get($(app, "#v").trigger("timeupdate", json("{\"currentTime\":1.5,\"duration\":4,\"extra\":true}")));
        get($(app, "#v").trigger("ended", json("{}")));
        assertEquals(List.of("play {}", "timeupdate {\"currentTime\":1.5,\"duration\":4}", "ended v"), console(app));
    }

    @Test
    void a_context_without_its_video_warns_and_bad_arguments_answer_as_the_platform() throws Exception {
        MiniProgram app = launchPage("Page({ go() { tt.createVideoContext('nope').play(); tt.createVideoContext('v').seek(-1);"
                + " try { tt.createVideoContext('v', 5); } catch (e) { console.log(e.message); } } });", "<video id=\"v\"/>");
        app.view().html(); // as a mirror fetches the page: ops follow from then on
        RecordingListener ops = record(app);
        call(app, "go");
        assertEquals(List.of("createVideoContext:fail inputs[1] should be object or undefined, but got number"), console(app));
        assertEquals(List.of("pages/index/index.js:1:1: play(): no <video id=\"nope\"> in pages/index/index; nothing happens",
                "pages/index/index.ttml:1:1: <video> VideoContext.seek(-1): the position must be a number of seconds, 0 or more"),
                entries(app, HostEvent.Kind.WARN));
        assertTrue(ops.ops.stream().noneMatch(o -> o.path("op").asText().equals("value")), ops.ops.toString());
    }

    @Test
    void a_component_passes_itself_to_control_the_video_in_its_own_template() throws Exception {
        MiniProgram app = launchWithCard("Page({});", "<video id=\"v\"/><my-card id=\"c\"/>",
                "Component({ methods: { go() { tt.createVideoContext('v', this).play(); } } });", "<video id=\"v\" class=\"inner\"/>");
        app.view().html(); // as a mirror fetches the page: ops follow from then on
        RecordingListener ops = record(app);
        get($(app, "#c").component().orElseThrow().callMethod("go", (com.fasterxml.jackson.databind.node.ArrayNode) json("[]")));
        List<ObjectNode> values = ops.ops.stream().filter(o -> o.path("op").asText().equals("value")).toList();
        assertEquals(1, values.size(), ops.ops.toString());
        assertEquals($(app, ".inner").nodeId(), values.get(0).path("id").asInt());
    }
}
