package dev.ttrtc.bridge.tt;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ttrtc.bridge.engine.LocalMediaStats;
import dev.ttrtc.bridge.engine.MediaKind;
import dev.ttrtc.bridge.engine.RemoteMedia;
import dev.ttrtc.bridge.engine.RoomMember;
import dev.ttrtc.bridge.engine.RtcEngine;
import dev.ttrtc.bridge.engine.RtcRoom;
import java.time.Duration;
import java.util.concurrent.ScheduledFuture;
import java.util.function.BiConsumer;
import java.util.function.Supplier;

/**
 * The mini-game engine's periodic events, on the {@code tt-rtc-timer} thread: {@code networkQuality}
 * every 2 s in a channel, and {@code audioVolumeIndication} at the interval the game asked for.
 */
final class GameReports implements AutoCloseable {
    static final Duration NETWORK_QUALITY_PERIOD = Duration.ofSeconds(2);

    private final RtcEngine engine;
    private final Supplier<GameChannelEvents.GameChannel> channel;
    private final BiConsumer<String, ObjectNode> emit;
    private final ScheduledFuture<?> networkQualityTask;
    private volatile ScheduledFuture<?> indicationTask;

    GameReports(RtcEngine engine, Supplier<GameChannelEvents.GameChannel> channel, BiConsumer<String, ObjectNode> emit) {
        this.engine = engine;
        this.channel = channel;
        this.emit = emit;
        this.networkQualityTask = RtcTimers.every(NETWORK_QUALITY_PERIOD, this::reportNetworkQuality);
    }

    /** Starts volume indications every {@code intervalMillis} (at least 10), or with 0 or less stops them. */
    void indicateVolumes(double intervalMillis) {
        stopIndication();
        if (intervalMillis > 0) {
            indicationTask = RtcTimers.every(Duration.ofMillis(Math.max(10, (long) intervalMillis)), this::reportVolumes);
        }
    }

    private void stopIndication() {
        ScheduledFuture<?> task = indicationTask;
        if (task != null) {
            task.cancel(false);
        }
    }

    private RtcRoom joinedRoom() {
        GameChannelEvents.GameChannel current = channel.get();
        return current == null || !current.room().isJoined() ? null : current.room();
    }

    /** Each audible member's volume (0–255), the local user first while capturing, and the loudest as totalVolume. */
    private void reportVolumes() {
        RtcRoom room = joinedRoom();
        if (room == null) {
            return;
        }
        ObjectNode payload = JsonNodeFactory.instance.objectNode();
        ArrayNode speakers = payload.putArray("speakers");
        int total = 0;
        if (engine.isCapturing(MediaKind.AUDIO)) {
            int volume = engine.localMedia().map(LocalMediaStats::volume).orElse(0);
            speakers.addObject().put("uid", channel.get().uid()).put("volume", volume);
            total = volume;
        }
        for (RoomMember member : room.members()) {
            if (!member.local()) {
                int volume = room.remoteMedia(member.userId()).map(RemoteMedia::audioVolume).orElse(0);
                speakers.addObject().put("uid", member.userId().value()).put("volume", volume);
                total = Math.max(total, volume);
            }
        }
        payload.put("totalVolume", total);
        emit.accept("audioVolumeIndication", payload);
    }

    /**
     * Host rule: every 2 s in a channel, one {@code networkQuality} per member with a media link:
     * 1 (excellent) while its stream arrives with a round trip under 100 ms (or none measured
     * yet: a receive-only link may never measure one), 2 under 300 ms, 3 above, 6 (down) when
     * nothing is received although something is published, 0 (unknown) when nothing is published.
     */
    private void reportNetworkQuality() {
        RtcRoom room = joinedRoom();
        if (room == null) {
            return;
        }
        for (RoomMember member : room.members()) {
            if (member.local()) {
                continue;
            }
            room.remoteMedia(member.userId()).ifPresent(media -> media.stats().thenAccept(stats -> {
                boolean expecting = member.state().publishesAnything();
                boolean receiving = stats.audio().receiving() || stats.camera().receiving() || stats.screen().receiving();
                int quality = !expecting ? 0 : !receiving ? 6
                        : stats.roundTripMillis() < 100 ? 1 : stats.roundTripMillis() < 300 ? 2 : 3;
                emit.accept("networkQuality", RtcPayloads.gameNetworkQuality(member.userId().value(), quality));
            }));
        }
    }

    @Override
    public void close() {
        stopIndication();
        networkQualityTask.cancel(false);
    }
}
