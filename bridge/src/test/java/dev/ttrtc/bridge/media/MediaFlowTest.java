package dev.ttrtc.bridge.media;

import static dev.ttrtc.bridge.media.MediaTestKit.awaitAudio;
import static dev.ttrtc.bridge.media.MediaTestKit.awaitStats;
import static dev.ttrtc.bridge.media.MediaTestKit.join;
import static dev.ttrtc.bridge.media.MediaTestKit.media;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ttrtc.bridge.engine.AudioInput;
import dev.ttrtc.bridge.engine.MediaConfig;
import dev.ttrtc.bridge.engine.MediaKind;
import dev.ttrtc.bridge.engine.RemoteMediaStats;
import dev.ttrtc.bridge.engine.RoomConfig;
import dev.ttrtc.bridge.engine.VideoEncoderConfig;
import dev.ttrtc.bridge.errors.RtcException;
import dev.ttrtc.bridge.media.analysis.LevelMeter;
import dev.ttrtc.bridge.signal.DevelopmentApp;
import dev.ttrtc.bridge.simulator.RemoteParticipant;
import dev.ttrtc.testkit.Eventually;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

/** Audio and video between Java participants through the real room server and real WebRTC. */
class MediaFlowTest {

    private static boolean tone(short[] audio, double hertz) {
        return Goertzel.share(audio, hertz, 48000) > 0.9 && LevelMeter.dbov(audio) > -30;
    }

    @Test
    void a_listener_hears_the_tone_that_is_sent() throws Exception {
        try (MediaTestKit kit = new MediaTestKit()) {
            RemoteParticipant alice = kit.withTone("alice", 440);
            RemoteParticipant bob = kit.withTone("bob", 880);
            alice.startCapture(MediaKind.AUDIO);
            join(alice, bob);
            short[] heard = awaitAudio(bob, "alice", audio -> tone(audio, 440));
            assertTrue(Goertzel.share(heard, 880, 48000) < 0.05, "bob hears alice, not himself");
            assertEquals(-23, LevelMeter.dbov(heard), 1.5, "the level arrives as sent");
            var fromAlice = bob.remoteMedia("alice").orElseThrow();
            assertTrue(fromAlice.connectedNanos().isPresent(), "the link reports when it connected");
            assertTrue(fromAlice.connectedNanos().get() <= fromAlice.firstAudioNanos().orElseThrow(),
                    "connected before the first audio came through it");
        }
    }

    @Test
    void three_participants_each_hear_the_other_two() throws Exception {
        try (MediaTestKit kit = new MediaTestKit()) {
            RemoteParticipant a = kit.withTone("a", 440);
            RemoteParticipant b = kit.withTone("b", 660);
            RemoteParticipant c = kit.withTone("c", 990);
            for (RemoteParticipant p : new RemoteParticipant[] {a, b, c}) {
                p.startCapture(MediaKind.AUDIO);
            }
            join(a, b, c);
            awaitAudio(a, "b", audio -> tone(audio, 660));
            awaitAudio(a, "c", audio -> tone(audio, 990));
            awaitAudio(b, "a", audio -> tone(audio, 440));
            awaitAudio(b, "c", audio -> tone(audio, 990));
            awaitAudio(c, "a", audio -> tone(audio, 440));
            awaitAudio(c, "b", audio -> tone(audio, 660));
        }
    }

    @Test
    void silence_stays_silent() throws Exception {
        try (MediaTestKit kit = new MediaTestKit()) {
            RemoteParticipant quiet = kit.participant("quiet", MediaConfig.DEFAULT.withMicrophone(AudioInput.silence()), RoomConfig.DEFAULT);
            RemoteParticipant listener = kit.withTone("listener", 440);
            quiet.startCapture(MediaKind.AUDIO);
            join(quiet, listener);
            awaitStats(listener, "quiet", s -> s.audio().packetsReceived() > 50 && s.audio().samplesDecoded() > 48000);
            short[] heard = media(listener, "quiet").decodedAudio(java.time.Duration.ofSeconds(1));
            assertEquals(48000, heard.length);
            assertTrue(LevelMeter.dbov(heard) < -80, "level " + LevelMeter.dbov(heard));
            for (short sample : heard) {
                assertTrue(Math.abs(sample) <= 2, "a sample of " + sample);
            }
        }
    }

    @Test
    void video_decodes_at_the_configured_size_and_its_counter_advances() throws Exception {
        try (MediaTestKit kit = new MediaTestKit()) {
            RemoteParticipant camera = kit.withTone("camera", 440);
            RemoteParticipant viewer = kit.withTone("viewer", 880);
            camera.engine().setVideoEncoderConfig(new VideoEncoderConfig(480, 360, 10));
            camera.startCapture(MediaKind.VIDEO);
            join(camera, viewer);
            RemoteMediaStats first = awaitStats(viewer, "camera", s -> s.camera().framesDecoded() >= 5);
            assertEquals(480, first.camera().width());
            assertEquals(360, first.camera().height());
            RemoteMediaStats later = awaitStats(viewer, "camera", s -> s.camera().framesDecoded() >= first.camera().framesDecoded() + 10);
            assertTrue(later.camera().lastCounter() > first.camera().lastCounter(),
                    first.camera().lastCounter() + " then " + later.camera().lastCounter());
            // The link's round trip, from ICE's checks on the nominated candidate pair.
            awaitStats(viewer, "camera", s -> s.roundTripMillis() >= 0);
            BufferedImage frame = media(viewer, "camera").latestFrame(MediaKind.VIDEO).orElseThrow();
            assertEquals(480, frame.getWidth());
            Path artifacts = Path.of("target", "artifacts");
            java.nio.file.Files.createDirectories(artifacts);
            ImageIO.write(frame, "png", artifacts.resolve("decoded-test-pattern.png").toFile());
        }
    }

    /**
     * Counters must stop rising: compared while another publisher's packets, the test's clock,
     * rise by about a second's worth.
     */
    @Test
    void unpublishing_stops_the_flow_and_publishing_again_resumes_it() throws Exception {
        try (MediaTestKit kit = new MediaTestKit()) {
            RemoteParticipant speaker = kit.withTone("speaker", 440);
            RemoteParticipant clock = kit.withTone("clock", 660);
            RemoteParticipant listener = kit.withTone("listener", 880);
            speaker.startCapture(MediaKind.AUDIO);
            speaker.startCapture(MediaKind.VIDEO);
            clock.startCapture(MediaKind.AUDIO);
            join(speaker, clock, listener);
            awaitStats(listener, "speaker", s -> s.audio().packetsReceived() > 20 && s.camera().framesDecoded() > 5);
            speaker.unpublish(MediaKind.AUDIO).get();
            speaker.unpublish(MediaKind.VIDEO).get();
            RemoteMediaStats stopped = awaitStats(listener, "speaker", s -> !s.audio().receiving() && !s.camera().receiving());
            long clockAtStop = awaitStats(listener, "clock", s -> true).audio().packetsReceived();
            awaitStats(listener, "clock", s -> s.audio().packetsReceived() > clockAtStop + 100);
            RemoteMediaStats later = awaitStats(listener, "speaker", s -> true);
            assertEquals(stopped.audio().packetsReceived(), later.audio().packetsReceived(), "no audio packets after unpublish");
            assertEquals(stopped.camera().framesDecoded(), later.camera().framesDecoded(), "no video frames after unpublish");
            speaker.publish(MediaKind.AUDIO).get();
            awaitAudio(listener, "speaker", audio -> tone(audio, 440));
            awaitStats(listener, "speaker", s -> s.audio().packetsReceived() > later.audio().packetsReceived() + 20);
        }
    }

    /**
     * The room server ends the speaker's publishing when its publish privilege expires (a token
     * renewed mid-call whose privilege ends 2 s later): the speaker hears why, sending stops (the
     * listener's counters stop rising while the clock's rise), and publishing again is refused.
     */
    @Test
    void a_publish_privilege_ending_mid_call_stops_the_flow_and_a_new_publish_is_refused() throws Exception {
        try (MediaTestKit kit = new MediaTestKit()) {
            RemoteParticipant speaker = kit.withTone("speaker", 440);
            RemoteParticipant clock = kit.withTone("clock", 660);
            RemoteParticipant listener = kit.withTone("listener", 880);
            speaker.startCapture(MediaKind.AUDIO);
            speaker.startCapture(MediaKind.VIDEO);
            clock.startCapture(MediaKind.AUDIO);
            join(speaker, clock, listener);
            awaitStats(listener, "speaker", s -> s.audio().packetsReceived() > 20 && s.camera().framesDecoded() > 5);
            long now = System.currentTimeMillis() / 1000;
            speaker.updateToken(MediaTestKit.token("speaker").withPublishUntil(now + 2).serialize(DevelopmentApp.APP_KEY))
                    .get(MediaTestKit.TIMEOUT.toSeconds(), TimeUnit.SECONDS);

            Eventually.await("the speaker hears that its publishing was revoked", MediaTestKit.TIMEOUT,
                    () -> speaker.events().stream().anyMatch(e -> e.name().equals("publishRevoked")
                            && e.detail().equals("21130 the token no longer grants publishing")));
            assertTrue(speaker.members().stream().anyMatch(m -> m.local() && !m.state().audioPublished() && !m.state().videoPublished()),
                    "the speaker's own view: " + speaker.members());
            Eventually.await("the listener sees the speaker publish nothing", MediaTestKit.TIMEOUT,
                    () -> listener.members().stream().anyMatch(m -> m.userId().value().equals("speaker") && !m.state().audioPublished()
                            && !m.state().videoPublished()));
            RemoteMediaStats stopped = awaitStats(listener, "speaker", s -> !s.audio().receiving() && !s.camera().receiving());
            long clockAtStop = awaitStats(listener, "clock", s -> true).audio().packetsReceived();
            awaitStats(listener, "clock", s -> s.audio().packetsReceived() > clockAtStop + 100);
            RemoteMediaStats later = awaitStats(listener, "speaker", s -> true);
            assertEquals(stopped.audio().packetsReceived(), later.audio().packetsReceived(), "no audio packets after the revocation");
            assertEquals(stopped.camera().framesDecoded(), later.camera().framesDecoded(), "no video frames after the revocation");

            ExecutionException refused = assertThrows(ExecutionException.class,
                    () -> speaker.publish(MediaKind.AUDIO).get(MediaTestKit.TIMEOUT.toSeconds(), TimeUnit.SECONDS));
            RtcException cause = assertInstanceOf(RtcException.class, RtcException.causeOf(refused));
            assertEquals(21130, cause.error().code());
            assertEquals("the token does not grant publishing", cause.detail());
            assertTrue(speaker.isJoined(), "the speaker stays in the room");
        }
    }

    @Test
    void unsubscribing_stops_the_flow_to_that_listener_only() throws Exception {
        try (MediaTestKit kit = new MediaTestKit()) {
            RemoteParticipant speaker = kit.withTone("speaker", 440);
            RemoteParticipant picky = kit.withTone("picky", 880);
            RemoteParticipant fan = kit.withTone("fan", 660);
            speaker.startCapture(MediaKind.AUDIO);
            join(speaker, picky, fan);
            awaitStats(picky, "speaker", s -> s.audio().packetsReceived() > 20);
            picky.unsubscribe("speaker", MediaKind.AUDIO).get();
            RemoteMediaStats stopped = awaitStats(picky, "speaker", s -> !s.audio().receiving());
            long fanAtStop = awaitStats(fan, "speaker", s -> true).audio().packetsReceived();
            awaitStats(fan, "speaker", s -> s.audio().packetsReceived() > fanAtStop + 100);
            RemoteMediaStats later = awaitStats(picky, "speaker", s -> true);
            assertEquals(stopped.audio().packetsReceived(), later.audio().packetsReceived(),
                    "no packets to the unsubscribed listener while the other kept receiving");
            picky.subscribe("speaker", MediaKind.AUDIO).get();
            awaitAudio(picky, "speaker", audio -> tone(audio, 440));
        }
    }

    @Test
    void a_screen_share_reaches_the_others() throws Exception {
        try (MediaTestKit kit = new MediaTestKit()) {
            RemoteParticipant presenter = kit.withTone("presenter", 440);
            RemoteParticipant viewer = kit.withTone("viewer", 880);
            join(presenter, viewer);
            presenter.publish(MediaKind.SCREEN).get();
            RemoteMediaStats stats = awaitStats(viewer, "presenter", s -> s.screen().framesDecoded() >= 3);
            assertEquals(640, stats.screen().width());
            assertEquals(0, stats.camera().framesDecoded());
        }
    }
}
