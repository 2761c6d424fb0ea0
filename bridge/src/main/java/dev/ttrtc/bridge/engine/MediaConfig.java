package dev.ttrtc.bridge.engine;

import java.util.Objects;

/**
 * A participant's media: whether audio and video flow at all, how ICE finds addresses, and what
 * the microphone, camera and screen share produce.
 *
 * @param enabled false for the signalling-only mode used by load tests: rooms, members and
 *     publish state work, but no audio or video flows and nobody is ever detected speaking
 * @param loopbackIce true (the default) keeps all media on 127.0.0.1; false uses the machine's
 *     real interfaces, for rooms across machines
 * @param microphone what is sent as microphone audio
 * @param camera what is sent as camera video
 * @param screen what is sent as a screen share (Java participants only)
 */
public record MediaConfig(boolean enabled, boolean loopbackIce, AudioInput microphone, VideoInput camera, VideoInput screen) {
    public static final MediaConfig DEFAULT =
            new MediaConfig(true, true, AudioInput.speech(), VideoInput.testPattern(), VideoInput.testPattern());

    /** The clearly labelled signalling-only mode (no media): for load tests of the room server. */
    public static final MediaConfig SIGNALLING_ONLY =
            new MediaConfig(false, true, AudioInput.silence(), VideoInput.testPattern(), VideoInput.testPattern());

    public MediaConfig {
        Objects.requireNonNull(microphone, "microphone");
        Objects.requireNonNull(camera, "camera");
        Objects.requireNonNull(screen, "screen");
    }

    public MediaConfig withMicrophone(AudioInput input) {
        return new MediaConfig(enabled, loopbackIce, input, camera, screen);
    }

    public MediaConfig withCamera(VideoInput input) {
        return new MediaConfig(enabled, loopbackIce, microphone, input, screen);
    }

    public MediaConfig withLoopbackIce(boolean loopback) {
        return new MediaConfig(enabled, loopback, microphone, camera, screen);
    }
}
