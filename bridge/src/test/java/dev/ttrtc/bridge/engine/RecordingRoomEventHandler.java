package dev.ttrtc.bridge.engine;

import dev.ttrtc.bridge.errors.RtcError;
import dev.ttrtc.testkit.CallRecorder;

/**
 * A {@link RoomEventHandler} that records every call (on the engine thread) into a
 * {@link CallRecorder}, named after the method without "on", for the test to take in order with a
 * deadline.
 */
final class RecordingRoomEventHandler implements RoomEventHandler {
    private final CallRecorder calls;

    RecordingRoomEventHandler(CallRecorder calls) {
        this.calls = calls;
    }

    @Override
    public void onRoomStateChanged(RoomId roomId, UserId userId, int state, int joinType) {
        calls.record("RoomStateChanged", roomId, userId, state, joinType);
    }

    @Override
    public void onConnectionStateChanged(ConnectionState state) {
        calls.record("ConnectionStateChanged", state);
    }

    @Override
    public void onUserJoined(UserId userId) {
        calls.record("UserJoined", userId);
    }

    @Override
    public void onUserLeave(UserId userId, UserLeaveReason reason) {
        calls.record("UserLeave", userId, reason);
    }

    @Override
    public void onUserPublishStream(UserId userId, MediaKind kind) {
        calls.record("UserPublishStream", userId, kind);
    }

    @Override
    public void onUserUnpublishStream(UserId userId, MediaKind kind) {
        calls.record("UserUnpublishStream", userId, kind);
    }

    @Override
    public void onUserCaptureChanged(UserId userId, MediaKind kind, boolean capturing) {
        calls.record("UserCaptureChanged", userId, kind, capturing);
    }

    @Override
    public void onUserSpeakingChanged(UserId userId, boolean speaking) {
        calls.record("UserSpeakingChanged", userId, speaking);
    }

    @Override
    public void onFirstRemoteAudioFrame(UserId userId) {
        calls.record("FirstRemoteAudioFrame", userId);
    }

    @Override
    public void onFirstRemoteVideoFrameDecoded(UserId userId, MediaKind kind, int width, int height) {
        calls.record("FirstRemoteVideoFrameDecoded", userId, kind, width, height);
    }

    @Override
    public void onLocalPublishChanged(MediaKind kind, boolean published) {
        calls.record("LocalPublishChanged", kind, published);
    }

    @Override
    public void onPublishRevoked(RtcError reason, String message) {
        calls.record("PublishRevoked", reason, message);
    }

    @Override
    public void onLocalVisibilityChanged(boolean visible) {
        calls.record("LocalVisibilityChanged", visible);
    }

    @Override
    public void onTokenWillExpire() {
        calls.record("TokenWillExpire");
    }

    @Override
    public void onRoomInterrupted(RtcError reason, String message) {
        calls.record("RoomInterrupted", reason, message);
    }

    @Override
    public void onRoomError(RtcError error, String message) {
        calls.record("RoomError", error, message);
    }
}
