package dev.ttrtc.bench.media;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ttrtc.bench.ProcessMetrics;
import dev.ttrtc.bench.Tokens;
import dev.ttrtc.bridge.engine.AppId;
import dev.ttrtc.bridge.engine.EngineConfig;
import dev.ttrtc.bridge.engine.MediaConfig;
import dev.ttrtc.bridge.engine.MediaKind;
import dev.ttrtc.bridge.engine.RemoteMediaStats;
import dev.ttrtc.bridge.engine.RoomConfig;
import dev.ttrtc.bridge.engine.RoomEventHandler;
import dev.ttrtc.bridge.engine.RoomId;
import dev.ttrtc.bridge.engine.RtcEngine;
import dev.ttrtc.bridge.engine.RtcRoom;
import dev.ttrtc.bridge.engine.UserId;
import dev.ttrtc.bridge.engine.VideoEncoderConfig;
import dev.ttrtc.bridge.signal.DevelopmentApp;
import dev.ttrtc.bridge.signal.server.RoomServer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * The child JVM of {@link RoomLoadBench}: a room server and N Java participants capturing and
 * publishing audio (speech) and 320x240@15 video, everyone receiving everyone (a mesh: N×(N−1)
 * links each way). Once every participant decodes video from every other, it waits a settling
 * time, then measures process CPU time (over the window and each second of it), resident memory
 * and each link's decoded frames a second over the window. One JSON line. A room too big for the
 * machine is measured too: links that never decoded video within 30 s are counted, not fatal.
 *
 * <p>Arguments: participants, window seconds, settle seconds.
 */
public final class RoomLoadChild {
    /** How long every link may take to decode its first video frame before the window starts anyway. */
    private static final long VIDEO_TIMEOUT_SECONDS = 30;

    private RoomLoadChild() {
    }

    public static void main(String[] args) throws Exception {
        int count = Integer.parseInt(args[0]);
        long windowMillis = Long.parseLong(args[1]) * 1000;
        long settleMillis = Long.parseLong(args[2]) * 1000;
        try (RoomServer server = RoomServer.builder().port(0).build().start()) {
            List<RtcEngine> engines = new ArrayList<>();
            List<RtcRoom> rooms = new ArrayList<>();
            CountDownLatch allVideo = new CountDownLatch(count * (count - 1));
            for (int i = 0; i < count; i++) {
                RtcEngine engine = RtcEngine.create(EngineConfig.of(server.signalUri(), AppId.of(DevelopmentApp.APP_ID), "load" + i)
                        .withMedia(MediaConfig.DEFAULT));
                engine.setVideoEncoderConfig(new VideoEncoderConfig(320, 240, 15));
                engine.startAudioCapture();
                engine.startVideoCapture();
                RtcRoom room = engine.createRoom(RoomId.of("load"));
                room.setRoomEventHandler(new RoomEventHandler() {
                    @Override
                    public void onFirstRemoteVideoFrameDecoded(UserId userId, MediaKind kind, int width, int height) {
                        allVideo.countDown();
                    }
                });
                room.join(Tokens.of("load", "u" + i), UserId.of("u" + i), RoomConfig.DEFAULT).get(20, TimeUnit.SECONDS);
                engines.add(engine);
                rooms.add(room);
            }
            // A room too big for the machine may never decode every link: measure it anyway and say so.
            allVideo.await(VIDEO_TIMEOUT_SECONDS, TimeUnit.SECONDS);
            long linksWithoutVideo = allVideo.getCount();
            Thread.sleep(settleMillis);

            Map<String, Long> framesBefore = framesDecoded(rooms);
            long cpuBefore = ProcessMetrics.cpuNanos();
            long wallBefore = System.nanoTime();
            List<Long> rss = new ArrayList<>();
            List<Double> cpuSeconds = new ArrayList<>();
            long lastCpu = cpuBefore;
            long lastWall = wallBefore;
            while (System.nanoTime() - wallBefore < windowMillis * 1_000_000) {
                Thread.sleep(1000);
                long cpu = ProcessMetrics.cpuNanos();
                long wall = System.nanoTime();
                cpuSeconds.add((cpu - lastCpu) * 100.0 / (wall - lastWall));
                lastCpu = cpu;
                lastWall = wall;
                rss.add(ProcessMetrics.rssBytes());
            }
            long cpuAfter = ProcessMetrics.cpuNanos();
            long wallAfter = System.nanoTime();
            Map<String, Long> framesAfter = framesDecoded(rooms);

            double wall = (wallAfter - wallBefore) / 1e9;
            ObjectMapper json = new ObjectMapper();
            ObjectNode out = json.createObjectNode();
            out.put("participants", count);
            out.put("window_seconds", wall);
            out.put("cpu_core_percent", (cpuAfter - cpuBefore) / 1e9 / wall * 100);
            out.put("cores", Runtime.getRuntime().availableProcessors());
            out.put("rss_median", rss.stream().sorted().toList().get(rss.size() / 2));
            out.put("rss_peak", ProcessMetrics.peakRssBytes());
            out.put("heap_used", Runtime.getRuntime().totalMemory() - Runtime.getRuntime().freeMemory());
            out.put("threads", Thread.activeCount());
            out.put("links_without_video", linksWithoutVideo);
            ArrayNode perLink = out.putArray("video_fps_links");
            long frames = 0;
            int links = count * (count - 1);
            for (int i = 0; i < count; i++) {
                for (int j = 0; j < count; j++) {
                    if (i != j) {
                        String link = "u" + j + ">u" + i;
                        long delta = framesAfter.getOrDefault(link, 0L) - framesBefore.getOrDefault(link, 0L);
                        frames += delta;
                        perLink.add(delta / wall);
                    }
                }
            }
            out.put("video_fps_per_link", frames / wall / links);
            ArrayNode seconds = out.putArray("cpu_core_percent_seconds");
            cpuSeconds.forEach(seconds::add);
            System.out.println(out);
            System.out.flush();
        }
        Runtime.getRuntime().halt(0);
    }

    /** Camera frames decoded so far on every link, keyed {@code sender>receiver}; a link without media counts 0. */
    private static Map<String, Long> framesDecoded(List<RtcRoom> rooms) throws Exception {
        Map<String, Long> frames = new HashMap<>();
        for (RtcRoom room : rooms) {
            for (var member : room.members()) {
                if (member.userId().equals(room.userId())) {
                    continue;
                }
                var media = room.remoteMedia(member.userId());
                if (media.isPresent()) {
                    RemoteMediaStats stats = media.get().stats().get(5, TimeUnit.SECONDS);
                    frames.put(member.userId() + ">" + room.userId(), stats.camera().framesDecoded());
                }
            }
        }
        return frames;
    }
}
