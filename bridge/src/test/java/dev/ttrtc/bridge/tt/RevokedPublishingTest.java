package dev.ttrtc.bridge.tt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ttrtc.bridge.engine.AppId;
import dev.ttrtc.bridge.engine.EngineConfig;
import dev.ttrtc.bridge.engine.MediaConfig;
import dev.ttrtc.bridge.engine.RoomConfig;
import dev.ttrtc.bridge.signal.AccessToken;
import dev.ttrtc.bridge.signal.DevelopmentApp;
import dev.ttrtc.bridge.signal.server.RoomServer;
import dev.ttrtc.bridge.simulator.RemoteParticipant;
import dev.ttrtc.runtime.HostOptions;
import dev.ttrtc.runtime.LaunchOptions;
import dev.ttrtc.runtime.MiniProgram;
import dev.ttrtc.runtime.MiniProgramHost;
import dev.ttrtc.testkit.Eventually;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A member whose token's publish privilege ends a few seconds after it joined, as the JS faces
 * report it (docs/rtc.md, "publish privilege ending mid-call"): the room context's lists, then
 * {@code onRtcStateChanged} 21130; the mini-game's {@code warning}; the others see the member
 * publish nothing; publishing again fails with 21130. Real room server, signalling only (the media
 * side is in MediaFlowTest).
 */
class RevokedPublishingTest {
    static final Duration DEADLINE = Duration.ofSeconds(30);
    /** Long enough for a signalling-only join and publish on a busy machine; the test waits it out. */
    static final long PUBLISH_SECONDS = 6;
    static final String APP_JS = """
            globalThis.seen = [];
            globalThis.call = (target, method, params) => new Promise((resolve) => target[method](Object.assign({}, params, {
              success: (res) => resolve({ok: true, res: res}),
              fail: (res) => resolve({ok: false, res: res})
            })));
            globalThis.record = (target, event) => target[event]((res) => seen.push({event: event, res: res}));
            App({});
            """;

    RoomServer server;
    MiniProgramHost host;
    final List<AutoCloseable> closeables = new ArrayList<>();

    @BeforeEach
    void start() {
        server = RoomServer.builder().port(0).build().start();
        host = MiniProgramHost.create(HostOptions.defaults().withTaskBudget(DEADLINE));
    }

    @AfterEach
    void stop() throws Exception {
        for (int i = closeables.size() - 1; i >= 0; i--) {
            closeables.get(i).close();
        }
        host.close();
        server.close();
    }

    MiniProgram launch(Path project) throws Exception {
        Files.writeString(project.resolve("app.json"), "{\"pages\": [\"pages/index/index\"]}");
        Files.writeString(project.resolve("app.js"), APP_JS);
        Files.createDirectories(project.resolve("pages/index"));
        Files.writeString(project.resolve("pages/index/index.js"), "Page({});");
        MiniProgram app = host.launch(LaunchOptions.builder(project)
                .extension(RtcSettings.class, RtcSettings.of(server.signalUri()).withMedia(MediaConfig.SIGNALLING_ONLY)).build());
        closeables.add(app);
        return app;
    }

    RemoteParticipant bob(String room) throws Exception {
        RemoteParticipant bob = new RemoteParticipant(
                EngineConfig.of(server.signalUri(), AppId.of(DevelopmentApp.APP_ID), "bob").withMedia(MediaConfig.SIGNALLING_ONLY), room, "bob",
                token(room, "bob").serialize(DevelopmentApp.APP_KEY), RoomConfig.DEFAULT);
        closeables.add(bob);
        bob.join().get(DEADLINE.toSeconds(), TimeUnit.SECONDS);
        return bob;
    }

    static AccessToken token(String room, String user) {
        return AccessToken.issue(DevelopmentApp.APP_ID, room, user, System.currentTimeMillis() / 1000, 3600, true);
    }

    /** A token whose publish privilege ends {@link #PUBLISH_SECONDS} from now. */
    static String publishingBriefly(String room, String user) {
        return token(room, user).withPublishUntil(System.currentTimeMillis() / 1000 + PUBLISH_SECONDS).serialize(DevelopmentApp.APP_KEY);
    }

    static JsonNode eval(MiniProgram app, String js) throws Exception {
        return app.evaluate(js).get(DEADLINE.toSeconds(), TimeUnit.SECONDS);
    }

    /** The recorded {event, res} entries, in the order the listeners ran. */
    static List<JsonNode> seen(MiniProgram app) {
        try {
            List<JsonNode> all = new ArrayList<>();
            eval(app, "seen").forEach(all::add);
            return all;
        } catch (Exception e) {
            throw new AssertionError("reading the recorded events", e);
        }
    }

    static int indexOf(List<JsonNode> seen, String event, String res) {
        for (int i = 0; i < seen.size(); i++) {
            if (seen.get(i).path("event").asText().equals(event) && seen.get(i).path("res").toString().equals(res)) {
                return i;
            }
        }
        return -1;
    }

    static boolean publishes(RemoteParticipant viewer, String userId, boolean audio, boolean video) {
        return viewer.members().stream().anyMatch(m -> m.userId().value().equals(userId)
                && m.state().audioPublished() == audio && m.state().videoPublished() == video);
    }

    @Test
    void the_room_context_hears_21130_after_its_lists_and_publishing_again_fails(@TempDir Path project) throws Exception {
        RemoteParticipant bob = bob("r");
        MiniProgram app = launch(project);
        eval(app, "globalThis.ctx = tt.createRtcRoomContext({appId: '" + DevelopmentApp.APP_ID + "'});"
                + " ['onRtcStateChanged', 'onRtcVideoMembersChanged', 'onRtcChatMembersChanged'].forEach((e) => record(ctx, e)); true");
        assertTrue(eval(app, "call(ctx, 'changeAudioCapture', {state: 1})").path("ok").asBoolean());
        assertTrue(eval(app, "call(ctx, 'changeVideoCapture', {state: 1})").path("ok").asBoolean());
        JsonNode joined = eval(app, "call(ctx, 'joinRtcRoom', {roomId: 'r', userId: 'alice', token: '" + publishingBriefly("r", "alice") + "'})");
        assertTrue(joined.path("ok").asBoolean(), joined.toString());
        Eventually.await("bob sees alice publish (autoPublish) before her privilege ends", DEADLINE,
                () -> publishes(bob, "alice", true, true));

        String state = "{\"errNo\":21130,\"errMsg\":\"the token no longer grants publishing\",\"data\":{\"roomId\":\"r\"}}";
        List<JsonNode> seen = Eventually.await("onRtcStateChanged 21130", DEADLINE, () -> seen(app),
                s -> indexOf(s, "onRtcStateChanged", state) >= 0);
        String videoWithAlice = "{\"userIdList\":[\"alice\"],\"errCode\":0,\"errMsg\":\"onRtcVideoMembersChanged:ok\"}";
        String videoEmpty = "{\"userIdList\":[],\"errCode\":0,\"errMsg\":\"onRtcVideoMembersChanged:ok\"}";
        int withAlice = indexOf(seen, "onRtcVideoMembersChanged", videoWithAlice);
        int empty = indexOf(seen, "onRtcVideoMembersChanged", videoEmpty);
        assertTrue(withAlice >= 0 && withAlice < empty && empty < indexOf(seen, "onRtcStateChanged", state),
                "the video list loses alice, then onRtcStateChanged says why: " + seen);
        assertEquals(1, seen.stream().filter(e -> e.path("event").asText().equals("onRtcStateChanged")).count(), seen.toString());

        Eventually.await("bob sees alice publish nothing", DEADLINE, () -> publishes(bob, "alice", false, false));
        assertTrue(bob.events().stream().anyMatch(e -> e.name().equals("userUnpublish") && e.userId().equals("alice")
                && e.detail().equals("video")), bob.events().toString());
        JsonNode again = eval(app, "call(ctx, 'changeStreamPublishState', {state: 1, streamType: 'both'})");
        assertEquals("{\"ok\":false,\"res\":{\"errMsg\":\"changeStreamPublishState:fail the token does not grant publishing\","
                + "\"errNo\":21130}}", again.toString());
        JsonNode chat = eval(app, "seen.filter((e) => e.event === 'onRtcChatMembersChanged').pop().res.userIdList");
        assertEquals("[\"bob\",\"alice\"]", chat.toString(), "alice is still in the room");
    }

    @Test
    void the_mini_game_hears_a_warning_and_its_audio_reads_as_muted(@TempDir Path project) throws Exception {
        RemoteParticipant bob = bob("g");
        MiniProgram app = launch(project);
        eval(app, "globalThis.engine = tt.getRtcEngine('" + DevelopmentApp.APP_ID + "'); record(engine, 'onWarning'); true");
        JsonNode joined = eval(app, "call(engine, 'joinChannel', {channelId: 'g', uid: 'carol', token: '" + publishingBriefly("g", "carol") + "'})");
        assertTrue(joined.path("ok").asBoolean(), joined.toString());
        assertTrue(eval(app, "call(engine, 'enableLocalAudio', {})").path("ok").asBoolean());
        Eventually.await("bob sees carol publish audio before her privilege ends", DEADLINE, () -> publishes(bob, "carol", true, false));

        String warning = "{\"code\":21130,\"message\":\"the token no longer grants publishing\"}";
        Eventually.await("the warning 21130", DEADLINE, () -> seen(app), s -> indexOf(s, "onWarning", warning) >= 0);
        assertEquals("{\"enabled\":true,\"muted\":true,\"inChannel\":true}", eval(app, "engine.getLocalAudioStatus()").toString());
        Eventually.await("bob sees carol publish nothing", DEADLINE, () -> publishes(bob, "carol", false, false));
        assertEquals("{\"ok\":false,\"res\":{\"errMsg\":\"unmuteLocalAudioStream:fail the token does not grant publishing\","
                + "\"errNo\":102,\"errCode\":102}}", eval(app, "call(engine, 'unmuteLocalAudioStream', {})").toString());
    }
}
