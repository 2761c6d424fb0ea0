package dev.ttrtc.bridge.engine;

/**
 * An engine's native peer connections, which cost native memory the Java heap does not show (and
 * which webrtc-java 0.14.0 never frees, even once closed).
 *
 * @param open connections open now (at most {@code cap})
 * @param created connections created since the engine started, closed ones included
 * @param deferred negotiations held back by a rate limit or the cap, to be run later (only the
 *     latest per member and direction waits)
 * @param cap the most connections the engine keeps open at once
 */
public record PeerConnectionStats(int open, long created, long deferred, int cap) {
    public static final PeerConnectionStats NONE = new PeerConnectionStats(0, 0, 0, 0);
}
