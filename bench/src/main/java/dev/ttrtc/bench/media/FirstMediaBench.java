package dev.ttrtc.bench.media;

import dev.ttrtc.bench.Benchmark;
import dev.ttrtc.bench.Clocks;
import dev.ttrtc.bench.Flags;
import dev.ttrtc.bench.Report;
import dev.ttrtc.bench.Stats;
import dev.ttrtc.bench.Table;
import dev.ttrtc.bench.Tokens;
import dev.ttrtc.bridge.engine.AppId;
import dev.ttrtc.bridge.engine.AudioInput;
import dev.ttrtc.bridge.engine.EngineConfig;
import dev.ttrtc.bridge.engine.MediaConfig;
import dev.ttrtc.bridge.engine.MediaKind;
import dev.ttrtc.bridge.engine.RoomConfig;
import dev.ttrtc.bridge.engine.RoomEventHandler;
import dev.ttrtc.bridge.engine.RoomId;
import dev.ttrtc.bridge.engine.RtcEngine;
import dev.ttrtc.bridge.engine.RtcRoom;
import dev.ttrtc.bridge.engine.UserId;
import dev.ttrtc.bridge.signal.DevelopmentApp;
import dev.ttrtc.bridge.signal.server.RoomServer;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Join to first media: Java participant A is in a room capturing (and so, with autoPublish,
 * publishing) audio and 320x240 video; B, capturing the same, joins. Measured from B's join call:
 * B's join future, B's first decoded audio and video from A, and A's first decoded audio and
 * video from B (the mesh opens one link each way).
 *
 * <p>The microphones send a steady tone instead of the default speech recording: the first-audio
 * event fires on the first decoded frame with sound, and speech would add whatever silence
 * happens to be playing at that moment of the recording.
 */
public final class FirstMediaBench implements Benchmark {
    private static final long TIMEOUT_SECONDS = 20;
    /** How long after B's join call a first frame may take before it counts as missing. */
    private static final long FIRST_FRAME_TIMEOUT_SECONDS = 10;
    private static final List<String> ROWS = List.of("B: call → joined", "B: call → first audio from A",
            "B: call → first video from A", "A: B's call → first audio from B", "A: B's call → first video from B");

    @Override
    public String id() {
        return "media.first";
    }

    @Override
    public List<Flags.Spec> flags() {
        return List.of(Flags.Spec.of("first-media-runs", 10, 2, "joins measured (each in a fresh room)"));
    }

    @Override
    public void run(Flags flags, Report report) throws Exception {
        int runs = flags.integer("first-media-runs");
        Map<String, List<Double>> rows = new LinkedHashMap<>();
        ROWS.forEach(r -> rows.put(r, new ArrayList<>()));
        Map<String, Integer> missing = new LinkedHashMap<>();
        ROWS.forEach(r -> missing.put(r, 0));
        try (RoomServer server = RoomServer.builder().port(0).build().start()) {
            MediaConfig media = MediaConfig.DEFAULT.withMicrophone(AudioInput.tone(440, -20));
            try (RtcEngine a = engine(server.signalUri(), "first-a", media);
                    RtcEngine b = engine(server.signalUri(), "first-b", media)) {
                for (int run = -1; run < runs; run++) {
                    report.progress("first media " + (run + 2) + "/" + (runs + 1) + (run < 0 ? " (warm-up)" : ""));
                    measure(a, b, "first-" + (run + 1), run < 0 ? null : rows, missing);
                }
            }
        }
        Table table = Table.latency(id(), "Join to first media (Java participants, audio + 320x240 video)", "measured",
                "missing")
                .describe("A is in the room publishing audio (a 440 Hz tone) and 320x240@15 test-pattern video; B, "
                        + "publishing the same, joins. All times from B's join call; first audio = first decoded frame "
                        + "with sound (onFirstRemoteAudioFrame), first video = onFirstRemoteVideoFrameDecoded. "
                        + runs + " runs in fresh rooms, one warm-up first; the engines (and WebRTC's factories) are reused. "
                        + "`missing`: runs where it did not happen within " + FIRST_FRAME_TIMEOUT_SECONDS + " s.");
        rows.forEach((label, samples) -> table.summaryRow(Stats.of(samples), label, missing.get(label)));
        report.table(table);
    }

    private static RtcEngine engine(URI server, String name, MediaConfig media) {
        RtcEngine engine = RtcEngine.create(EngineConfig.of(server, AppId.of(DevelopmentApp.APP_ID), name).withMedia(media));
        engine.startAudioCapture();
        engine.startVideoCapture();
        return engine;
    }

    private static void measure(RtcEngine a, RtcEngine b, String roomId, Map<String, List<Double>> rows,
            Map<String, Integer> missing) throws Exception {
        CountDownLatch firsts = new CountDownLatch(4);
        Map<String, AtomicLong> at = new LinkedHashMap<>();
        ROWS.forEach(r -> at.put(r, new AtomicLong()));
        RtcRoom roomA = a.createRoom(RoomId.of(roomId));
        roomA.setRoomEventHandler(new FirstFrames(at.get(ROWS.get(3)), at.get(ROWS.get(4)), firsts));
        RtcRoom roomB = b.createRoom(RoomId.of(roomId));
        roomB.setRoomEventHandler(new FirstFrames(at.get(ROWS.get(1)), at.get(ROWS.get(2)), firsts));
        try {
            roomA.join(Tokens.of(roomId, "a"), UserId.of("a"), RoomConfig.DEFAULT).get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
            String token = Tokens.of(roomId, "b");
            long called = System.nanoTime();
            roomB.join(token, UserId.of("b"), RoomConfig.DEFAULT).get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
            at.get(ROWS.get(0)).set(System.nanoTime());
            firsts.await(FIRST_FRAME_TIMEOUT_SECONDS, TimeUnit.SECONDS);
            if (rows != null) {
                at.forEach((label, nanos) -> {
                    if (nanos.get() == 0) {
                        missing.merge(label, 1, Integer::sum);
                    } else {
                        rows.get(label).add(Clocks.millisSince(called, nanos.get()));
                    }
                });
            }
        } finally {
            roomB.destroy().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
            roomA.destroy().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        }
    }

    /** Stamps the first audio and first camera frame from the other member (engine thread). */
    private static final class FirstFrames implements RoomEventHandler {
        private final AtomicLong audio;
        private final AtomicLong video;
        private final CountDownLatch latch;

        FirstFrames(AtomicLong audio, AtomicLong video, CountDownLatch latch) {
            this.audio = audio;
            this.video = video;
            this.latch = latch;
        }

        @Override
        public void onFirstRemoteAudioFrame(UserId userId) {
            if (audio.compareAndSet(0, System.nanoTime())) {
                latch.countDown();
            }
        }

        @Override
        public void onFirstRemoteVideoFrameDecoded(UserId userId, MediaKind kind, int width, int height) {
            if (kind == MediaKind.VIDEO && video.compareAndSet(0, System.nanoTime())) {
                latch.countDown();
            }
        }
    }
}
