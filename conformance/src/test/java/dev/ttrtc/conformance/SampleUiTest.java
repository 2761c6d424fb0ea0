package dev.ttrtc.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ttrtc.bridge.engine.AppId;
import dev.ttrtc.bridge.engine.EngineConfig;
import dev.ttrtc.bridge.engine.MediaKind;
import dev.ttrtc.bridge.engine.RoomConfig;
import dev.ttrtc.bridge.engine.RoomMember;
import dev.ttrtc.bridge.engine.RtcRoom;
import dev.ttrtc.bridge.engine.UserId;
import dev.ttrtc.bridge.signal.AccessToken;
import dev.ttrtc.bridge.signal.DevelopmentApp;
import dev.ttrtc.bridge.signal.server.RoomServer;
import dev.ttrtc.bridge.simulator.RemoteParticipant;
import dev.ttrtc.bridge.tt.MiniProgramRtc;
import dev.ttrtc.bridge.tt.RtcSettings;
import dev.ttrtc.runtime.HostEvent;
import dev.ttrtc.runtime.LaunchOptions;
import dev.ttrtc.runtime.MiniProgram;
import dev.ttrtc.runtime.MiniProgramHost;
import dev.ttrtc.runtime.view.InstanceView;
import dev.ttrtc.runtime.view.ViewElement;
import dev.ttrtc.testkit.Eventually;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The sample driven only through its UI, as a user would on the phone: every step is a tap or
 * typing on the rendered page ({@code MiniProgram.view()}), every check what the page shows or
 * what the other member of the room is told. Beside the script suite: the harness's element API
 * is not there yet, so this one is JUnit.
 */
class SampleUiTest {
    static final Duration TIMEOUT = Duration.ofSeconds(30);
    static final String ROOM = "ui-room";

    RoomServer server;
    MiniProgramHost host;
    MiniProgram app;
    RemoteParticipant bob;

    @BeforeEach
    void start() throws Exception {
        server = RoomServer.builder().port(0).build().start();
        bob = new RemoteParticipant(EngineConfig.of(server.signalUri(), AppId.of(DevelopmentApp.APP_ID), "bob"), ROOM, "bob",
                token("bob"), RoomConfig.DEFAULT);
        bob.startCapture(MediaKind.VIDEO);
        bob.join().get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        host = MiniProgramHost.create();
        // The token is what a share link would carry; the room and the name are typed on the page.
        app = host.launch(LaunchOptions.builder(Path.of("../sample-miniapp"))
                .query("token", token("ana"))
                .extension(RtcSettings.class, RtcSettings.of(server.signalUri()))
                .build());
    }

    @AfterEach
    void stop() {
        app.close();
        host.close();
        bob.close();
        server.close();
    }

    @Test
    void a_user_types_a_room_and_a_name_joins_sees_a_remote_tile_mutes_and_leaves() throws Exception {
        InstanceView view = app.view();
        assertEquals("pages/index/index", view.route());

        List<ViewElement> fields = view.$$(".lobby input");
        assertEquals(2, fields.size(), "the lobby shows a room and a name field");
        fields.get(0).input(ROOM).get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        fields.get(1).input("ana").get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        assertEquals(ROOM, fields.get(0).text());
        button(view, "Join").tap().get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);

        Eventually.await("the room page is shown", TIMEOUT, view::route, "pages/room/room"::equals);
        Eventually.await("the header names the room and the user", TIMEOUT,
                () -> view.$(".header").map(ViewElement::text).orElse(""), t -> t.startsWith(ROOM + " · ana"));
        ViewElement tile = Eventually.await("an rtc-room tile for bob", TIMEOUT,
                () -> view.$("rtc-room[user-id=bob]").orElse(null), e -> e != null);
        assertEquals(Optional.of("video"), tile.attr("mode"));
        Eventually.await("ana's own preview tile", TIMEOUT, () -> view.$("rtc-room[user-id=ana]").flatMap(e -> e.attr("mode")),
                Optional.of("camera")::equals);
        // bob's pictures, as the mini-program decodes them for his tile, keep coming.
        long decoded = Eventually.await("bob's video decoded", TIMEOUT, () -> decodedFrom("bob"), n -> n > 0);
        Eventually.await("more of bob's frames", TIMEOUT, () -> decodedFrom("bob"), n -> n > decoded + 5);
        assertTrue(app.events().snapshot().stream().noneMatch(e -> e.kind() == HostEvent.Kind.WARN && e.text().contains("rtc-room")),
                "no rtc-room error: " + app.events().snapshot());

        button(view, "Mute").tap().get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        Eventually.await("bob is told that ana's microphone is off", TIMEOUT, () -> bob.members().stream()
                .filter(m -> m.userId().value().equals("ana")).findFirst().map(RoomMember::state).orElse(null),
                s -> s != null && !s.audioCapture());
        Eventually.await("the button offers Unmute", TIMEOUT, () -> view.$$(".controls button").stream().map(ViewElement::text).toList(),
                texts -> texts.contains("Unmute"));

        button(view, "Leave").tap().get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        Eventually.await("bob sees ana leave", TIMEOUT, () -> bob.events().stream()
                .anyMatch(e -> e.name().equals("userLeave") && e.userId().equals("ana")), left -> left);
        Eventually.await("back in the lobby", TIMEOUT, view::route, "pages/index/index"::equals);
    }

    private static ViewElement button(InstanceView view, String text) throws InterruptedException {
        return Eventually.await("a " + text + " button", TIMEOUT, () -> view.$$("button").stream()
                .filter(b -> b.text().equals(text)).findFirst().orElse(null), b -> b != null);
    }

    private long decodedFrom(String userId) {
        RtcRoom room = MiniProgramRtc.of(app).currentRoom();
        return room == null ? 0 : room.remoteMedia(UserId.of(userId)).map(m -> m.framesDecoded(MediaKind.VIDEO)).orElse(0L);
    }

    static String token(String userId) {
        return AccessToken.issue(DevelopmentApp.APP_ID, ROOM, userId, System.currentTimeMillis() / 1000, 3600, true)
                .serialize(DevelopmentApp.APP_KEY);
    }
}
