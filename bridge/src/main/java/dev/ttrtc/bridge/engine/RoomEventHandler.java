package dev.ttrtc.bridge.engine;

import dev.ttrtc.bridge.errors.RtcError;

/**
 * The events of one room, after the native SDKs' room event handler. Every method is called on
 * the engine's own thread, one at a time, in the order things happened; when a method runs,
 * {@link RtcRoom#members()} already reflects the change. A handler must not block.
 */
public interface RoomEventHandler {
    /** {@code state} 0 = joined; {@code joinType} 0 = first join, 1 = rejoined after a reconnect. */
    default void onRoomStateChanged(RoomId roomId, UserId userId, int state, int joinType) {
    }

    default void onConnectionStateChanged(ConnectionState state) {
    }

    default void onUserJoined(UserId userId) {
    }

    default void onUserLeave(UserId userId, UserLeaveReason reason) {
    }

    default void onUserPublishStream(UserId userId, MediaKind kind) {
    }

    default void onUserUnpublishStream(UserId userId, MediaKind kind) {
    }

    /** A member (this one included) turned a capture on or off. */
    default void onUserCaptureChanged(UserId userId, MediaKind kind, boolean capturing) {
    }

    /** A member (this one included) started or stopped speaking. */
    default void onUserSpeakingChanged(UserId userId, boolean speaking) {
    }

    /** The first decoded audio with sound arrived from a member. */
    default void onFirstRemoteAudioFrame(UserId userId) {
    }

    /** The first camera or screen frame from a member was decoded. */
    default void onFirstRemoteVideoFrameDecoded(UserId userId, MediaKind kind, int width, int height) {
    }

    /** This participant's own publication changed (also when the server or autoPublish changed it). */
    default void onLocalPublishChanged(MediaKind kind, boolean published) {
    }

    /** This participant became visible or invisible to the others. */
    default void onLocalVisibilityChanged(boolean visible) {
    }

    /**
     * The room server stopped some or all of this participant's publishing because its token no
     * longer grants it (a publish privilege expired mid-call, or {@link RtcRoom#updateToken} brought
     * a token without it). The participant stays in the room; {@link #onLocalPublishChanged} has
     * already reported each stream that stopped, and publishing again is refused until a token
     * grants it.
     */
    default void onPublishRevoked(RtcError reason, String message) {
    }

    /** The token expires in 30 s; call {@link RtcRoom#updateToken}. */
    default void onTokenWillExpire() {
    }

    /**
     * This participant is out of the room without having asked: kicked by a duplicate login, its
     * token expired, or the server stayed unreachable. The room may be joined again.
     */
    default void onRoomInterrupted(RtcError reason, String message) {
    }

    /** Something this participant did automatically failed (for example an autoPublish refused). */
    default void onRoomError(RtcError error, String message) {
    }
}
