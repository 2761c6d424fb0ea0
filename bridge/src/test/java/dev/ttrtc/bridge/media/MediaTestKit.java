package dev.ttrtc.bridge.media;

import dev.ttrtc.bridge.engine.AppId;
import dev.ttrtc.bridge.engine.AudioInput;
import dev.ttrtc.bridge.engine.EngineConfig;
import dev.ttrtc.bridge.engine.MediaConfig;
import dev.ttrtc.bridge.engine.RemoteMedia;
import dev.ttrtc.bridge.engine.RemoteMediaStats;
import dev.ttrtc.bridge.engine.RoomConfig;
import dev.ttrtc.bridge.signal.AccessToken;
import dev.ttrtc.bridge.signal.DevelopmentApp;
import dev.ttrtc.bridge.signal.server.RoomServer;
import dev.ttrtc.bridge.simulator.RemoteParticipant;
import dev.ttrtc.testkit.Eventually;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/** A real room server and Java participants with media, closed at the end of a test. */
final class MediaTestKit implements AutoCloseable {
    static final Duration TIMEOUT = Duration.ofSeconds(15);

    final RoomServer server = RoomServer.builder().port(0).build().start();
    private final List<RemoteParticipant> participants = new ArrayList<>();

    /** A token for the kit's room, granting everything for an hour. */
    static AccessToken token(String userId) {
        return AccessToken.issue(DevelopmentApp.APP_ID, "room", userId, System.currentTimeMillis() / 1000, 3600, true);
    }

    RemoteParticipant participant(String userId, MediaConfig media, RoomConfig config) {
        RemoteParticipant p = new RemoteParticipant(
                EngineConfig.of(server.signalUri(), AppId.of(DevelopmentApp.APP_ID), userId).withMedia(media), "room", userId,
                token(userId).serialize(DevelopmentApp.APP_KEY), config);
        participants.add(p);
        return p;
    }

    RemoteParticipant withTone(String userId, double hertz) {
        return participant(userId, MediaConfig.DEFAULT.withMicrophone(AudioInput.tone(hertz, -20)), RoomConfig.DEFAULT);
    }

    static void join(RemoteParticipant... ps) throws Exception {
        for (RemoteParticipant p : ps) {
            p.join().get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        }
    }

    /** Waits until what {@code listener} receives from {@code from} passes {@code check}; returns those stats. */
    static RemoteMediaStats awaitStats(RemoteParticipant listener, String from, Predicate<RemoteMediaStats> check) throws Exception {
        return Eventually.await(listener.userId() + " receiving what was expected from " + from, TIMEOUT,
                () -> listener.remoteMedia(from).map(m -> m.stats().orTimeout(5, TimeUnit.SECONDS).join()).orElse(null),
                stats -> stats != null && check.test(stats));
    }

    /** Waits until the decoded audio from {@code from} passes {@code check}. */
    static short[] awaitAudio(RemoteParticipant listener, String from, Predicate<short[]> check) throws Exception {
        short[] none = new short[0];
        return Eventually.await(listener.userId() + " hearing what was expected from " + from + " (last: the samples)", TIMEOUT,
                () -> listener.remoteMedia(from).map(m -> m.decodedAudio(Duration.ofMillis(200))).orElse(none),
                audio -> audio.length == 9600 && check.test(audio));
    }

    static RemoteMedia media(RemoteParticipant listener, String from) {
        return listener.remoteMedia(from).orElseThrow(() -> new AssertionError("no media from " + from));
    }

    @Override
    public void close() {
        participants.forEach(RemoteParticipant::close);
        server.close();
    }
}
