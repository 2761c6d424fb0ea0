package dev.ttrtc.bridge.engine;

import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * One room of an {@link RtcEngine}. Every action returns a future that completes once the room
 * server has accepted it, or fails with a {@link dev.ttrtc.bridge.errors.RtcException}.
 *
 * <p>Lifecycle: {@link #join} once, act, {@link #leave}; after an interruption or a leave the room
 * may be joined again. {@link #destroy} leaves and ends it for good.
 *
 * <p>Before joining (the seeds' order: capture, publish, then join), {@link #publishStream},
 * {@link #unpublishStream}, {@link #subscribeStream}, {@link #unsubscribeStream} and
 * {@link #setUserVisibility} complete at once and take effect when the next join succeeds (an
 * explicit publish choice wins over autoPublish); while a join is under way they wait for it.
 * {@link #updateToken} needs a room. See docs/engine.md.
 */
public interface RtcRoom {

    RoomId roomId();

    /** The handler for this room's events; set it before joining. */
    void setRoomEventHandler(RoomEventHandler handler);

    CompletableFuture<Void> join(String token, UserId userId, RoomConfig config);

    CompletableFuture<Void> leave();

    CompletableFuture<Void> publishStream(MediaKind kind);

    CompletableFuture<Void> unpublishStream(MediaKind kind);

    /** Receive a remote member's stream (only needed without autoSubscribe, or after unsubscribing). */
    CompletableFuture<Void> subscribeStream(UserId userId, MediaKind kind);

    CompletableFuture<Void> unsubscribeStream(UserId userId, MediaKind kind);

    /** Whether this participant receives that member's stream now. */
    boolean isSubscribed(UserId userId, MediaKind kind);

    CompletableFuture<Void> setUserVisibility(boolean visible);

    CompletableFuture<Void> updateToken(String token);

    /** Whether the room is joined (also while reconnecting). */
    boolean isJoined();

    /** The user id this participant joined as, or null before joining. */
    UserId userId();

    /** The visible members in join order, this participant included while visible. */
    List<RoomMember> members();

    /** What this participant receives from a member; empty without a media link (or without media). */
    java.util.Optional<RemoteMedia> remoteMedia(UserId userId);

    /**
     * Drops the connection without leaving, as a crashed client would: the room server notices
     * within its heartbeat timeout and tells the others. The room is not rejoined.
     */
    CompletableFuture<Void> dropConnection();

    /** Leaves (when joined) and ends the room. */
    CompletableFuture<Void> destroy();
}
