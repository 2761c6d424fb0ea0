package dev.ttrtc.bridge.engine;

/**
 * What a participant sends.
 *
 * @param levelDbov the level of the latest captured 10 ms (after the recording volume)
 * @param speaking the speech detector's verdict on the captured audio
 * @param audioFramesPushed 10 ms frames handed to WebRTC
 * @param cameraFramesPushed camera frames handed to WebRTC
 * @param screenFramesPushed screen frames handed to WebRTC
 */
public record LocalMediaStats(double levelDbov, boolean speaking, long audioFramesPushed, long cameraFramesPushed,
        long screenFramesPushed) {
}
