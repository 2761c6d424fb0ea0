package dev.ttrtc.bridge.engine;

/** A stream a member can publish: microphone audio, camera video, or a screen share. */
public enum MediaKind {
    AUDIO, VIDEO, SCREEN
}
