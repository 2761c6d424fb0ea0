package dev.ttrtc.bridge.signal.server;

import dev.ttrtc.bridge.signal.MessageCodec;
import java.time.Duration;

/**
 * The room server's limits and timings (the host rules of {@code docs/server.md}). Immutable;
 * each {@code with…} returns a copy.
 */
public final class ServerSettings {
    private Duration heartbeatTimeout = Duration.ofMillis(2000);
    private Duration sweepInterval = Duration.ofMillis(200);
    private int maxVisibleMembers = 50;
    private int maxInvisibleMembers = 50;
    private int maxPublishers = 30;
    private Duration tokenWarning = Duration.ofSeconds(30);
    private int maxMessagesPerSecond = 200;
    private int maxSignalBytesPerSecond = 256 * 1024;
    private int maxErrors = 20;
    private Duration errorWindow = Duration.ofSeconds(10);
    private int maxConnectionsPerAddress = 1000;
    private int maxQueuedBytes = 1024 * 1024;
    private Duration requestParseTimeout = Duration.ofSeconds(5);
    private Duration idleTimeout = Duration.ofSeconds(30);
    private int roomThreads = 2;

    private ServerSettings() {
    }

    private ServerSettings copy() {
        ServerSettings c = new ServerSettings();
        c.heartbeatTimeout = heartbeatTimeout;
        c.sweepInterval = sweepInterval;
        c.maxVisibleMembers = maxVisibleMembers;
        c.maxInvisibleMembers = maxInvisibleMembers;
        c.maxPublishers = maxPublishers;
        c.tokenWarning = tokenWarning;
        c.maxMessagesPerSecond = maxMessagesPerSecond;
        c.maxSignalBytesPerSecond = maxSignalBytesPerSecond;
        c.maxErrors = maxErrors;
        c.errorWindow = errorWindow;
        c.maxConnectionsPerAddress = maxConnectionsPerAddress;
        c.maxQueuedBytes = maxQueuedBytes;
        c.requestParseTimeout = requestParseTimeout;
        c.idleTimeout = idleTimeout;
        c.roomThreads = roomThreads;
        return c;
    }

    public static ServerSettings defaults() {
        return new ServerSettings();
    }

    /**
     * A connection silent this long is dead; its member is then removed (clients ping every
     * 500 ms, so others learn of a vanished client within this plus one sweep).
     */
    public Duration heartbeatTimeout() {
        return heartbeatTimeout;
    }

    /** How often dead connections and members are looked for. */
    public Duration sweepInterval() {
        return sweepInterval;
    }

    /** Visible members per room (Volcengine's default 50). */
    public int maxVisibleMembers() {
        return maxVisibleMembers;
    }

    /** Invisible members per room: they cost the server like visible ones but nobody sees them. */
    public int maxInvisibleMembers() {
        return maxInvisibleMembers;
    }

    /** Members publishing anything per room (Volcengine's default 30). */
    public int maxPublishers() {
        return maxPublishers;
    }

    /** How long before a token expires its member is told. */
    public Duration tokenWarning() {
        return tokenWarning;
    }

    /** Sustained messages a second one connection may send (bursts of twice that). */
    public int maxMessagesPerSecond() {
        return maxMessagesPerSecond;
    }

    /**
     * Sustained bytes of signal data a second one connection's member may have relayed to others
     * (bursts of twice that), counted as the frames its targets get. Negotiation needs a few KB a
     * call. The default burst is half of {@link #maxQueuedBytes()}: one member alone cannot fill
     * the unread bytes of a target that reads.
     */
    public int maxSignalBytesPerSecond() {
        return maxSignalBytesPerSecond;
    }

    /** Bad messages tolerated within {@link #errorWindow()} before disconnecting. */
    public int maxErrors() {
        return maxErrors;
    }

    public Duration errorWindow() {
        return errorWindow;
    }

    /** Open signalling connections from one IP address (every local client shares 127.0.0.1). */
    public int maxConnectionsPerAddress() {
        return maxConnectionsPerAddress;
    }

    /**
     * Bytes waiting to be written to one client (each frame counted with {@link Connection#FRAME_OVERHEAD}
     * more) before it counts as too slow and is dropped.
     */
    public int maxQueuedBytes() {
        return maxQueuedBytes;
    }

    /** An HTTP request (upgrade included) must arrive whole within this time of its first byte. */
    public Duration requestParseTimeout() {
        return requestParseTimeout;
    }

    /** An HTTP connection with no request in progress is closed after this long. */
    public Duration idleTimeout() {
        return idleTimeout;
    }

    /** Threads the rooms' work is spread over (each room's work runs on one at a time). */
    public int roomThreads() {
        return roomThreads;
    }

    public ServerSettings withHeartbeatTimeout(Duration value) {
        ServerSettings c = copy();
        c.heartbeatTimeout = value;
        return c;
    }

    public ServerSettings withMaxVisibleMembers(int max) {
        ServerSettings c = copy();
        c.maxVisibleMembers = max;
        return c;
    }

    public ServerSettings withMaxInvisibleMembers(int max) {
        ServerSettings c = copy();
        c.maxInvisibleMembers = max;
        return c;
    }

    public ServerSettings withMaxPublishers(int max) {
        ServerSettings c = copy();
        c.maxPublishers = max;
        return c;
    }

    public ServerSettings withTokenWarning(Duration value) {
        ServerSettings c = copy();
        c.tokenWarning = value;
        return c;
    }

    public ServerSettings withMaxConnectionsPerAddress(int max) {
        ServerSettings c = copy();
        c.maxConnectionsPerAddress = max;
        return c;
    }

    /** At least half of {@link MessageCodec#MAX_MESSAGE_BYTES}, so that a burst holds a message of the largest size. */
    public ServerSettings withMaxSignalBytesPerSecond(int max) {
        if (max < MessageCodec.MAX_MESSAGE_BYTES / 2) {
            throw new IllegalArgumentException("maxSignalBytesPerSecond must be at least " + MessageCodec.MAX_MESSAGE_BYTES / 2);
        }
        ServerSettings c = copy();
        c.maxSignalBytesPerSecond = max;
        return c;
    }

    public ServerSettings withMaxQueuedBytes(int max) {
        ServerSettings c = copy();
        c.maxQueuedBytes = max;
        return c;
    }

    public ServerSettings withRequestParseTimeout(Duration value) {
        ServerSettings c = copy();
        c.requestParseTimeout = value;
        return c;
    }

    public ServerSettings withIdleTimeout(Duration value) {
        ServerSettings c = copy();
        c.idleTimeout = value;
        return c;
    }

    public ServerSettings withRoomThreads(int count) {
        ServerSettings c = copy();
        c.roomThreads = count;
        return c;
    }
}
