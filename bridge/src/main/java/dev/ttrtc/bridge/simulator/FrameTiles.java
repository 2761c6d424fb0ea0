package dev.ttrtc.bridge.simulator;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ttrtc.bridge.engine.MediaKind;
import dev.ttrtc.bridge.engine.RoomMember;
import dev.ttrtc.bridge.engine.RtcRoom;
import dev.ttrtc.bridge.tt.MiniProgramRtc;
import dev.ttrtc.runtime.MiniProgram;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Base64;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import javax.imageio.ImageIO;

/**
 * The video tiles of the page: for each member of the shown mini-program's room that publishes
 * video or a screen, the latest picture the mini-program decoded (its own camera preview for the
 * local user), as JPEG, sent when it changed. Simulator thread only.
 */
final class FrameTiles {
    private final Map<String, Integer> signatures = new HashMap<>();
    private final Map<String, String> lastMessages = new HashMap<>();

    void update(MiniProgram program, Consumer<String> broadcast) {
        RtcRoom room = MiniProgramRtc.of(program).currentRoom();
        Set<String> present = new HashSet<>();
        if (room != null) {
            for (RoomMember member : room.members()) {
                for (MediaKind kind : List.of(MediaKind.VIDEO, MediaKind.SCREEN)) {
                    if (member.publishes(kind)) {
                        String key = member.userId() + "/" + kind.name().toLowerCase();
                        present.add(key);
                        frame(program, room, member, kind).ifPresent(image -> offer(key, member.userId(), kind, image, broadcast));
                    }
                }
            }
        }
        for (String gone : new HashSet<>(signatures.keySet())) {
            if (!present.contains(gone)) {
                signatures.remove(gone);
                lastMessages.remove(gone);
                broadcast.accept(Simulator.message("frameGone").put("key", gone).toString());
            }
        }
    }

    private static Optional<BufferedImage> frame(MiniProgram program, RtcRoom room, RoomMember member, MediaKind kind) {
        if (member.local()) {
            List<MiniProgramRtc.Entry> engines = MiniProgramRtc.of(program).engines();
            return kind == MediaKind.VIDEO && !engines.isEmpty()
                    ? engines.get(engines.size() - 1).engine().localPreview() : Optional.empty();
        }
        return room.remoteMedia(member.userId()).flatMap(media -> media.latestFrame(kind));
    }

    private void offer(String key, String userId, MediaKind kind, BufferedImage image, Consumer<String> broadcast) {
        int signature = signature(image);
        Integer previous = signatures.put(key, signature);
        if (previous != null && previous == signature) {
            return;
        }
        ObjectNode message = Simulator.message("frame");
        message.put("key", key);
        message.put("userId", userId);
        message.put("kind", kind.name().toLowerCase());
        message.put("width", image.getWidth());
        message.put("height", image.getHeight());
        message.put("jpeg", Base64.getEncoder().encodeToString(jpeg(image)));
        String text = message.toString();
        lastMessages.put(key, text);
        broadcast.accept(text);
    }

    /** A cheap fingerprint: a grid of pixels, enough to see that a moving picture moved. */
    private static int signature(BufferedImage image) {
        int hash = 17;
        for (int y = 0; y < image.getHeight(); y += Math.max(1, image.getHeight() / 24)) {
            for (int x = 0; x < image.getWidth(); x += Math.max(1, image.getWidth() / 32)) {
                hash = hash * 31 + image.getRGB(x, y);
            }
        }
        return hash;
    }

    private static byte[] jpeg(BufferedImage image) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ImageIO.write(image, "jpg", out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Removes every tile (no instance is shown, or it closed). */
    void clear(Consumer<String> broadcast) {
        for (String gone : signatures.keySet()) {
            broadcast.accept(Simulator.message("frameGone").put("key", gone).toString());
        }
        signatures.clear();
        lastMessages.clear();
    }

    /** The latest picture of every tile, for a page that just connected. */
    void resend(Consumer<String> send) {
        lastMessages.values().forEach(send);
    }
}
