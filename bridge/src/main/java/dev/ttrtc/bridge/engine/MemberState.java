package dev.ttrtc.bridge.engine;

/**
 * What one member captures and publishes. Capture and publish are independent, as in
 * Volcengine's SDKs: a member may capture without publishing (preview) and publish while its
 * capture is off (sending nothing).
 */
public record MemberState(boolean audioCapture, boolean videoCapture, boolean audioPublished,
        boolean videoPublished, boolean screenPublished) {

    public boolean publishesAnything() {
        return audioPublished || videoPublished || screenPublished;
    }
}
