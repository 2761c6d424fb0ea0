package dev.ttrtc.bridge.engine;

/**
 * What this participant receives from one remote member, from WebRTC's statistics and its own
 * sinks. Counters are totals since the member's media link opened.
 *
 * @param audio the microphone stream
 * @param camera the camera stream
 * @param screen the screen-share stream
 * @param roundTripMillis the last measured round-trip time, or -1 when unknown
 */
public record RemoteMediaStats(UserId userId, Audio audio, Video camera, Video screen, double roundTripMillis) {

    /**
     * @param receiving whether the stream is negotiated to flow now
     * @param packetsReceived RTP packets
     * @param bytesReceived RTP payload bytes
     * @param levelDbov the decoded level of the latest 10 ms (after the playback volume)
     * @param samplesDecoded decoded samples delivered to this participant
     */
    public record Audio(boolean receiving, long packetsReceived, long bytesReceived, double levelDbov, long samplesDecoded) {
    }

    /**
     * @param receiving whether the stream is negotiated to flow now
     * @param framesDecoded frames that reached this participant
     * @param framesPerSecond over the last second
     * @param lastCounter the frame counter of the latest test-pattern frame, or -1
     */
    public record Video(boolean receiving, long packetsReceived, long bytesReceived, long framesDecoded,
            double framesPerSecond, int width, int height, int lastCounter) {
    }
}
