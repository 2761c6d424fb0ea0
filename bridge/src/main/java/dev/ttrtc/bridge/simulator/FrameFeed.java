package dev.ttrtc.bridge.simulator;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ttrtc.bridge.engine.MediaKind;
import dev.ttrtc.bridge.engine.RemoteMedia;
import dev.ttrtc.bridge.engine.RoomMember;
import dev.ttrtc.bridge.engine.RtcEngine;
import dev.ttrtc.bridge.engine.RtcRoom;
import dev.ttrtc.bridge.tt.MiniProgramRtc;
import dev.ttrtc.runtime.MiniProgram;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import javax.imageio.ImageIO;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The live video of the page: every picture the shown mini-program decodes (and its own camera
 * preview) goes to the pages as it arrives, one binary WebSocket message per picture — a 4-byte
 * header length, a JSON header ({@code key, userId, kind, width, height, decoded}) and the JPEG.
 * Each picture is encoded once for all pages; a page still busy with the previous picture of a
 * tile gets the newest one instead (see {@link PageClient#sendFrame}). The counters are read
 * every {@link #POLL_MS} ms on the thread {@code tt-simulator-video}; a picture is encoded only
 * when a counter moved.
 */
final class FrameFeed implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(FrameFeed.class);
    static final long POLL_MS = 10;

    private final Supplier<MiniProgram> shown;
    private final PageClients clients;
    private final ScheduledExecutorService thread = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "tt-simulator-video");
        t.setDaemon(true);
        return t;
    });
    // Video thread only.
    private final Map<String, Long> counters = new HashMap<>();
    private final Map<String, byte[]> latest = new HashMap<>();
    private final Map<String, Long> sent = new HashMap<>();

    FrameFeed(Supplier<MiniProgram> shown, PageClients clients) {
        this.shown = shown;
        this.clients = clients;
        thread.scheduleWithFixedDelay(this::poll, POLL_MS, POLL_MS, TimeUnit.MILLISECONDS);
    }

    /** A page that just connected gets the latest picture of every tile. */
    void greet(PageClient client) {
        thread.execute(() -> latest.forEach(client::sendFrame));
    }

    /** Pictures sent per tile so far (for the benchmark and tests): a copy, read on the video thread. */
    Map<String, Long> sentCounts() {
        try {
            return thread.submit(() -> Map.copyOf(sent)).get(5, TimeUnit.SECONDS);
        } catch (Exception e) {
            return Map.of();
        }
    }

    private void poll() {
        try {
            MiniProgram program = shown.get();
            Set<String> present = new HashSet<>();
            if (program != null && !program.isClosed() && !clients.isEmpty()) {
                MiniProgramRtc rtc = MiniProgramRtc.of(program);
                RtcRoom room = rtc.currentRoom();
                if (room != null) {
                    for (RoomMember member : room.members()) {
                        for (MediaKind kind : List.of(MediaKind.VIDEO, MediaKind.SCREEN)) {
                            if (member.publishes(kind)) {
                                String key = member.userId() + "/" + kind.name().toLowerCase();
                                present.add(key);
                                offer(key, member.userId().value(), kind, source(rtc, room, member, kind));
                            }
                        }
                    }
                }
            }
            for (String gone : new HashSet<>(counters.keySet())) {
                if (!present.contains(gone)) {
                    counters.remove(gone);
                    latest.remove(gone);
                    clients.broadcast(Simulator.message("frameGone").put("key", gone).toString());
                }
            }
        } catch (Throwable t) {
            // A periodic task that throws is never run again: the video would stop without a word.
            LOG.warn("the simulator's video update failed", t);
        }
    }

    /** Where a tile's pictures come from: a counter that grows with each, and the latest one. */
    private record Source(long count, Supplier<Optional<BufferedImage>> picture) {
    }

    private static Source source(MiniProgramRtc rtc, RtcRoom room, RoomMember member, MediaKind kind) {
        if (member.local()) {
            List<MiniProgramRtc.Entry> engines = rtc.engines();
            if (kind != MediaKind.VIDEO || engines.isEmpty()) {
                return new Source(0, Optional::empty);
            }
            RtcEngine engine = engines.get(engines.size() - 1).engine();
            long count = engine.localMedia().map(s -> s.cameraFramesPushed()).orElse(0L);
            return new Source(count, engine::localPreview);
        }
        Optional<RemoteMedia> media = room.remoteMedia(member.userId());
        return media.map(m -> new Source(m.framesDecoded(kind), () -> m.latestFrame(kind)))
                .orElseGet(() -> new Source(0, Optional::empty));
    }

    private void offer(String key, String userId, MediaKind kind, Source source) throws IOException {
        Long before = counters.get(key);
        if (before != null && before == source.count()) {
            return;
        }
        if (clients.all().stream().allMatch(c -> c.frameWaiting(key))) {
            return; // every page is still busy with this tile's previous picture: encode later
        }
        Optional<BufferedImage> picture = source.picture().get();
        if (picture.isEmpty()) {
            return;
        }
        counters.put(key, source.count());
        BufferedImage image = picture.get();
        ObjectNode header = Simulator.message("frame");
        header.put("key", key).put("userId", userId).put("kind", kind.name().toLowerCase())
                .put("width", image.getWidth()).put("height", image.getHeight()).put("decoded", source.count());
        byte[] message = message(header.toString().getBytes(StandardCharsets.UTF_8), jpeg(image));
        latest.put(key, message);
        sent.merge(key, 1L, Long::sum);
        for (PageClient client : clients.all()) {
            client.sendFrame(key, message);
        }
    }

    private static byte[] message(byte[] header, byte[] jpeg) {
        return ByteBuffer.allocate(4 + header.length + jpeg.length).putInt(header.length).put(header).put(jpeg).array();
    }

    private static byte[] jpeg(BufferedImage image) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream(32 * 1024);
        ImageIO.write(image, "jpg", out);
        return out.toByteArray();
    }

    /** Tiles of an instance no longer shown disappear on the next poll; this drops them now. */
    void clear() {
        thread.execute(() -> {
            counters.keySet().forEach(gone -> clients.broadcast(Simulator.message("frameGone").put("key", gone).toString()));
            counters.clear();
            latest.clear();
        });
    }

    @Override
    public void close() {
        thread.shutdownNow();
    }
}
