package dev.ttrtc.bridge.engine;

/** The link between a joined room and the room server. */
public enum ConnectionState {
    /** The link dropped; the room is being rejoined with backoff. */
    RECONNECTING,
    /** Rejoined after a drop; the member list was brought up to date. */
    RECONNECTED,
    /** Rejoining failed for good; the room was left. */
    LOST
}
