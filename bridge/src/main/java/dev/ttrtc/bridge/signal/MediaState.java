package dev.ttrtc.bridge.signal;

/**
 * What one member captures and publishes. Capture and publish are independent, as in
 * Volcengine's SDKs: a member may capture without publishing (preview) and publish while its
 * capture is off (sending nothing).
 */
public record MediaState(boolean audioCapture, boolean videoCapture, boolean audioPublished,
        boolean videoPublished, boolean screenPublished) {

    public static final MediaState NONE = new MediaState(false, false, false, false, false);

    public boolean publishesAnything() {
        return audioPublished || videoPublished || screenPublished;
    }

    public MediaState withAudioCapture(boolean on) {
        return new MediaState(on, videoCapture, audioPublished, videoPublished, screenPublished);
    }

    public MediaState withVideoCapture(boolean on) {
        return new MediaState(audioCapture, on, audioPublished, videoPublished, screenPublished);
    }

    public MediaState withAudioPublished(boolean on) {
        return new MediaState(audioCapture, videoCapture, on, videoPublished, screenPublished);
    }

    public MediaState withVideoPublished(boolean on) {
        return new MediaState(audioCapture, videoCapture, audioPublished, on, screenPublished);
    }

    public MediaState withScreenPublished(boolean on) {
        return new MediaState(audioCapture, videoCapture, audioPublished, videoPublished, on);
    }

    /** The same capture with nothing published. */
    public MediaState unpublished() {
        return new MediaState(audioCapture, videoCapture, false, false, false);
    }
}
