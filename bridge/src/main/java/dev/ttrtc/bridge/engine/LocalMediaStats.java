package dev.ttrtc.bridge.engine;

/**
 * What a participant sends.
 *
 * @param levelDbov the level of the latest captured 10 ms (after the recording volume)
 * @param volume that level as the mini-game's 0–255 volume (-60 dBov and below 0, 0 dBov 255)
 * @param speaking the speech detector's verdict on the captured audio
 * @param audioFramesPushed 10 ms frames handed to WebRTC
 * @param cameraFramesPushed camera frames handed to WebRTC
 * @param screenFramesPushed screen frames handed to WebRTC
 */
public record LocalMediaStats(double levelDbov, int volume, boolean speaking, long audioFramesPushed, long cameraFramesPushed,
        long screenFramesPushed) {
}
