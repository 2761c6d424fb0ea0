package dev.ttrtc.bridge.engine;

import java.awt.image.BufferedImage;
import java.util.Optional;

/**
 * A participant's media engine, after the native SDKs: create it, set up capture, create a room,
 * join with a token, and close it when done. A Java program can use it to take part in rooms as a
 * user of "another platform".
 *
 * <pre>{@code
 * try (RtcEngine engine = RtcEngine.create(EngineConfig.of(server.signalUri(), AppId.of(appId), "bob"))) {
 *     RtcRoom room = engine.createRoom(RoomId.of("demo"));
 *     room.setRoomEventHandler(handler);
 *     engine.startAudioCapture();
 *     room.join(token, UserId.of("bob"), RoomConfig.DEFAULT).join();
 * }
 * }</pre>
 */
public interface RtcEngine extends AutoCloseable {

    static RtcEngine create(EngineConfig config) {
        return RtcEngineProvider.installed().create(config);
    }

    EngineConfig config();

    /** A room of this engine's app; one room object per join. */
    RtcRoom createRoom(RoomId roomId);

    void startAudioCapture();

    void stopAudioCapture();

    void startVideoCapture();

    void stopVideoCapture();

    boolean isCapturing(MediaKind kind);

    void switchCamera(CameraFacing facing);

    CameraFacing cameraFacing();

    void setVideoEncoderConfig(VideoEncoderConfig config);

    VideoEncoderConfig videoEncoderConfig();

    /** Changes what the microphone sends (for example a talk pattern, or silence). */
    void setAudioInput(AudioInput input);

    /** 0–200, 100 = as produced: scales the captured audio (the mini-game's recording volume). */
    void setRecordingVolume(int volume);

    /** 0–200, 100 = as decoded: scales received audio and its levels (the mini-game's playback volume). */
    void setPlaybackVolume(int volume);

    /** The latest camera picture this participant sent (its local preview), while the camera is on. */
    Optional<BufferedImage> localPreview();

    /** What this participant sends now; empty in signalling-only mode. */
    Optional<LocalMediaStats> localMedia();

    /** The native peer connections of this engine's rooms: open, created, held back ({@code NONE} without media). */
    PeerConnectionStats peerConnections();

    /** Destroys every room (leaving them) and releases the engine's threads. */
    @Override
    void close();
}
