package dev.ttrtc.bridge.engine.internal;

import dev.ttrtc.bridge.engine.AudioInput;
import dev.ttrtc.bridge.engine.CameraFacing;
import dev.ttrtc.bridge.engine.EngineConfig;
import dev.ttrtc.bridge.engine.LocalMediaStats;
import dev.ttrtc.bridge.engine.MediaKind;
import dev.ttrtc.bridge.engine.PeerConnectionStats;
import dev.ttrtc.bridge.engine.RoomId;
import dev.ttrtc.bridge.engine.RtcEngine;
import dev.ttrtc.bridge.engine.RtcRoom;
import dev.ttrtc.bridge.engine.VideoEncoderConfig;
import dev.ttrtc.bridge.media.LocalMedia;
import java.awt.image.BufferedImage;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

/**
 * The engine: local capture state and the rooms, all driven from one named thread
 * ({@code tt-engine-<name>}) on which room event handlers are called.
 */
final class RealRtcEngine implements RtcEngine {
    private final EngineConfig config;
    private final EngineThread thread;
    private final List<RoomSession> rooms = new CopyOnWriteArrayList<>();
    // Engine thread writes; any thread reads.
    private final Set<MediaKind> capturing = java.util.Collections.synchronizedSet(EnumSet.noneOf(MediaKind.class));
    private volatile boolean closed;
    private volatile CameraFacing facing = CameraFacing.FRONT;
    private volatile VideoEncoderConfig encoderConfig = VideoEncoderConfig.DEFAULT;
    private volatile double playbackGain = 1.0;
    /** What this participant sends; null in signalling-only mode. */
    private final LocalMedia local;

    RealRtcEngine(EngineConfig config) {
        this.config = config;
        this.thread = new EngineThread(config.name());
        this.local = config.media().enabled()
                ? new LocalMedia(config.name(), config.media(), this::speakingChanged, () -> facing, this::patternLabel)
                : null;
    }

    /** The name the camera's test pattern shows: the user id in the first joined room, else the engine's name. */
    private String patternLabel() {
        for (RoomSession room : rooms) {
            if (room.isJoined()) {
                return room.userId().value();
            }
        }
        return config.name();
    }

    /** The speech detector changed its mind (audio thread). */
    private void speakingChanged(boolean speaking) {
        thread.executeIfOpen(() -> rooms.forEach(room -> room.setLocalSpeaking(speaking)));
    }

    /** The speech detector's current verdict (false without media). */
    boolean localSpeaking() {
        return local != null && local.stats().speaking();
    }

    /** What this participant sends, or null in signalling-only mode. */
    LocalMedia local() {
        return local;
    }

    double playbackGain() {
        return playbackGain;
    }

    @Override
    public EngineConfig config() {
        return config;
    }

    EngineThread thread() {
        return thread;
    }

    @Override
    public RtcRoom createRoom(RoomId roomId) {
        if (closed) {
            throw new IllegalStateException("engine " + config.name() + " is closed");
        }
        RoomSession room = new RoomSession(this, roomId);
        rooms.add(room);
        return room;
    }

    void forget(RoomSession room) {
        rooms.remove(room);
    }

    @Override
    public void startAudioCapture() {
        setCapture(MediaKind.AUDIO, true);
    }

    @Override
    public void stopAudioCapture() {
        setCapture(MediaKind.AUDIO, false);
    }

    @Override
    public void startVideoCapture() {
        setCapture(MediaKind.VIDEO, true);
    }

    @Override
    public void stopVideoCapture() {
        setCapture(MediaKind.VIDEO, false);
    }

    private void setCapture(MediaKind kind, boolean on) {
        boolean changed = on ? capturing.add(kind) : capturing.remove(kind);
        if (local != null) {
            if (kind == MediaKind.AUDIO) {
                local.setMicrophoneOn(on);
            } else {
                local.setCameraOn(on);
            }
        }
        if (changed && !closed) {
            thread.executeIfOpen(() -> rooms.forEach(room -> room.captureChanged(kind, on)));
        }
    }

    @Override
    public boolean isCapturing(MediaKind kind) {
        return capturing.contains(kind);
    }

    @Override
    public void switchCamera(CameraFacing newFacing) {
        this.facing = newFacing;
    }

    @Override
    public CameraFacing cameraFacing() {
        return facing;
    }

    @Override
    public void setVideoEncoderConfig(VideoEncoderConfig config) {
        this.encoderConfig = config;
        if (local != null) {
            local.setEncoderConfig(config);
        }
    }

    @Override
    public void setAudioInput(AudioInput input) {
        if (local != null) {
            local.setAudioInput(input);
        }
    }

    @Override
    public void setRecordingVolume(int volume) {
        if (local != null) {
            local.setRecordingVolume(volume);
        }
    }

    @Override
    public void setPlaybackVolume(int volume) {
        this.playbackGain = volume / 100.0;
    }

    @Override
    public Optional<BufferedImage> localPreview() {
        return local == null ? Optional.empty() : local.cameraPreview();
    }

    @Override
    public Optional<LocalMediaStats> localMedia() {
        return local == null ? Optional.empty() : Optional.of(local.stats());
    }

    @Override
    public PeerConnectionStats peerConnections() {
        return local == null ? PeerConnectionStats.NONE : local.peerConnections().stats();
    }

    @Override
    public VideoEncoderConfig videoEncoderConfig() {
        return encoderConfig;
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        CompletableFuture<?>[] leaving = rooms.stream().map(RoomSession::destroy).toArray(CompletableFuture[]::new);
        try {
            CompletableFuture.allOf(leaving).get(5, TimeUnit.SECONDS);
        } catch (Exception e) {
            // Leaving is best effort: the server drops silent members on its own.
        }
        closed = true;
        thread.shutdown();
        // Only now: a task still queued on the engine thread could otherwise touch disposed tracks.
        if (local != null) {
            local.close();
        }
    }
}
