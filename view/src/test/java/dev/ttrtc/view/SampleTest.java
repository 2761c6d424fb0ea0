package dev.ttrtc.view;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ttrtc.runtime.ApiMock;
import dev.ttrtc.runtime.HostEvent;
import dev.ttrtc.runtime.LaunchOptions;
import dev.ttrtc.runtime.MiniProgram;
import dev.ttrtc.runtime.view.ViewElement;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The sample mini-program driven through its own pages: the lobby's inputs, switches and Join
 * button, then the room page's header, tiles and buttons. RTC is a JS stand-in here (this module
 * knows no RTC; the bridge's tests use real rooms): it accepts every call and reports the joining
 * user and bob as members, with bob speaking.
 */
class SampleTest extends ViewTestBase {
    private static final Path SAMPLE = Path.of("..", "sample-miniapp");
    private static final String FAKE_RTC = "(() => {"
            + " const listeners = {};"
            + " const emit = (name, res) => (listeners[name] || []).forEach((fn) => fn(res));"
            + " const ok = (p) => setTimeout(() => p.success && p.success({}), 0);"
            + " const ctx = { changeAudioCapture: ok, changeVideoCapture: ok, changeStreamPublishState: ok, exitRtcRoom: ok,"
            + "  joinRtcRoom: (p) => setTimeout(() => { p.success({});"
            + "   emit('RtcChatMembersChanged', { userIdList: [p.userId, 'bob'] });"
            + "   emit('RtcVideoMembersChanged', { userIdList: [p.userId, 'bob'] });"
            + "   emit('RtcChatSpeakersChanged', { userIdList: ['bob'] }); }, 0) };"
            + " for (const e of ['RtcChatMembersChanged', 'RtcVideoMembersChanged', 'RtcChatSpeakersChanged',"
            + "   'RtcPublishScreenMembersChanged', 'RtcChatInterrupted', 'RtcStateChanged']) {"
            + "  ctx['on' + e] = (fn) => (listeners[e] = listeners[e] || []).push(fn); ctx['off' + e] = () => {}; }"
            + " return () => ctx; })()";

    @Test
    void the_lobby_and_the_room_render_and_answer_taps_and_typing() throws Exception {
        MiniProgram app = launch(LaunchOptions.builder(SAMPLE).query("token", "tok")
                .mock("createRtcRoomContext", ApiMock.js(FAKE_RTC)));
        List<ViewElement> inputs = app.view().$$(".lobby .field input");
        assertEquals(2, inputs.size());
        assertEquals("demo-room", inputs.get(0).text());
        assertEquals("room id", inputs.get(0).attr("placeholder").orElseThrow());
        assertTrue(inputs.get(1).text().startsWith("user"), inputs.get(1).text());
        List<ViewElement> switches = app.view().$$(".switches switch");
        assertEquals(2, switches.size());
        assertTrue(app.view().html().contains("<tt-switch data-nid=\"" + switches.get(0).nodeId() + "\" type=\"switch\" checked=\"\""),
                app.view().html());
        ViewElement join = $(app, "button.button");
        assertEquals("Join", join.text());
        assertEquals("primary", join.attr("type").orElseThrow());
        assertTrue(app.view().$(".hint").isEmpty(), "the no-token hint is not rendered when a token is given");

        get(inputs.get(0).input("team"));
        get(inputs.get(1).input("alice"));
        get(switches.get(1).tap());
        assertEquals("team", app.pageData().get("roomId").asText());
        assertEquals(false, app.pageData().get("cameraOn").asBoolean());

        get(join.tap());
        waitUntil(() -> app.view().route().equals("pages/room/room") && app.view().$$(".tile").size() == 2);
        assertEquals("team · alice", $(app, ".header text").text());
        waitUntil(() -> $(app, ".header .hint").text().equals("joined"));
        List<ViewElement> tiles = app.view().$$(".grid .tile");
        assertEquals(List.of("alice", "bob"), tiles.stream().map(t -> t.children().get(1).text()).toList());
        assertEquals("rtc-room", tiles.get(1).children().get(0).tag());
        assertEquals("bob", tiles.get(1).children().get(0).attr("user-id").orElseThrow());
        assertEquals("name speaking", tiles.get(1).children().get(1).attr("class").orElseThrow());
        assertEquals("name ", tiles.get(0).children().get(1).attr("class").orElseThrow());
        assertEquals("In the room (2)", $(app, ".members .hint").text());
        assertEquals(List.of("alice", "bob speaking"), texts(app, ".member"));
        assertEquals(List.of("Mute", "Camera on", "Leave"), texts(app, ".controls button"));

        get(app.view().$$(".controls button").get(0).tap());
        waitUntil(() -> app.view().$$(".controls button").get(0).text().equals("Unmute"));
        assertEquals(List.of("pages/room/room.ttml:9:7: unknown tag <rtc-room>: rendered as a plain container"
                + " (it is neither a built-in component nor in usingComponents of pages/room/room)"), entries(app, HostEvent.Kind.WARN));
    }
}
